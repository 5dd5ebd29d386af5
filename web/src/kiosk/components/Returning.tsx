import { identification, tr, updateIdentification } from '../state';
import { ProofFields } from './ProofFields';

/**
 * A visitor who registered before proves who they are: the access code from the first visit, or a code the kiosk
 * has texted to the phone on their profile. Without it a new profile is made, which staff link to theirs.
 */
export function Returning() {
  const i = identification.value;
  return (
    <fieldset class="card" data-returning>
      <legend>{tr('returningTitle')}</legend>
      <div class="choices" role="group" aria-label={tr('returningTitle')}>
        <button
          type="button"
          class={i.returning ? '' : 'secondary'}
          aria-pressed={i.returning}
          data-action="returning"
          onClick={() => updateIdentification({ returning: !i.returning })}
        >
          <span class="icon" aria-hidden="true">
            ↺
          </span>
          {tr('returningYes')}
        </button>
      </div>
      {i.returning ? (
        <>
          <ProofFields />
          <p class="notice">{tr('noPhoneDesk')}</p>
        </>
      ) : null}
    </fieldset>
  );
}
