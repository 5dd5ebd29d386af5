import { Table } from '../components/Table';
import { notifications, retryNotification } from '../data';

/** Notifications that could not be delivered, with a retry. */
export function Notifications() {
  const page = notifications.value;
  return (
    <section>
      <h2>{`Недоставленные уведомления (${page.total})`}</h2>
      {page.items.length === 0 ? (
        <p class="muted">Всё доставлено.</p>
      ) : (
        <Table cols={['Шаблон', 'Канал', 'Статус', 'Ошибка', '']}>
          {page.items.map((n) => (
            <tr key={String(n.id)}>
              <td>{String(n.template ?? '')}</td>
              <td>{String(n.channel ?? '')}</td>
              <td>
                <span class={`badge st-${String(n.status)}`}>{String(n.status)}</span>
              </td>
              <td>{String(n.lastError ?? '')}</td>
              <td>
                <button type="button" class="secondary" onClick={() => void retryNotification(String(n.id))}>
                  Повторить
                </button>
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
