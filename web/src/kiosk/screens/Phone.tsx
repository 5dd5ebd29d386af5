import { Layout } from '../components/Layout';
import { NavButtons } from '../components/NavButtons';
import { Returning } from '../components/Returning';
import { error, go, person, phoneValid, proofReady, tr, updatePerson } from '../state';

const PAD = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '+', '0', '⌫'];

/** The phone number, typed or tapped on a big keypad. */
export function Phone() {
  const phone = person.value.phone;
  return (
    <Layout title={tr('phone')}>
      <p class="muted">{tr('phoneHint')}</p>
      <div class="field">
        <label for="phone">{tr('phone')}</label>
        <input
          id="phone"
          type="tel"
          inputMode="tel"
          autocomplete="off"
          class="display"
          value={phone}
          onInput={(e) => updatePerson({ phone: (e.target as HTMLInputElement).value })}
        />
      </div>
      <div class="digits" role="group" aria-label={tr('phone')}>
        {PAD.map((d) => (
          <button
            key={d}
            type="button"
            class="secondary"
            aria-label={d === '⌫' ? tr('eraseDigit') : d}
            onClick={() => updatePerson({ phone: d === '⌫' ? phone.slice(0, -1) : phone + d })}
          >
            {d}
          </button>
        ))}
      </div>
      {phone.length > 5 && !phoneValid.value ? <p class="error">{tr('phoneInvalid')}</p> : null}
      <Returning />
      {error.value ? <p class="error">{error.value}</p> : null}
      <NavButtons
        back="about"
        next={{ enabled: phoneValid.value && proofReady.value, onClick: () => go('trade') }}
      />
    </Layout>
  );
}
