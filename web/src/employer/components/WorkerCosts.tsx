import { label } from '../../i18n/employer';
import { lang, tr } from '../state';
import { WorkerCost, costs } from '../vacancy';

const COST_ITEMS = [
  'recruitment_fee',
  'travel',
  'documents',
  'visa_or_permit',
  'training',
  'medical_exam',
  'housing_deposit',
  'equipment',
  'other',
] as const;

function change(i: number, patch: Partial<WorkerCost>): void {
  costs.value = costs.value.map((c, j) => (j === i ? { ...c, ...patch } : c));
}

/** Costs the vacancy would put on the worker; the server refuses any above zero and says why. */
export function WorkerCosts() {
  return (
    <fieldset>
      <legend>{tr('workerCosts')}</legend>
      <p class="muted">{tr('workerCostsHint')}</p>
      <div data-testid="worker-costs">
        {costs.value.map((c, i) => (
          <div
            key={i}
            class="row"
            data-cost={String(i)}
            role="group"
            aria-label={`${tr('workerCosts')} ${i + 1}`}
          >
            <div class="field">
              <label for={`cost-item-${i}`}>{tr('costItem')}</label>
              <select
                id={`cost-item-${i}`}
                value={c.item}
                onChange={(e) => change(i, { item: (e.target as HTMLSelectElement).value })}
              >
                {COST_ITEMS.map((item) => (
                  <option key={item} value={item}>
                    {label(lang.value, item)}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for={`cost-amount-${i}`}>{tr('costAmount')}</label>
              <input
                id={`cost-amount-${i}`}
                type="number"
                min={0}
                step="0.01"
                required
                value={String(c.amount)}
                onInput={(e) => change(i, { amount: Number((e.target as HTMLInputElement).value || 0) })}
              />
            </div>
            <div class="field">
              <label for={`cost-note-${i}`}>{tr('costNote')}</label>
              <input
                id={`cost-note-${i}`}
                value={c.note ?? ''}
                maxLength={500}
                onInput={(e) => change(i, { note: (e.target as HTMLInputElement).value })}
              />
            </div>
            <button
              type="button"
              class="secondary"
              data-action="remove-cost"
              aria-label={tr('removeCost', { item: label(lang.value, c.item) })}
              onClick={() => (costs.value = costs.value.filter((_, j) => j !== i))}
            >
              {tr('remove')}
            </button>
          </div>
        ))}
      </div>
      <button
        type="button"
        class="secondary"
        data-action="add-cost"
        onClick={() => {
          costs.value = [...costs.value, { item: 'recruitment_fee', amount: 0 }];
          setTimeout(() => document.getElementById(`cost-item-${costs.value.length - 1}`)?.focus());
        }}
      >
        {tr('addCost')}
      </button>
    </fieldset>
  );
}
