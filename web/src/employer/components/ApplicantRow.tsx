import { useEffect, useRef, useState } from 'preact/hooks';
import { MessageKey, label } from '../../i18n/employer';
import { formatTime } from '../../shared/DateTime';
import { EligibilityBadge } from '../../shared/EligibilityBadge';
import { Vacancy, focusApplicationId, lang, tr } from '../state';
import { Applicant, Slot, book, recordOutcome, reschedule, transition } from '../vacancy';
import { fmt, modeLabel } from './format';

const OPEN_FOR_BOOKING = ['submitted', 'shortlisted', 'interviewed'];
const FINAL = ['hired', 'rejected', 'withdrawn'];
type Outcome = 'passed' | 'failed' | 'second_interview' | 'no_show';

function SlotPicker({
  id,
  name,
  free,
  value,
  onChange,
}: {
  id: string;
  name: string;
  free: Slot[];
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <div class="field">
      <label for={id}>{tr('pickSlot', { name })}</label>
      <select
        id={id}
        data-slot-picker={id.split('-')[1]}
        value={value}
        onChange={(e) => onChange((e.target as HTMLSelectElement).value)}
      >
        {free.map((s) => (
          <option key={s.id} value={s.id}>{`${fmt(s.startsAt)}, ${modeLabel(s.mode)}`}</option>
        ))}
      </select>
    </div>
  );
}

export function Eligibility({ status }: { status: string | undefined }) {
  const known = status === 'eligible' || status === 'conditional' || status === 'ineligible';
  return known ? (
    <EligibilityBadge status={status} label={tr(status)} />
  ) : (
    <span class="badge st-unknown">{tr('unknown')}</span>
  );
}

/** One applicant with the actions their application's state allows. */
export function ApplicantRow({
  vacancy,
  applicant,
  free,
}: {
  vacancy: Vacancy;
  applicant: Applicant;
  free: Slot[];
}) {
  const { app, name, interview } = applicant;
  const [bookSlot, setBookSlot] = useState(free[0]?.id ?? '');
  const [moveSlot, setMoveSlot] = useState(free[0]?.id ?? '');
  const [outcome, setOutcome] = useState<Outcome>('passed');
  const [contractStart, setContractStart] = useState(vacancy.startDate);
  const scheduled = interview && interview.status === 'scheduled' ? interview : null;
  const focused = focusApplicationId.value === app.id;
  const row = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    if (focused) row.current?.scrollIntoView({ block: 'center' });
  }, [focused]);
  return (
    <tr
      ref={row}
      data-application={app.id}
      data-status={app.status}
      class={focused ? 'focus' : undefined}
      aria-current={focused ? 'true' : undefined}
    >
      <th scope="row">{name}</th>
      <td>{label(lang.value, `st_${app.status}`)}</td>
      <td>
        <Eligibility status={(app.eligibility as { status?: string } | null)?.status} />
      </td>
      <td>
        {interview ? (
          <span data-interview={interview.id}>
            {`${fmt(interview.startsAt)} (${label(lang.value, interview.status)}${interview.result ? `, ${tr(interview.result as MessageKey)}` : ''})`}
            {/* A remote candidate abroad: their own clock beside the employer's. */}
            {interview.times.candidate.startsAt.slice(11, 16) !==
            interview.times.employer.startsAt.slice(11, 16)
              ? ` · ${tr('candidateTime', { time: formatTime(interview.startsAt, lang.value === 'ru' ? 'ru-RU' : 'en-GB', interview.times.candidate.timeZone) })}`
              : ''}
          </span>
        ) : (
          '—'
        )}
      </td>
      <td>
        <div class="row">
          {OPEN_FOR_BOOKING.includes(app.status) && free.length ? (
            <>
              <SlotPicker
                id={`slot-book-${app.id}`}
                name={name}
                free={free}
                value={bookSlot}
                onChange={setBookSlot}
              />
              <button type="button" data-action="book" onClick={() => void book(app.id, bookSlot)}>
                {tr('book')}
              </button>
            </>
          ) : null}
          {scheduled && free.length ? (
            <>
              <SlotPicker
                id={`slot-move-${app.id}`}
                name={name}
                free={free}
                value={moveSlot}
                onChange={setMoveSlot}
              />
              <button
                type="button"
                class="secondary"
                data-action="reschedule"
                onClick={() => void reschedule(scheduled.id, moveSlot)}
              >
                {tr('reschedule')}
              </button>
            </>
          ) : null}
          {scheduled ? (
            <>
              <div class="field">
                <label for={`outcome-${app.id}`}>{tr('outcome')}</label>
                <select
                  id={`outcome-${app.id}`}
                  value={outcome}
                  onChange={(e) => setOutcome((e.target as HTMLSelectElement).value as Outcome)}
                >
                  {(['passed', 'failed', 'second_interview'] as const).map((r) => (
                    <option key={r} value={r}>
                      {tr(r)}
                    </option>
                  ))}
                  <option value="no_show">{tr('noShow')}</option>
                </select>
              </div>
              <button
                type="button"
                class="secondary"
                data-action="outcome"
                onClick={() => void recordOutcome(scheduled.id, outcome)}
              >
                {tr('saveOutcome')}
              </button>
            </>
          ) : null}
          {app.status === 'interviewed' ? (
            <button
              type="button"
              data-action="offer"
              onClick={() => void transition(app.id, { to: 'offered' }, 'outcome_ok')}
            >
              {tr('offer')}
            </button>
          ) : null}
          {app.status === 'offered' ? (
            <>
              <div class="field">
                <label for={`contract-${app.id}`}>{tr('contractStart')}</label>
                <input
                  id={`contract-${app.id}`}
                  type="date"
                  required
                  value={contractStart}
                  onInput={(e) => setContractStart((e.target as HTMLInputElement).value)}
                />
              </div>
              <button
                type="button"
                data-action="hire"
                onClick={() =>
                  void transition(app.id, { to: 'hired', contractStartDate: contractStart }, 'hired_ok')
                }
              >
                {tr('hire')}
              </button>
            </>
          ) : null}
          {FINAL.includes(app.status) ? null : (
            <button
              type="button"
              class="secondary"
              data-action="reject"
              onClick={() => void transition(app.id, { to: 'rejected' }, 'outcome_ok')}
            >
              {tr('reject')}
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
