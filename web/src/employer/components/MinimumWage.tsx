import { formatMoney } from '../../shared/Money';
import { tr } from '../state';
import type { MinimumWage as Answer } from '../vacancy';

interface Props {
  answer: Answer | null | 'none';
  /** Whether the advertised pay reaches it, when the server says (a saved vacancy's minimumWage.meets). */
  meets?: boolean | null;
}

/** The minimum wage in force in the vacancy's region, with what this working time requires. */
export function MinimumWage({ answer, meets }: Props) {
  if (answer === null) return null;
  if (answer === 'none')
    return (
      <p class="muted" data-testid="minimum-wage">
        {tr('minimumWageNone')}
      </p>
    );
  const need = answer.forWorkingTime?.required;
  return (
    <div class="notice" data-testid="minimum-wage" data-amount={answer.amount}>
      <strong>
        {tr('minimumWage')}: {formatMoney(answer.amount, answer.currency)}
      </strong>
      <p style={{ margin: '0.25rem 0' }}>{answer.fact}</p>
      {need ? (
        <p style={{ margin: '0.25rem 0' }}>
          {tr('minimumWageRequired', {
            month: formatMoney(need.month, answer.currency),
            day: formatMoney(need.day, answer.currency),
            hour: formatMoney(need.hour, answer.currency),
          })}
        </p>
      ) : null}
      {meets === true ? <p class="st-eligible">{tr('minimumWageMeets')}</p> : null}
      {meets === false ? (
        <p class="st-ineligible" data-testid="minimum-wage-below">
          {tr('minimumWageBelow')}
        </p>
      ) : null}
      <p class="muted" style={{ margin: 0 }}>
        {answer.legalBasis}
      </p>
    </div>
  );
}
