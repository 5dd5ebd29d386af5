import { useEffect, useState } from 'preact/hooks';
import { MessageKey } from '../../i18n/migrant';
import { formatDate, formatTime } from '../../shared/DateTime';
import {
  Interview,
  applications,
  cancelInterview,
  freeSlots,
  lang,
  linkedInterview,
  loadFreeSlots,
  moveInterview,
  nextInterview,
  target,
  tr,
  withdraw,
} from '../state';

const FINAL = ['hired', 'rejected', 'withdrawn'];

/** One interview as a message link shows it: when, how, where, and whether it still stands. */
function InterviewCard({ interview }: { interview: Interview }) {
  return (
    <article
      class="card focus"
      data-interview={interview.id}
      data-status={interview.status}
      aria-current="true"
    >
      <h3>{tr('interview')}</h3>
      <p>
        <time dateTime={interview.startsAt} data-time-zone={interview.times.candidate.timeZone}>
          {formatDate(interview.startsAt, lang.value, true, interview.times.candidate.timeZone)}
        </time>
        {interview.times.employer.startsAt.slice(11, 16) !==
        interview.times.candidate.startsAt.slice(11, 16) ? (
          <span data-employer-time={interview.times.employer.timeZone}>
            {` (${tr('employerTime', { time: formatTime(interview.startsAt, lang.value, interview.times.employer.timeZone) })})`}
          </span>
        ) : null}
        {interview.location ? `, ${String(interview.location)}` : ''}
      </p>
      <p>
        <span class={`badge iv-${interview.status}`}>{tr(`iv_${interview.status}` as MessageKey)}</span>{' '}
        <span class="muted">{tr(`mode_${interview.mode}` as MessageKey)}</span>
      </p>
      {interview.cancelReason ? <p class="muted">{String(interview.cancelReason)}</p> : null}
      {interview.status === 'scheduled' ? <InterviewActions interview={interview} /> : null}
    </article>
  );
}

/** What the invitation's link promises: say you cannot come, or take another free time. */
function InterviewActions({ interview }: { interview: Interview }) {
  const [reason, setReason] = useState('');
  const slots = freeSlots.value;
  return (
    <div class="row">
      <form
        aria-label={tr('cannotCome')}
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim()) void cancelInterview(interview.id, reason.trim());
        }}
      >
        <div class="field">
          <label for="cancel-reason">{tr('cannotComeReason')}</label>
          <input
            id="cancel-reason"
            name="reason"
            required
            maxLength={1000}
            value={reason}
            onInput={(e) => setReason((e.target as HTMLInputElement).value)}
          />
        </div>
        <button type="submit" class="secondary" data-action="cancel-interview">
          {tr('cannotCome')}
        </button>
      </form>
      {slots === null ? (
        <button
          type="button"
          class="secondary"
          data-action="other-time"
          onClick={() => void loadFreeSlots(interview.vacancyId)}
        >
          {tr('otherTime')}
        </button>
      ) : slots.length === 0 ? (
        <p class="muted">{tr('noFreeSlots')}</p>
      ) : (
        <ul class="choices" aria-label={tr('otherTime')}>
          {slots.map((slot) => (
            <li key={slot.id}>
              <button
                type="button"
                data-slot={slot.id}
                onClick={() => void moveInterview(interview.id, slot.id)}
              >
                <time dateTime={slot.startsAt}>{formatDate(slot.startsAt, lang.value, true)}</time>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The person's applications, each with its status and the next interview; a linked one is brought to view. */
export function Applications() {
  const wanted = target.value;
  const linked = linkedInterview.value;
  const focusId = wanted?.kind === 'applications' ? wanted.id : linked?.applicationId;
  useEffect(() => {
    if (focusId)
      document.querySelector(`[data-application="${focusId}"]`)?.scrollIntoView({ block: 'center' });
  }, [focusId]);
  return (
    <section>
      <h2>{tr('tabApplications')}</h2>
      {linked ? <InterviewCard interview={linked} /> : null}
      {applications.value.length === 0 ? <p class="muted">{tr('noApplications')}</p> : null}
      {applications.value.map((a) => {
        const next = nextInterview.value[a.id];
        const focused = a.id === focusId;
        return (
          <article
            key={a.id}
            class={focused ? 'card focus' : 'card'}
            data-application={a.id}
            data-status={a.status}
            aria-current={focused ? 'true' : undefined}
          >
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
