import { labelOf } from '../../i18n/staff';
import { BarChart } from '../components/BarChart';
import { DeskFiling } from '../components/DeskFiling';
import { GrievanceDetail } from '../components/GrievanceDetail';
import { Table } from '../components/Table';
import { downloadFile } from '../data';
import {
  CATEGORY_LABELS,
  GrievanceCategory,
  GrievanceState,
  REPORT_GROUPS,
  ReportRow,
  STATE_LABELS,
  detail,
  filterQueue,
  flagged,
  liftSuspension,
  names,
  openGrievance,
  queue,
  queueFairs,
  queueFilter,
  reportBy,
  reportRows,
  showReport,
} from '../grievances';
import { fmt, lang } from '../state';

const GROUP_LABELS: Record<(typeof REPORT_GROUPS)[number], string> = {
  category: 'По категориям',
  citizenship: 'По гражданству',
  gender: 'По полу',
  employer: 'По работодателям',
  fair: 'По ярмаркам',
  region: 'По регионам',
};

function rowLabel(row: ReportRow): string {
  const by = reportBy.value;
  if (by === 'category') return CATEGORY_LABELS[row.key as GrievanceCategory] ?? row.key ?? '—';
  if (by === 'citizenship') return labelOf(lang.value, 'country', row.key);
  if (by === 'gender') return labelOf(lang.value, 'gender', row.key);
  return row.label ?? row.key ?? '—';
}

const hours = (h: number | null) => (h === null ? '—' : String(h));

function Report() {
  const by = reportBy.value;
  const rows = reportRows.value;
  return (
    <section data-testid="grievance-report">
      <h3>Отчёт по обращениям</h3>
      <div class="row">
        <div class="field">
          <label for="grievance-report-by">Разрез</label>
          <select
            id="grievance-report-by"
            value={by}
            onChange={(e) => void showReport((e.target as HTMLSelectElement).value as typeof by)}
          >
            {REPORT_GROUPS.map((g) => (
              <option key={g} value={g}>
                {GROUP_LABELS[g]}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          class="secondary"
          data-download={`grievances-${by}.csv`}
          onClick={() =>
            void downloadFile(`/v1/grievances/report?by=${by}&format=csv`, `grievances-${by}.csv`)
          }
        >
          CSV
        </button>
        <button
          type="button"
          class="secondary"
          data-download={`grievances-${by}.xlsx`}
          onClick={() =>
            void downloadFile(`/v1/grievances/report?by=${by}&format=xlsx`, `grievances-${by}.xlsx`)
          }
        >
          XLSX
        </button>
      </div>
      {rows.length ? (
        <figure data-breakdown={by}>
          <figcaption>{`${GROUP_LABELS[by]}: обращения (в скобках — женщин)`}</figcaption>
          <BarChart
            title={`Обращения, ${GROUP_LABELS[by].toLowerCase()}`}
            rows={rows.map((r) => ({ label: `${rowLabel(r)} (${r.women})`, value: r.total }))}
          />
          <Table
            cols={[
              '',
              'Всего',
              'Женщины',
              'Мужчины',
              'Срочные',
              'Подтверждены',
              'Часов до ответа',
              'Часов до закрытия',
            ]}
            data-breakdown-table={by}
          >
            {rows.map((r) => (
              <tr key={r.key ?? '-'} data-key={r.key ?? ''}>
                <th scope="row">{rowLabel(r)}</th>
                <td>{r.total}</td>
                <td>{r.women}</td>
                <td>{r.men}</td>
                <td>{r.urgent}</td>
                <td>{r.substantiated}</td>
                <td>{hours(r.avgHoursToFirstResponse)}</td>
                <td>{hours(r.avgHoursToClose)}</td>
              </tr>
            ))}
          </Table>
        </figure>
      ) : (
        <p class="muted">Обращений пока нет.</p>
      )}
    </section>
  );
}

/** The triage queue with its filters, a grievance's detail, and the report. */
export function Grievances() {
  const g = detail.value;
  if (g) return <GrievanceDetail g={g} />;
  const f = queueFilter.value;
  return (
    <section>
      <h2>Обращения</h2>
      <DeskFiling />
      <div class="row" role="group" aria-label="Фильтры">
        <div class="field">
          <label for="grievance-fair">Ярмарка</label>
          <select
            id="grievance-fair"
            value={f.fairId}
            onChange={(e) => void filterQueue({ fairId: (e.target as HTMLSelectElement).value })}
          >
            <option value="">Все</option>
            {queueFairs.value.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="grievance-state">Состояние</label>
          <select
            id="grievance-state"
            value={f.state}
            onChange={(e) =>
              void filterQueue({ state: (e.target as HTMLSelectElement).value as GrievanceState | '' })
            }
          >
            <option value="">Все</option>
            {Object.entries(STATE_LABELS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="grievance-category">Категория</label>
          <select
            id="grievance-category"
            value={f.category}
            onChange={(e) =>
              void filterQueue({ category: (e.target as HTMLSelectElement).value as GrievanceCategory | '' })
            }
          >
            <option value="">Все</option>
            {Object.entries(CATEGORY_LABELS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <label class="check">
          <input
            type="checkbox"
            id="grievance-urgent"
            checked={f.urgent}
            onChange={(e) => void filterQueue({ urgent: (e.target as HTMLInputElement).checked })}
          />
          Только срочные
        </label>
        <label class="check">
          <input
            type="checkbox"
            id="grievance-overdue"
            checked={f.overdue}
            onChange={(e) => void filterQueue({ overdue: (e.target as HTMLInputElement).checked })}
          />
          Только просроченные
        </label>
      </div>
      <p class="muted">{`Всего: ${queue.value.total}. Сначала открытые, срочные, затем по сроку ответа.`}</p>
      <Table
        cols={['Срок', 'Категория', 'Состояние', 'Работодатель', 'Подано', '']}
        data-testid="grievance-queue"
      >
        {queue.value.items.map((q) => (
          <tr key={q.id} data-grievance={q.id} data-urgent={String(q.urgent)} data-due={q.dueDate}>
            <td>
              {q.dueDate}
              {q.urgent ? <span class="badge urgent"> срочно</span> : null}
              {q.overdue ? <span class="badge overdue"> просрочено</span> : null}
            </td>
            <td>{CATEGORY_LABELS[q.category]}</td>
            <td>{STATE_LABELS[q.state]}</td>
            <td>{q.employerId ? (names.value[q.employerId] ?? '…') : '—'}</td>
            <td>{fmt(q.receivedAt)}</td>
            <td>
              <button
                type="button"
                class="secondary"
                aria-label={`Открыть обращение от ${fmt(q.receivedAt)}`}
                onClick={() => void openGrievance(q.id)}
              >
                Открыть
              </button>
            </td>
          </tr>
        ))}
      </Table>
      {flagged.value.length ? (
        <>
          <h3>Работодатели с подтверждёнными нарушениями</h3>
          <Table cols={['Работодатель', 'Статус', 'Подтверждено', '']} data-testid="flagged-employers">
            {flagged.value.map((e) => (
              <tr key={e.employerId} data-employer={e.employerId}>
                <th scope="row">{e.name}</th>
                <td>{e.status === 'suspended' ? 'публикация приостановлена' : e.status}</td>
                <td>{e.substantiated}</td>
                <td>
                  {e.status === 'suspended' ? (
                    <button type="button" class="secondary" onClick={() => void liftSuspension(e.employerId)}>
                      Снять приостановку
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </Table>
        </>
      ) : null}
      <Report />
    </section>
  );
}
