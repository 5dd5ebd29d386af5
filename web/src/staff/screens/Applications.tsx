import { useEffect, useRef } from 'preact/hooks';
import { labelOf } from '../../i18n/staff';
import { Pager } from '../../shared/Pager';
import { Table } from '../components/Table';
import {
  APPLICATIONS_PAGE_SIZE,
  applications,
  applicationsQuery,
  fairNames,
  history,
  showHistory,
} from '../data';
import { startDeskFiling } from '../grievances';
import { fmt, lang, open } from '../state';

const STATUSES = [
  'submitted',
  'shortlisted',
  'interview_scheduled',
  'interviewed',
  'offered',
  'hired',
  'rejected',
  'withdrawn',
];
const st = (s: string | null) => labelOf(lang.value, 'st', s);

function go(next: Partial<{ status: string; page: number }>): void {
  applicationsQuery.value = { ...applicationsQuery.value, ...next };
  void open('applications');
}

function History() {
  const h = history.value;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [h]);
  if (!h) return null;
  const title = h.app.vacancyTitle ?? h.app.vacancyId;
  return (
    <>
      <h3 tabIndex={-1} ref={heading}>{`История заявки: ${title} (${st(h.status)})`}</h3>
      <Table
        cols={['Когда', 'Из', 'В', 'Кто', 'Причина']}
        aria-label="История заявки"
        data-history={h.app.id}
      >
        {h.items.map((t) => (
          <tr key={t.id} data-transition={t.to}>
            <td>{fmt(t.at)}</td>
            <td>{st(t.from)}</td>
            <td>{st(t.to)}</td>
            <td>{labelOf(lang.value, 'role', t.actorRole)}</td>
            <td>{t.reason ? String(t.reason) : ''}</td>
          </tr>
        ))}
      </Table>
      <button
        type="button"
        class="secondary"
        data-action="desk-grievance"
        onClick={() => startDeskFiling(h.app)}
      >
        Записать обращение по этой заявке
      </button>
    </>
  );
}

/** All applications by status, a page at a time, each with its history. */
export function Applications() {
  const q = applicationsQuery.value;
  const page = applications.value;
  return (
    <section data-status-filter={q.status}>
      <h2>{`Заявки (${page.total})`}</h2>
      <div class="field">
        <label for="applications-status">Статус</label>
        <select
          id="applications-status"
          onChange={(e) => go({ status: (e.target as HTMLSelectElement).value, page: 1 })}
        >
          <option value="" selected={q.status === ''}>
            Все
          </option>
          {STATUSES.map((s) => (
            <option key={s} value={s} selected={q.status === s}>
              {st(s)}
            </option>
          ))}
        </select>
      </div>
      {page.items.length === 0 ? (
        <p class="muted">Заявок нет.</p>
      ) : (
        <Table cols={['Создана', 'Статус', 'Вакансия', 'Источник', 'Ярмарка', '']} aria-label="Заявки">
          {page.items.map((a) => (
            <tr key={a.id} data-application={a.id}>
              <td>{fmt(a.createdAt)}</td>
              <td>
                <span class={`badge st-${a.status}`}>{st(a.status)}</span>
              </td>
              <td>
                {a.vacancyTitle ?? a.vacancyId}
                {a.employerName ? <div class="muted">{a.employerName}</div> : null}
              </td>
              <td>{a.source === 'kiosk' ? 'Киоск' : 'Онлайн'}</td>
              <td>{a.fairId ? (fairNames.value.get(a.fairId) ?? a.fairId) : '—'}</td>
              <td>
                <button
                  type="button"
                  class="secondary"
                  data-action="history"
                  aria-label={`История заявки: ${a.vacancyTitle ?? a.vacancyId}`}
                  onClick={() => void showHistory(a)}
                >
                  История
                </button>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pager
        page={q.page}
        pageSize={APPLICATIONS_PAGE_SIZE}
        total={page.total}
        labels={{ previous: 'Предыдущая', next: 'Следующая', of: (p, n) => `Страница ${p} из ${n}` }}
        onPage={(p) => go({ page: p })}
      />
      <section data-testid="application-history" aria-live="polite">
        <History />
      </section>
    </section>
  );
}
