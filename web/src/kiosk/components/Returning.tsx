import { requestSmsCode } from '../data';
import { identification, phoneValid, tr, updateIdentification } from '../state';

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
          <div class="field">
            <label for="access-code">{tr('accessCodeLabel')}</label>
            <input
              id="access-code"
              autocomplete="off"
              class="display"
              value={i.accessCode}
              onInput={(e) => updateIdentification({ accessCode: (e.target as HTMLInputElement).value })}
            />
          </div>
          <p class="muted">{tr('noAccessCode')}</p>
          <button
            type="button"
            class="secondary"
            data-action="sms-code"
            disabled={!phoneValid.value}
            onClick={() => void requestSmsCode()}
          >
            <span class="icon" aria-hidden="true">
              ✉
            </span>
            {tr('sendSmsCode')}
          </button>
          {i.identificationId ? (
            <div class="field">
              <p data-testid="sms-code-sent">{tr('smsCodeSent')}</p>
              <label for="sms-code">{tr('smsCodeLabel')}</label>
              <input
                id="sms-code"
                inputMode="numeric"
                autocomplete="one-time-code"
                class="display"
                value={i.code}
                onInput={(e) => updateIdentification({ code: (e.target as HTMLInputElement).value.trim() })}
              />
            </div>
          ) : null}
          <p class="notice">{tr('noPhoneDesk')}</p>
        </>
      ) : null}
    </fieldset>
  );
}
