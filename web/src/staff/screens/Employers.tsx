import { labelOf } from '../../i18n/staff';
import { Table } from '../components/Table';
import { decide, pendingEmployers } from '../data';
import { fmt, lang } from '../state';

/** Employers waiting for verification. */
export function Employers() {
  const page = pendingEmployers.value;
  return (
    <section>
      <h2>{`Ожидают проверки (${page.total})`}</h2>
      {page.items.length === 0 ? (
        <p class="muted">Новых заявок нет.</p>
      ) : (
        <Table cols={['Организация', 'ИНН/БИН', 'Регион', 'Контакт', 'Подана', '']}>
          {page.items.map((e) => (
            <tr key={e.id} data-employer={e.id}>
              <td>{e.name}</td>
              <td>{`${e.taxId} (${labelOf(lang.value, 'country', e.country)})`}</td>
              <td>{e.region}</td>
              <td>{`${e.contactName}, ${e.email}`}</td>
              <td>{fmt(e.createdAt)}</td>
              <td>
                <div class="row">
                  <button type="button" data-action="verify" onClick={() => void decide(e, 'verify')}>
                    Подтвердить
                  </button>
                  <button type="button" class="secondary" onClick={() => void decide(e, 'reject')}>
                    Отклонить
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
