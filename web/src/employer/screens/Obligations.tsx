import { fmtDate } from '../components/format';
import { obligations, tr } from '../state';

/** What the law asks of the employer after a hire or a termination, with due dates and the act. */
export function Obligations() {
  const list = obligations.value;
  return (
    <section>
      <h2>{tr('obligationsTitle')}</h2>
      {list.length === 0 ? (
        <p class="muted">{tr('noObligations')}</p>
      ) : (
        <table data-testid="obligations">
          <thead>
            <tr>
              {[tr('colKind'), tr('colWorker'), tr('colDue'), tr('colStatus'), tr('colBasis')].map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.map((o) => (
              <tr key={o.id} data-obligation={o.id}>
                <td>{o.kind.replace(/_/g, ' ')}</td>
                <td>{o.workerName ? String(o.workerName) : ''}</td>
                <td>{fmtDate(o.dueDate)}</td>
                <td>
                  <span
                    class={`badge st-${o.overdue ? 'failed' : o.status === 'done' ? 'verified' : 'pending'}`}
                  >
                    {o.overdue ? tr('overdue') : tr(o.status === 'done' ? 'done_ob' : 'open_ob')}
                  </span>
                </td>
                <td>{o.legalBasis}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
