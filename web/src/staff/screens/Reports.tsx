import { labelOf } from '../../i18n/staff';
import { BarChart } from '../components/BarChart';
import { Table } from '../components/Table';
import { Report, downloadFile, fairs, report, reportFairId, showReport } from '../data';
import { fmt, lang } from '../state';

const FUNNEL: Array<[keyof Report, string]> = [
  ['visitors', 'Посетили'],
  ['registrations', 'Зарегистрировались'],
  ['applicants', 'Подали заявки'],
  ['applications', 'Заявок всего'],
  ['interviewsScheduled', 'Собеседований назначено'],
  ['interviewsAttended', 'Пришли на собеседование'],
  ['secondInterviews', 'Второе собеседование'],
  ['offers', 'Предложения'],
  ['hires', 'Приняты на работу'],
];

type Breakdown = 'byCitizenship' | 'byGender' | 'byOccupation' | 'byEmployer';
const BREAKDOWNS: Array<[Breakdown, string]> = [
  ['byCitizenship', 'По гражданству'],
  ['byGender', 'По полу'],
  ['byOccupation', 'По профессиям'],
  ['byEmployer', 'По работодателям'],
];

/** A row's name in the page's language: countries and genders from their codes, others as the server names them. */
function rowLabel(b: Breakdown, row: { key: string; label?: string }): string {
  if (b === 'byCitizenship') return labelOf(lang.value, 'country', row.key);
  if (b === 'byGender') return labelOf(lang.value, 'gender', row.key);
  return row.label ?? row.key;
}

const DOWNLOADS: Array<[string, string, string]> = [
  [
    'Трудоустройства по гражданству, CSV',
    '/v1/reports/placements?groupBy=citizenship&format=csv',
    'placements.csv',
  ],
  [
    'Трудоустройства по гражданству, XLSX',
    '/v1/reports/placements?groupBy=citizenship&format=xlsx',
    'placements.xlsx',
  ],
  ['Все заявки, CSV', '/v1/reports/applications/export?format=csv', 'applications.csv'],
];

/** One fair's funnel and breakdowns as charts and tables, and the exports. */
export function Reports() {
  const r = report.value;
  if (!reportFairId.value || !r)
    return (
      <section>
        <h2>Отчёты</h2>
        <p class="muted">Ярмарок пока нет.</p>
      </section>
    );
  return (
    <section>
      <h2>Отчёт по ярмарке</h2>
      <div class="field">
        <label for="report-fair">Ярмарка</label>
        <select
          id="report-fair"
          value={reportFairId.value}
          onChange={(e) => void showReport((e.target as HTMLSelectElement).value)}
        >
          {fairs.value.map((f) => (
            <option key={f.id} value={f.id}>{`${f.name} (${fmt(f.startsAt)})`}</option>
          ))}
        </select>
      </div>
      <div class="row" role="group" aria-label="Выгрузки">
        {DOWNLOADS.map(([text, path, file]) => (
          <button
            key={file}
            type="button"
            class="secondary"
            data-download={file}
            onClick={() => void downloadFile(path, file)}
          >
            {text}
          </button>
        ))}
      </div>
      <h3>Воронка</h3>
      <figure data-testid="funnel">
        <BarChart
          title="Воронка ярмарки"
          rows={FUNNEL.map(([k, label]) => ({ label, value: Number(r[k] ?? 0) }))}
        />
      </figure>
      {BREAKDOWNS.filter(([b]) => r[b]?.length).map(([b, name]) => (
        <figure key={b} data-breakdown={b}>
          <figcaption>{`${name}: посетители (в скобках — приняты на работу)`}</figcaption>
          <BarChart
            title={name}
            rows={r[b].map((row) => ({ label: `${rowLabel(b, row)} (${row.hires})`, value: row.visitors }))}
          />
          <Table cols={['', 'Посетители', 'Приняты на работу']} data-breakdown-table={b}>
            {r[b].map((row) => (
              <tr key={row.key} data-key={row.key}>
                <th scope="row">{rowLabel(b, row)}</th>
                <td>{row.visitors}</td>
                <td>{row.hires}</td>
              </tr>
            ))}
          </Table>
        </figure>
      ))}
    </section>
  );
}
