import { fmtDate, salaryText, statusLabel } from '../components/format';
import { occupationName, open, tr, vacancies } from '../state';

/** The employer's vacancies in a table; each opens its applicants and slots. */
export function Vacancies() {
  const list = vacancies.value;
  return (
    <section>
      <h2>{tr('tabVacancies')}</h2>
      {list.length === 0 ? (
        <p class="muted">{tr('noVacancies')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              {[tr('colTitle'), tr('colStatus'), tr('colSalary'), tr('colStart'), ''].map((c, i) => (
                <th key={i} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.map((v) => (
              <tr key={v.id} data-vacancy={v.id}>
                <td>
                  <strong>{v.title}</strong>
                  <div class="muted">{`${occupationName(v)}, ${v.city}`}</div>
                </td>
                <td>
                  <span class={`badge st-${v.status}`}>{statusLabel(v.status)}</span>
                </td>
                <td>{salaryText(v)}</td>
                <td>{fmtDate(v.startDate)}</td>
                <td>
                  <button
                    type="button"
                    class="secondary"
                    aria-label={`${tr('open')}: ${v.title}`}
                    onClick={() => void open('vacancies', v.id)}
                  >
                    {tr('open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
