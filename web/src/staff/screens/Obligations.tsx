import { LABELS } from '../../i18n/staff';
import { Table } from '../components/Table';
import { obligations, obligationsStatus } from '../data';
import { open } from '../state';

function Toggle({ value, text }: { value: 'overdue' | 'open'; text: string }) {
  return (
    <button
      type="button"
      class="secondary"
      aria-pressed={obligationsStatus.value === value}
      data-obligations={value}
      onClick={() => {
        obligationsStatus.value = value;
        void open('obligations');
      }}
    >
      {text}
    </button>
  );
}

/** Employers' legal duties after hires, overdue first. */
export function Obligations() {
  const { items, total, employers } = obligations.value;
  const overdue = obligationsStatus.value === 'overdue';
  return (
    <section>
      <h2>{`${overdue ? 'Просроченные' : 'Открытые'} обязанности работодателей (${total})`}</h2>
      <div class="row" role="group" aria-label="Какие обязанности показать">
        <Toggle value="overdue" text="Просроченные" />
        <Toggle value="open" text="Все открытые" />
      </div>
      {items.length === 0 ? (
        <p class="muted" data-testid="obligations-empty">
          {overdue ? 'Просроченных обязанностей нет.' : 'Открытых обязанностей нет.'}
        </p>
      ) : (
        <Table
          cols={['Работодатель', 'Обязанность', 'Работник', 'Срок', 'Основание']}
          aria-label="Обязанности работодателей"
        >
          {items.map((o) => {
            const kind = LABELS[`ob_${o.kind}`];
            return (
              <tr key={o.id} data-obligation={o.id}>
                <td>{employers.get(o.employerId) ?? o.employerId}</td>
                <td>
                  {kind.ru}
                  <div class="muted" lang="en">
                    {kind.en}
                  </div>
                </td>
                <td>{o.workerName ? String(o.workerName) : '—'}</td>
                <td>
                  {o.dueDate}
                  {o.overdue ? (
                    <>
                      {' '}
                      <span class="badge st-failed">просрочено</span>
                    </>
                  ) : null}
                </td>
                <td>{o.legalBasis}</td>
              </tr>
            );
          })}
        </Table>
      )}
    </section>
  );
}
