import { MessageKey } from '../../i18n/migrant';
import { formatDate, formatTime } from '../../shared/DateTime';
import { applications, lang, nextInterview, tr, withdraw } from '../state';

const FINAL = ['hired', 'rejected', 'withdrawn'];

/** The person's applications, each with its status and the next interview. */
export function Applications() {
  return (
    <section>
      <h2>{tr('tabApplications')}</h2>
      {applications.value.length === 0 ? <p class="muted">{tr('noApplications')}</p> : null}
      {applications.value.map((a) => {
        const next = nextInterview.value[a.id];
        return (
          <article key={a.id} class="card" data-application={a.id} data-status={a.status}>
            <h3>{a.vacancyTitle}</h3>
            <p class="muted">{a.employerName}</p>
            <p>
              <span class={`badge st-${a.status}`}>{tr(`st_${a.status}` as MessageKey)}</span>
            </p>
            {next ? (
              <p data-interview={next.id}>
                <strong>{tr('interview')}: </strong>
                <time dateTime={next.startsAt} data-time-zone={next.times.candidate.timeZone}>
                  {formatDate(next.startsAt, lang.value, true, next.times.candidate.timeZone)}
                </time>
                {/* A remote interview: the employer's clock beside the person's own when they differ. */}
                {next.times.employer.startsAt.slice(11, 16) !==
                next.times.candidate.startsAt.slice(11, 16) ? (
                  <span data-employer-time={next.times.employer.timeZone}>
                    {` (${tr('employerTime', { time: formatTime(next.startsAt, lang.value, next.times.employer.timeZone) })})`}
                  </span>
                ) : null}
                {next.location ? `, ${String(next.location)}` : ''}
              </p>
            ) : null}
            {FINAL.includes(a.status) ? null : (
              <button type="button" class="secondary" onClick={() => void withdraw(a.id)}>
                {tr('withdraw')}
              </button>
            )}
          </article>
        );
      })}
    </section>
  );
}
