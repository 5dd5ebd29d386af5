import { formValues } from '../../shared/Field';
import { held, resolveHeld } from '../held';
import { fmt } from '../state';

/**
 * Registrations a kiosk took while offline that the server refused once they arrived, when the person had
 * already left: who it was, what they chose, why it was refused. Staff call back and note what was done.
 */
export function HeldSubmissions() {
  if (!held.value.length) return null;
  return (
    <section aria-labelledby="held-title" data-testid="held-submissions">
      <h2 id="held-title">{`Заявки с киосков, не принятые сервером: ${held.value.length}`}</h2>
      <p class="muted">
        Человек уже ушёл от киоска, когда сервер отказал. Позвоните ему и отметьте, что сделано.
      </p>
      {held.value.map((h) => (
        <article key={h.id} class="card" data-held={h.id}>
          <h3>{h.fullName ?? 'Без имени'}</h3>
          <p>{[h.phone, h.birthDate, h.citizenship, h.preferredLanguage].filter(Boolean).join(' · ')}</p>
          <p class="muted">
            {`${h.fairName ?? ''}${h.kioskLabel ? `, киоск «${h.kioskLabel}»` : ''} · подано ${fmt(h.submittedAt)}`}
          </p>
          {h.vacancies.length ? (
            <ul>
              {h.vacancies.map((v) => (
                <li key={v.id}>{v.title ?? v.id}</li>
              ))}
            </ul>
          ) : null}
          <p class="error">
            {`Отказ ${h.refusal.status}: ${h.refusal.title}`}
            {h.refusal.detail ? ` — ${h.refusal.detail}` : ''}
          </p>
          <form
            aria-label={`Решение по заявке ${h.fullName ?? ''}`}
            onSubmit={(e) => {
              e.preventDefault();
              void resolveHeld(h, formValues(e.currentTarget).note);
            }}
          >
            <div class="field">
              <label for={`held-note-${h.id}`}>Что сделано</label>
              <input id={`held-note-${h.id}`} name="note" required />
            </div>
            <button type="submit">Отметить как решённое</button>
          </form>
        </article>
      ))}
    </section>
  );
}
