import { labelOf } from '../../i18n/staff';
import { Duplicate, duplicates, merge } from '../data';
import { fmt, lang } from '../state';

type Side = Duplicate['migrant'];

/** Shows the country code and the last two digits only: +998 *** ** 67. */
function maskPhone(phone: string | null): string {
  if (!phone) return '—';
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 6) return '***';
  const code = phone.startsWith('+7') ? '+7' : `+${digits.slice(0, 3)}`;
  return `${code} *** ** ${digits.slice(-2)}`;
}

const text = (v: unknown) => (v === null || v === undefined ? '—' : String(v));
const ROWS: Array<[string, (p: Side) => string]> = [
  ['ФИО', (p) => text(p.fullName)],
  ['Дата рождения', (p) => text(p.birthDate)],
  ['Телефон', (p) => maskPhone(p.phone ? String(p.phone) : null)],
  ['Гражданство', (p) => labelOf(lang.value, 'country', p.citizenship)],
  ['Откуда', (p) => (p.source === 'kiosk' ? 'киоск' : p.source === 'online' ? 'онлайн' : p.source)],
  ['Создан', (p) => fmt(p.createdAt)],
];

/** Pairs of profiles that may be one person, side by side, with a merge either way. */
export function Duplicates() {
  const page = duplicates.value;
  return (
    <section>
      <h2>{`Возможные дубликаты (${page.total})`}</h2>
      {page.items.length === 0 ? <p class="muted">Дубликатов не найдено.</p> : null}
      {page.items.map((d) => (
        <article key={d.id} class="card" data-duplicate={d.id} aria-labelledby={`dup-${d.id}`}>
          <table>
            <caption id={`dup-${d.id}`}>
              {`Сходство ${Math.round(d.score * 100)}%: ${labelOf(lang.value, 'dup', d.reason)}`}
            </caption>
            <thead>
              <tr>
                <td />
                <th scope="col">Профиль 1</th>
                <th scope="col">Профиль 2</th>
              </tr>
            </thead>
            <tbody>
              {ROWS.map(([label, value]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td>{value(d.migrant)}</td>
                  <td>{value(d.candidate)}</td>
                </tr>
              ))}
              <tr>
                <td />
                {[
                  [d.candidate, d.migrant],
                  [d.migrant, d.candidate],
                ].map(([from, into], i) => (
                  <td key={into.id}>
                    <button
                      type="button"
                      class="secondary"
                      data-merge-into={into.id}
                      aria-label={`Объединить в профиль ${i + 1}: ${into.fullName ? String(into.fullName) : into.id}`}
                      onClick={() => void merge(from, into)}
                    >
                      Объединить в этот профиль
                    </button>
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </article>
      ))}
    </section>
  );
}
