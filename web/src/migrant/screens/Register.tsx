import { MessageKey } from '../../i18n/migrant';
import { Field, SelectField, formValues } from '../../shared/Field';
import { Message } from '../components/Message';
import { occupations, register, switchTo, tr } from '../state';

const COUNTRIES = ['UZ', 'TJ', 'KG', 'KZ', 'AZ', 'MD', 'AM', 'BY'] as const;

/** Registration: who the person is, a password, and the two consents. */
export function Register() {
  return (
    <main>
      <h2>{tr('registerTitle')}</h2>
      <Message />
      <form
        aria-label={tr('registerTitle')}
        onSubmit={(e) => {
          e.preventDefault();
          void register(formValues(e.currentTarget));
        }}
      >
        <Field label={tr('fullName')} name="fullName" required minLength={2} autocomplete="name" />
        <Field label={tr('birthDate')} name="birthDate" type="date" required autocomplete="bday" />
        <SelectField label={tr('gender')} name="gender">
          <option value="male">{tr('male')}</option>
          <option value="female">{tr('female')}</option>
        </SelectField>
        <SelectField label={tr('citizenship')} name="citizenship">
          {COUNTRIES.map((c) => (
            <option key={c} value={c}>
              {tr(`country_${c}` as MessageKey)}
            </option>
          ))}
        </SelectField>
        <Field label={tr('phone')} name="phone" type="tel" required autocomplete="tel" placeholder="+998…" />
        <SelectField label={tr('trade')} name="trade">
          <option value="">{tr('anyTrade')}</option>
          {occupations.value.map((o) => (
            <option key={o.code} value={o.code}>
              {o.label}
            </option>
          ))}
        </SelectField>
        <Field
          label={tr('passwordNew')}
          name="password"
          type="password"
          required
          minLength={8}
          autocomplete="new-password"
        />
        <h3>{tr('consentTitle')}</h3>
        <p>{tr('consentText')}</p>
        <div class="row">
          <input type="checkbox" id="f-consent" name="consent" required />
          <label for="f-consent">{tr('consentData')}</label>
        </div>
        <div class="row" style={{ marginBottom: '1rem' }}>
          <input type="checkbox" id="f-visible" name="visible" />
          <label for="f-visible">{tr('consentVisibleQuestion')}</label>
        </div>
        <button type="submit">{tr('registerSubmit')}</button>
      </form>
      <p>
        {tr('haveAccount')}{' '}
        <button type="button" class="link" onClick={() => switchTo('login')}>
          {tr('signIn')}
        </button>
      </p>
    </main>
  );
}
