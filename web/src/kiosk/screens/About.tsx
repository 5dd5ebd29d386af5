import { MessageKey } from '../../i18n/kiosk';
import { Choice } from '../components/Choice';
import { Layout } from '../components/Layout';
import { NavButtons } from '../components/NavButtons';
import { Select } from '../components/Select';
import { MAIN_COUNTRIES, PHONE_PREFIX } from '../components/countries';
import { aboutComplete, go, person, tr, updatePerson } from '../state';

const range = (n: number, from: (i: number) => number) =>
  Array.from({ length: n }, (_, i) => String(from(i)));

/** Citizenship, gender and date of birth by touch; the name typed. */
export function About() {
  const p = person.value;
  const thisYear = new Date().getFullYear();
  const pickCountry = (c: string) =>
    updatePerson({
      citizenship: c,
      ...(!p.phone || Object.values(PHONE_PREFIX).includes(p.phone) ? { phone: PHONE_PREFIX[c] } : {}),
    });
  return (
    <Layout title={tr('aboutYou')}>
      <p>
        <strong id="citizenship-label">{tr('citizenship')}</strong>
      </p>
      <div class="choices" role="group" aria-labelledby="citizenship-label">
        {MAIN_COUNTRIES.map((c) => (
          <Choice key={c} pressed={p.citizenship === c} onClick={() => pickCountry(c)} data-country={c}>
            {tr(`country_${c}` as MessageKey)}
          </Choice>
        ))}
      </div>
      <p>
        <strong id="gender-label">{tr('gender')}</strong>
      </p>
      <div class="choices" role="group" aria-labelledby="gender-label">
        <Choice
          pressed={p.gender === 'male'}
          onClick={() => updatePerson({ gender: 'male' })}
          data-gender="male"
        >
          {tr('male')}
        </Choice>
        <Choice
          pressed={p.gender === 'female'}
          onClick={() => updatePerson({ gender: 'female' })}
          data-gender="female"
        >
          {tr('female')}
        </Choice>
      </div>
      <p>
        <strong id="birth-label">{tr('birthDate')}</strong>
      </p>
      <div class="row" role="group" aria-labelledby="birth-label">
        <Select
          id="birth-day"
          label={tr('day')}
          value={p.day}
          options={range(31, (i) => i + 1)}
          onChange={(day) => updatePerson({ day })}
        />
        <Select
          id="birth-month"
          label={tr('month')}
          value={p.month}
          options={range(12, (i) => i + 1)}
          onChange={(month) => updatePerson({ month })}
        />
        <Select
          id="birth-year"
          label={tr('year')}
          value={p.year}
          options={range(60, (i) => thisYear - 18 - i)}
          onChange={(year) => updatePerson({ year })}
        />
      </div>
      <div class="field">
        <label for="full-name">{tr('fullName')}</label>
        <input
          id="full-name"
          autocomplete="off"
          style={{ fontSize: '1.2em' }}
          value={p.fullName}
          onInput={(e) => updatePerson({ fullName: (e.target as HTMLInputElement).value })}
        />
      </div>
      <NavButtons back="consent" next={{ enabled: aboutComplete.value, onClick: () => go('phone') }} />
    </Layout>
  );
}
