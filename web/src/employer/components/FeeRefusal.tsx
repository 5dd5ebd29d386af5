import { useEffect, useRef } from 'preact/hooks';
import { label } from '../../i18n/employer';
import { formatMoney } from '../../shared/Money';
import { lang, tr } from '../state';
import { feeRefusal } from '../vacancy';

/** The 422 worker-paid-cost refusal, item by item, in plain words; focused so it is read out. */
export function FeeRefusal() {
  const refusal = feeRefusal.value;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [refusal]);
  if (!refusal) return null;
  return (
    <div class="error" role="alert">
      <div data-testid="fee-refusal" tabIndex={-1} ref={box}>
        <strong>{tr('feeTitle')}</strong>
        <p>{tr('feeIntro')}</p>
        <ul>
          {refusal.items.map((c) => (
            <li key={c.item} data-item={c.item}>
              <strong>{`${label(lang.value, c.item)} — ${formatMoney(c.amount, refusal.currency)}`}</strong>
              {`: ${label(lang.value, `${c.item}_why`)}`}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
