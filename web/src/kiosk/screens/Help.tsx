import { identify, reportAsNew } from '../help';
import { Layout } from '../components/Layout';
import { NavButtons } from '../components/NavButtons';
import { ProofFields } from '../components/ProofFields';
import { identification, person, phoneValid, proofReady, reset, tr, updatePerson } from '../state';

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
      <ProofFields idPrefix="help-" />
      <p class="notice">{tr('helpNotRegistered')}</p>
      <p>
        <button type="button" class="secondary" data-action="help-new" onClick={reportAsNew}>
          <span class="icon" aria-hidden="true">
            ＋
          </span>
          {tr('helpNew')}
        </button>
      </p>
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
