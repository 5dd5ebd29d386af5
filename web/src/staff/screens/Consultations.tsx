import { useState } from 'preact/hooks';
import {
  CATEGORY_LABELS,
  Consultation,
  GrievanceCategory,
  TOPIC_LABELS,
  consultations,
  isAdviser,
  recordOutcome,
} from '../grievances';
import { fmt } from '../state';

const STATUS: Record<string, string> = { booked: 'Записан', done: 'Состоялась', cancelled: 'Отменена' };

function Outcome({ c }: { c: Consultation }) {
  const [withGrievance, setWithGrievance] = useState(false);
  return (
    <form
      data-form="outcome"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const outcome = String(data.get('outcome') ?? '').trim();
        if (!outcome) return;
        void recordOutcome(
          c.id,
          outcome,
          withGrievance
            ? {
                category: String(data.get('category')) as GrievanceCategory,
                description: String(data.get('description') ?? '').trim() || outcome,
              }
            : null,
        );
      }}
    >
      <div class="field">
        <label for={`outcome-${c.id}`}>Итог консультации</label>
        <textarea id={`outcome-${c.id}`} name="outcome" rows={2} maxLength={8000} required />
      </div>
      <label class="check">
        <input type="checkbox" checked={withGrievance} onChange={() => setWithGrievance(!withGrievance)} />
        Открыть обращение по итогам
      </label>
      {withGrievance ? (
        <>
          <div class="field">
            <label for={`category-${c.id}`}>Категория обращения</label>
            <select id={`category-${c.id}`} name="category">
              {Object.entries(CATEGORY_LABELS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={`description-${c.id}`}>Суть обращения</label>
            <textarea id={`description-${c.id}`} name="description" rows={2} maxLength={8000} />
          </div>
        </>
      ) : null}
      <button type="submit" data-action="outcome">
        Записать итог
      </button>
    </form>
  );
}

/** A legal adviser's own bookings (staff see every desk's): topic, time, outcome and a grievance from it. */
export function Consultations() {
  return (
    <section>
      <h2>{isAdviser() ? 'Мои консультации' : 'Консультации юриста'}</h2>
      {consultations.value.length === 0 ? <p class="muted">Записей нет.</p> : null}
      {consultations.value.map((c) => (
        <article key={c.id} class="card" data-consultation={c.id} data-status={c.status}>
          <h3>{`${fmt(String(c.startsAt))} · ${TOPIC_LABELS[c.topic]}`}</h3>
          <p>{`${STATUS[c.status] ?? c.status}; язык: ${c.language}; канал: ${c.channel}`}</p>
          {c.outcome ? <p>{`Итог: ${c.outcome}`}</p> : null}
          {c.grievanceId ? <p>{`Открыто обращение ${c.grievanceId}`}</p> : null}
          {c.status === 'booked' ? <Outcome c={c} /> : null}
        </article>
      ))}
    </section>
  );
}
