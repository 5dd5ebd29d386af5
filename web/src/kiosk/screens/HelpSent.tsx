import { Layout } from '../components/Layout';
import { filed } from '../help';
import { lang, reset, tr } from '../state';

/** The report is in: when to expect an answer, and for an urgent one the help numbers at once, in the visitor's language. */
export function HelpSent() {
  const g = filed.value;
  if (!g) return null;
  // The due day is a Moscow date, written in the visitor's language.
  const due = new Intl.DateTimeFormat(lang.value, { dateStyle: 'long', timeZone: 'Europe/Moscow' }).format(
    new Date(g.dueAt),
  );
  return (
    <Layout title={tr('reportReceived')}>
      <p data-testid="grievance-id" data-grievance={g.id}>
        {tr('answerBy', { date: due })}
      </p>
      {g.visitor?.accessCode ? (
        <div class="card" style={{ textAlign: 'center' }}>
          <p>{tr('accessCode')}</p>
          <p class="code" data-testid="access-code">
            {g.visitor.accessCode}
          </p>
          <p class="muted">{tr('accessCodeHint')}</p>
        </div>
      ) : null}
      {g.urgent ? (
        <section class="card" data-testid="hotlines" aria-labelledby="hotlines-title">
          {g.urgentNotice ? (
            <p class="notice" role="alert">
              {g.urgentNotice}
            </p>
          ) : null}
          <h3 id="hotlines-title">{tr('hotlinesTitle')}</h3>
          <ul>
            {g.hotlines.map((h) => (
              <li key={h.number} data-hotline={h.number}>
                <strong>{h.number}</strong> — {h.label}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p class="notice">{tr('noFee')}</p>
      <div class="nav">
        <span />
        <button type="button" data-action="finish" onClick={reset}>
          <span class="icon" aria-hidden="true">
            ✓
          </span>
          {tr('finish')}
        </button>
      </div>
    </Layout>
  );
}
