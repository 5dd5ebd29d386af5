import { requestSmsCode } from '../data';
import { identification, phoneValid, tr, updateIdentification } from '../state';

/**
 * A returning visitor's proof: the access code from the first visit, or a code the kiosk texts to the phone on
 * their profile. `idPrefix` keeps the field ids apart where two screens use it.
 */
export function ProofFields({ idPrefix = '' }: { idPrefix?: string }) {
  const i = identification.value;
  return (
    <>
      <div class="field">
        <label for={`${idPrefix}access-code`}>{tr('accessCodeLabel')}</label>
        <input
          id={`${idPrefix}access-code`}
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
          <label for={`${idPrefix}sms-code`}>{tr('smsCodeLabel')}</label>
          <input
            id={`${idPrefix}sms-code`}
            inputMode="numeric"
            autocomplete="one-time-code"
            class="display"
            value={i.code}
            onInput={(e) => updateIdentification({ code: (e.target as HTMLInputElement).value.trim() })}
          />
        </div>
      ) : null}
    </>
  );
}
