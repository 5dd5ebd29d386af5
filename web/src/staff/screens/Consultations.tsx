import { useState } from 'preact/hooks';
import { labelOf } from '../../i18n/staff';
import { Table } from '../components/Table';
import {
  CATEGORY_LABELS,
  Consultation,
  ConsultationPerson,
  GrievanceCategory,
  TOPIC_LABELS,
  consultations,
  isAdviser,
  persons,
  readPerson,
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

/** What the eligibility check knows of the person, and their documents with masked numbers. */
function Person({ p }: { p: ConsultationPerson }) {
  const f = p.eligibilityFacts;
  const bans = Object.entries(f.entryBans ?? {});
  return (
    <div class="card" data-person={p.migrantId}>
      <p>{`Гражданство: ${labelOf('ru', 'country', f.citizenship)}; дата рождения: ${f.birthDate}; профессии: ${f.occupationCodes.join(', ') || '—'}`}</p>
      {bans.length ? (
        <p class="notice">{`Запрет въезда: ${bans.map(([c, d]) => `${c} до ${d}`).join(', ')}`}</p>
      ) : null}
      <Table cols={['Документ', 'Номер', 'Страна', 'Регион', 'Действует с', 'по']}>
        {p.documents.map((d) => (
          <tr key={d.id}>
            <th scope="row">{d.type}</th>
            <td>{d.number ?? '—'}</td>
            <td>{d.issuingCountry ?? '—'}</td>
            <td>{d.region ?? '—'}</td>
            <td>{d.validFrom ?? '—'}</td>
            <td>{d.validUntil ?? '—'}</td>
          </tr>
        ))}
      </Table>
    </div>
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
          {persons.value[c.id] ? (
            <Person p={persons.value[c.id]} />
          ) : (
            <button
              type="button"
              class="secondary"
              data-action="person"
              onClick={() => void readPerson(c.id)}
            >
              Данные и документы заявителя
            </button>
          )}
          {c.status === 'booked' ? <Outcome c={c} /> : null}
        </article>
      ))}
    </section>
  );
}
