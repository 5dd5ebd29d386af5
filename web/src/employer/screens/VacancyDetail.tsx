import { ApplicantRow, Eligibility } from '../components/ApplicantRow';
import { FeeRefusal } from '../components/FeeRefusal';
import { fmt, fmtDate, fmtTime, modeLabel, salaryText, statusLabel } from '../components/format';
import { Message } from '../components/Message';
import { MinimumWage } from '../components/MinimumWage';
import { SlotForm } from '../components/SlotForm';
import { occupationName, open, tr } from '../state';
import { current, publish } from '../vacancy';

function Head({ cols }: { cols: string[] }) {
  return (
    <thead>
      <tr>
        {cols.map((c) => (
          <th key={c} scope="col">
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** One vacancy: publish a draft (beside its minimum wage), applicants, interview slots, candidates. */
export function VacancyDetail() {
  const data = current.value;
  if (!data) return null;
  const { vacancy, applicants, total, slots, candidates } = data;
  const free = slots.filter((s) => s.available);
  return (
    <section data-vacancy-id={vacancy.id}>
      <p>
        <button type="button" class="link" onClick={() => void open('vacancies')}>
          {tr('back')}
        </button>
      </p>
      <h2>{vacancy.title}</h2>
      <p>
        <span class={`badge st-${vacancy.status}`} data-testid="vacancy-status">
          {statusLabel(vacancy.status)}
        </span>
        {` ${occupationName(vacancy)} · ${vacancy.city} · ${salaryText(vacancy)} · ${tr('colStart')}: ${fmtDate(vacancy.startDate)}`}
      </p>
      {vacancy.status === 'draft' ? (
        <>
          <MinimumWage answer={vacancy.minimumWage ?? 'none'} meets={vacancy.minimumWage?.meets} />
          <FeeRefusal />
          <button
            type="button"
            onClick={() => void publish(vacancy.id, vacancy.title, vacancy.salary.currency)}
          >
            {tr('publish')}
          </button>
        </>
      ) : null}
      <h3>{`${tr('applicants')} (${total})`}</h3>
      {applicants.length === 0 ? (
        <p class="muted">{tr('noApplicants')}</p>
      ) : (
        <table data-testid="applicants">
          <Head
            cols={[
              tr('colApplicant'),
              tr('colStatus'),
              tr('colEligibility'),
              tr('colInterview'),
              tr('colActions'),
            ]}
          />
          <tbody>
            {applicants.map((a) => (
              <ApplicantRow key={a.app.id} vacancy={vacancy} applicant={a} free={free} />
            ))}
          </tbody>
        </table>
      )}
      <h3>{tr('slots')}</h3>
      {slots.length === 0 ? (
        <p class="muted">{tr('noSlots')}</p>
      ) : (
        <ul data-testid="slots">
          {slots.map((s) => (
            <li key={s.id} data-slot={s.id}>
              {`${fmt(s.startsAt)} – ${fmtTime(s.endsAt)}, ${modeLabel(s.mode)}${s.location ? `, ${String(s.location)}` : ''} — `}
              <span class={s.available ? 'st-verified' : 'muted'}>{tr(s.available ? 'free' : 'booked')}</span>
            </li>
          ))}
        </ul>
      )}
      <SlotForm vacancyId={vacancy.id} />
      <h3>{tr('candidates')}</h3>
      {candidates.length === 0 ? (
        <p class="muted">{tr('noCandidates')}</p>
      ) : (
        <table data-testid="candidates">
          <Head cols={[tr('colApplicant'), tr('colScore'), tr('colEligibility'), tr('colReasons')]} />
          <tbody>
            {candidates.map((c) => (
              <tr key={c.migrant.id} data-candidate={c.migrant.id}>
                <td>
                  {`${c.migrant.citizenship} · ${c.migrant.occupations.map((o) => `${o.label} (${o.years})`).join(', ')}`}
                  {c.migrant.applied ? <div class="muted">{tr('applied')}</div> : null}
                </td>
                <td>{`${Math.round(c.score * 100)}%`}</td>
                <td>
                  <Eligibility status={c.eligibility.status} />
                </td>
                <td>
                  <ul>
                    {c.reasons.map((r) => (
                      <li key={r.code}>{r.message}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Message />
    </section>
  );
}
