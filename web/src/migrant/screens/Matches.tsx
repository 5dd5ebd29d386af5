import { EligibilityBadge } from '../../shared/EligibilityBadge';
import { formatMoney } from '../../shared/Money';
import { VacancyCard } from '../../shared/VacancyCard';
import { Match, applications, apply, matches, tr } from '../state';

function pay(v: Match['vacancy']): string {
  const { min, max, currency, period } = v.salary as {
    min: number | null;
    max: number | null;
    currency: string | null;
    period: string;
  };
  if (min === null && max === null) return '';
  const cur = currency ?? 'RUB';
  const amount =
    max && max !== min
      ? `${formatMoney(min ?? 0, cur)} – ${formatMoney(max, cur)}`
      : formatMoney(min ?? max, cur);
  const per = period === 'hour' ? tr('perHour') : period === 'day' ? tr('perShift') : tr('perMonth');
  return `${amount} ${per}`;
}

/** Vacancies the server matched to the person, with the right to work for each; apply in one tap. */
export function Matches() {
  const appliedTo = new Set(
    applications.value.filter((a) => a.status !== 'withdrawn').map((a) => a.vacancyId),
  );
  return (
    <section>
      <h2>{tr('tabMatches')}</h2>
      {matches.value.length === 0 ? <p class="muted">{tr('noMatches')}</p> : null}
      {matches.value.map((m) => {
        const v = m.vacancy;
        const status = m.eligibility.status;
        const facts = [
          { icon: 'pay' as const, label: tr('pay'), text: pay(v) },
          {
            icon: 'house' as const,
            label: tr('housing'),
            text: v.housing ? tr('housing') : tr('housingNone'),
          },
          ...(v.startDate ? [{ icon: 'calendar' as const, label: tr('start'), text: v.startDate }] : []),
        ];
        return (
          <VacancyCard
            key={v.id}
            id={v.id}
            title={v.title}
            subtitle={`${v.occupation.label} · ${v.employer.name}${v.city ? ` · ${v.city}` : ''}`}
            facts={facts}
          >
            <div>
              <p>
                <EligibilityBadge status={status} label={tr(status)} />
              </p>
              {m.minimumWage ? (
                <p class="muted" data-minimum-wage={v.id}>
                  {m.minimumWage.fact}
                </p>
              ) : null}
              {m.reasons.length ? (
                <ul>
                  {m.reasons.map((r) => (
                    <li key={r.code}>{r.message}</li>
                  ))}
                </ul>
              ) : null}
              {appliedTo.has(v.id) ? (
                <p class="notice" data-applied={v.id}>
                  {tr('applied')}
                </p>
              ) : (
                <button
                  type="button"
                  data-action="apply"
                  aria-label={`${tr('apply')}: ${v.title}`}
                  disabled={status === 'ineligible'}
                  onClick={() => void apply(v.id, v.title)}
                >
                  {tr('apply')}
                </button>
              )}
            </div>
          </VacancyCard>
        );
      })}
    </section>
  );
}
