import type { MessageKey } from '../../i18n/kiosk';
import { Choice } from '../components/Choice';
import { Layout } from '../components/Layout';
import { NavButtons } from '../components/NavButtons';
import { MAIN_COUNTRIES, PHONE_PREFIX } from '../components/countries';
import { newConsent } from '../help';
import { go, person, phoneValid, reset, tr, updatePerson } from '../state';

/** "I am new here": name, citizenship and phone, enough to make a profile with the report and give an access code. */
export function HelpNew() {
  const p = person.value;
  const pickCountry = (c: string) =>
    updatePerson({
      citizenship: c,
      ...(!p.phone || Object.values(PHONE_PREFIX).includes(p.phone) ? { phone: PHONE_PREFIX[c] } : {}),
    });
  const ready = p.fullName.trim().length >= 2 && !!p.citizenship && phoneValid.value && newConsent.value;
  return (
    <Layout title={tr('helpNew')}>
      <p>{tr('helpNewIntro')}</p>
      <div class="field">
        <label for="help-new-name">{tr('fullName')}</label>
        <input
          id="help-new-name"
          autocomplete="off"
          value={p.fullName}
          onInput={(e) => updatePerson({ fullName: (e.target as HTMLInputElement).value })}
        />
      </div>
      <p>
        <strong id="help-new-citizenship">{tr('citizenship')}</strong>
      </p>
      <div class="choices" role="group" aria-labelledby="help-new-citizenship">
        {MAIN_COUNTRIES.map((c) => (
          <Choice key={c} pressed={p.citizenship === c} onClick={() => pickCountry(c)} data-country={c}>
            {tr(`country_${c}` as MessageKey)}
          </Choice>
        ))}
      </div>
      <div class="field">
        <label for="help-new-phone">{tr('phone')}</label>
        <input
          id="help-new-phone"
          type="tel"
          inputMode="tel"
          autocomplete="off"
          class="display"
          value={p.phone}
          onInput={(e) => updatePerson({ phone: (e.target as HTMLInputElement).value })}
        />
      </div>
      <label class="check">
        <input
          type="checkbox"
          id="help-new-consent"
          checked={newConsent.value}
          onChange={(e) => (newConsent.value = (e.target as HTMLInputElement).checked)}
        />{' '}
        {tr('helpNewConsent')}
      </label>
      <NavButtons back="help" next={{ enabled: ready, onClick: () => go('help-report') }} />
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
