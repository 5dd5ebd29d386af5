import { desks, freeSlots } from '../help';
import { Layout } from '../components/Layout';
import { go, reset, tr } from '../state';

/** "Get help" once the visitor is known: report a problem, or book a consultation when the fair has a legal desk. */
export function HelpMenu() {
  return (
    <Layout title={tr('helpTitle')}>
      <div class="choices" role="group" aria-label={tr('helpTitle')}>
        <button type="button" data-action="help-report" onClick={() => go('help-report')}>
          <span class="icon" aria-hidden="true">
            ✎
          </span>
          {tr('helpReport')}
        </button>
        {desks.value.length ? (
          <button type="button" data-action="help-legal" onClick={() => go('help-legal')}>
            <span class="icon" aria-hidden="true">
              ⚖
            </span>
            {tr('helpBookLegal')}
          </button>
        ) : null}
      </div>
      {desks.value.length && !freeSlots().length ? <p class="muted">{tr('noSlots')}</p> : null}
      <p>
        <button type="button" class="link" onClick={reset}>
          <span class="icon" aria-hidden="true">
            ↺
          </span>
          {tr('cancel')}
        </button>
      </p>
    </Layout>
  );
}
