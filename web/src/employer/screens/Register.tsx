import { useEffect, useState } from 'preact/hooks';
import { call, newKey } from '../../api/client';
import { Field, SelectField, formValues } from '../../shared/Field';
import { Message } from '../components/Message';
import { Region, api, fail, lang, regions, signIn, switchTo, tr } from '../state';

/** Registration of an organisation or sole trader; staff verify it before it may post. */
export function Register() {
  const [country, setCountry] = useState('RU');
  const [list, setList] = useState<Region[]>([]);
  useEffect(() => {
    regions(country).then(setList, fail);
  }, [country]);
  const submit = async (v: Record<string, string>) => {
    try {
      await call(
        api.POST('/v1/employers', {
          params: { header: { 'Idempotency-Key': newKey() } },
          body: {
            name: v.name,
            country: v.country as 'RU' | 'KZ',
            kind: v.kind as 'company' | 'individual',
            taxId: v.taxId.trim(),
            region: v.region,
            address: v.address,
            contactName: v.contactName,
            email: v.email,
            phone: v.phone,
            password: v.password,
          },
        }),
      );
      switchTo('login');
      await signIn(v.email, v.password);
    } catch (e) {
      fail(e);
    }
  };
  return (
    <main>
      <h2>{tr('register')}</h2>
      <Message />
      <form
        aria-label={tr('register')}
        onSubmit={(e) => {
          e.preventDefault();
          void submit(formValues(e.currentTarget));
        }}
      >
        <div class="grid2">
          <Field label={tr('orgName')} name="name" required autocomplete="organization" />
          <SelectField label={tr('kind')} name="kind">
            <option value="company">{tr('kindCompany')}</option>
            <option value="individual">{tr('kindIndividual')}</option>
          </SelectField>
          <SelectField
            label={tr('country')}
            name="country"
            value={country}
            onChange={(e) => setCountry((e.target as HTMLSelectElement).value)}
          >
            <option value="RU">{tr('countryRU')}</option>
            <option value="KZ">{tr('countryKZ')}</option>
          </SelectField>
          <Field label={tr('taxId')} name="taxId" required inputMode="numeric" pattern="\d{10}|\d{12}" />
          <SelectField label={tr('region')} name="region" required>
            {list.map((r) => (
              <option key={r.code} value={r.code} selected={r.code === 'RU-MOW'}>
                {lang.value === 'ru' ? r.nameRu : r.nameEn}
              </option>
            ))}
          </SelectField>
          <Field label={tr('address')} name="address" required autocomplete="street-address" />
          <Field label={tr('contactName')} name="contactName" required autocomplete="name" />
          <Field label={tr('phone')} name="phone" type="tel" required autocomplete="tel" />
          <Field label={tr('email')} name="email" type="email" required autocomplete="username" />
          <Field
            label={tr('passwordHint')}
            name="password"
            type="password"
            required
            minLength={10}
            autocomplete="new-password"
          />
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
