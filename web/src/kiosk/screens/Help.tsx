import { requestSmsCode } from '../data';
import { identify } from '../help';
import { Layout } from '../components/Layout';
import { NavButtons } from '../components/NavButtons';
import {
  identification,
  person,
  phoneValid,
  proofReady,
  reset,
  tr,
  updateIdentification,
  updatePerson,
} from '../state';

/** "Get help", first step: the visitor proves who they are as a returning visitor does (access code or SMS code). */
export function Help() {
  const i = identification.value;
  return (
    <Layout title={tr('helpTitle')}>
      <p>{tr('helpIntro')}</p>
      <p class="muted">{tr('helpIdentify')}</p>
      <div class="field">
        <label for="help-phone">{tr('phone')}</label>
        <input
          id="help-phone"
          type="tel"
          inputMode="tel"
          autocomplete="off"
          class="display"
          value={person.value.phone}
          onInput={(e) => updatePerson({ phone: (e.target as HTMLInputElement).value })}
        />
      </div>
      <div class="field">
        <label for="help-access-code">{tr('accessCodeLabel')}</label>
        <input
          id="help-access-code"
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
          <label for="help-sms-code">{tr('smsCodeLabel')}</label>
          <input
            id="help-sms-code"
            inputMode="numeric"
            autocomplete="one-time-code"
            class="display"
            value={i.code}
            onInput={(e) => updateIdentification({ code: (e.target as HTMLInputElement).value.trim() })}
          />
        </div>
      ) : null}
      <p class="notice">{tr('helpNotRegistered')}</p>
      <NavButtons
        back={null}
        next={{
          enabled: phoneValid.value && proofReady.value && (Boolean(i.accessCode.trim()) || Boolean(i.code)),
          onClick: () => void identify(),
        }}
      />
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
