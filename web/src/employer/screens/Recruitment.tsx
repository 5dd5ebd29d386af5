import { label } from '../../i18n/employer';
import { recruitmentLabel } from '../../i18n/recruitment';
import { formatTime } from '../../shared/DateTime';
import { fmt } from '../components/format';
import { Order, Recruit, nextStep, orders, pipelines, recordNext, showRecruits } from '../recruitment';
import { lang, tr } from '../state';

const step = (code: string) => recruitmentLabel(lang.value, 'journey', code);

/** The recruit's interview on the employer's clock, the candidate's beside it when abroad. */
function RecruitInterview({ r }: { r: Recruit }) {
  const i = r.interview;
  if (!i) return <>—</>;
  const abroad = i.times.candidate.startsAt.slice(11, 16) !== i.times.employer.startsAt.slice(11, 16);
  return (
    <span data-interview={i.id}>
      {`${fmt(i.startsAt)} (${label(lang.value, i.status)})`}
      {abroad
        ? ` · ${tr('candidateTime', { time: formatTime(i.startsAt, lang.value === 'ru' ? 'ru-RU' : 'en-GB', i.times.candidate.timeZone) })}`
        : ''}
    </span>
  );
}

function Recruits({ order }: { order: Order }) {
  const p = pipelines.value[order.id];
  if (!p) return null;
  if (!p.recruits.length) return <p class="muted">{tr('noRecruits')}</p>;
  return (
    <table data-pipeline={order.id}>
      <tbody>
        {p.recruits.map((r) => {
          const next = nextStep(r.status);
          return (
            <tr key={r.id} data-recruit={r.id} data-status={r.status}>
              <td>{r.migrantName ? String(r.migrantName) : r.migrantId}</td>
              <td>
                <span class="badge">{step(r.status)}</span>
              </td>
              <td class="muted">{r.steps.map((s) => `${step(s.status)}: ${s.date}`).join(' → ')}</td>
              <td>
                <RecruitInterview r={r} />
              </td>
              <td>
                {next ? (
                  <button
                    type="button"
                    class="secondary"
                    data-next={r.id}
                    onClick={() => void recordNext(r, next, `${step(next)}`)}
                  >
                    {tr('recordStep', { step: step(next) })}
                  </button>
                ) : (
                  <span class="muted">{tr('journeyDone')}</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The employer's recruitment orders; each opens to its recruits and where each is on the journey. */
export function Recruitment() {
  return (
    <section>
      <h2>{tr('recruitmentTitle')}</h2>
      {orders.value.length === 0 ? <p class="muted">{tr('noOrders')}</p> : null}
      {orders.value.map((o) => (
        <article key={o.id} class="card" data-order={o.id}>
          <h3>{o.vacancyTitle}</h3>
          <p class="muted">
            {`${recruitmentLabel(lang.value, 'order', o.status)} · ${o.workers} · ${o.originCountries.join(', ')} · ${o.startsOn} – ${o.endsOn}`}
          </p>
          <button
            type="button"
            class="secondary"
            data-recruits={o.id}
            onClick={() => void showRecruits(o.id)}
          >
            {`${tr('showRecruits')} (${o.recruits})`}
          </button>
          <Recruits order={o} />
        </article>
      ))}
    </section>
  );
}
