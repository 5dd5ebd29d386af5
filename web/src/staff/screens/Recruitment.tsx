import { useState } from 'preact/hooks';
import { recruitmentLabel } from '../../i18n/recruitment';
import { labelOf } from '../../i18n/staff';
import { formatDate, formatTime } from '../../shared/DateTime';
import { Problem } from '../../shared/Problem';
import { BarChart } from '../components/BarChart';
import { Table } from '../components/Table';
import { downloadFile } from '../data';
import {
  FunnelGroup,
  JOURNEY,
  JourneyStep,
  Order,
  Recruit,
  approveOrder,
  funnelGroup,
  funnelRows,
  moveErrors,
  moveRecruit,
  nextStep,
  orders,
  overdueSteps,
  pipeline,
  pipelineOrderId,
  showFunnel,
  showPipeline,
} from '../recruitment';
import { lang } from '../state';

const GROUPS: FunnelGroup[] = ['order', 'citizenship', 'gender', 'origin_region'];
const FUNNEL_COLUMNS = ['selected', 'departed', 'arrived', 'authorised', 'placed', 'dropped'] as const;
const STEPS: JourneyStep[] = [...JOURNEY, 'dropped'];

const journey = (code: string) => recruitmentLabel(lang.value, 'journey', code);

function OrdersTable() {
  const items = orders.value;
  if (!items.length) return <p class="muted">Заказов на оргнабор пока нет.</p>;
  return (
    <Table
      cols={[
        'Работодатель',
        'Вакансия',
        'Страна работы',
        'Работников',
        'Откуда',
        'Сроки',
        'Статус',
        'Отобрано',
        '',
      ]}
      aria-label="Заказы на оргнабор"
    >
      {items.map((o: Order) => (
        <tr key={o.id} data-order={o.id} aria-current={pipelineOrderId.value === o.id ? 'true' : undefined}>
          <td>{o.employerName}</td>
          <td>{o.vacancyTitle}</td>
          <td>{labelOf(lang.value, 'country', o.hostCountry)}</td>
          <td>{o.workers}</td>
          <td>{o.originCountries.map((c) => labelOf(lang.value, 'country', c)).join(', ')}</td>
          <td>{`${o.startsOn} – ${o.endsOn}`}</td>
          <td data-status={o.status}>{recruitmentLabel(lang.value, 'order', o.status)}</td>
          <td>{o.recruits}</td>
          <td class="row">
            {o.status === 'pending' ? (
              <button type="button" data-approve={o.id} onClick={() => void approveOrder(o)}>
                Одобрить
              </button>
            ) : null}
            <button
              type="button"
              class="secondary"
              data-pipeline={o.id}
              onClick={() => void showPipeline(o.id)}
            >
              Отобранные
            </button>
          </td>
        </tr>
      ))}
    </Table>
  );
}

const INTERVIEW_STATUS: Record<string, string> = {
  scheduled: 'назначено',
  completed: 'проведено',
  no_show: 'не пришёл',
  cancelled: 'отменено',
};

/** The recruit's interview on the employer's clock, and on the candidate's beside it when it differs. */
function RecruitInterview({ r }: { r: Recruit }) {
  const i = r.interview;
  if (!i) return <span class="muted">—</span>;
  const { employer, candidate } = i.times;
  return (
    <span data-interview={i.id} data-interview-status={i.status}>
      <time dateTime={i.startsAt} data-time-zone={employer.timeZone}>
        {formatDate(i.startsAt, 'ru-RU', true, employer.timeZone)}
      </time>
      {candidate.timeZone !== employer.timeZone ? (
        <span data-candidate-time={candidate.timeZone}>
          {` (у кандидата ${formatTime(i.startsAt, 'ru-RU', candidate.timeZone)})`}
        </span>
      ) : null}
      <div class="muted">{INTERVIEW_STATUS[i.status] ?? i.status}</div>
    </span>
  );
}

/** One recruit's row: where they are, each dated step, and a move (the next step by default). */
function RecruitRow({ r }: { r: Recruit }) {
  const next = nextStep(r.status);
  const [to, setTo] = useState<JourneyStep>(next ?? 'dropped');
  const error = moveErrors.value[r.id];
  const record = () => {
    const reason = to === 'dropped' ? prompt('Почему выбыл?') : undefined;
    if (to === 'dropped' && !reason) return;
    void moveRecruit(r, to, reason ?? undefined);
  };
  return (
    <tr data-recruit={r.id} data-status={r.status}>
      <td>{r.migrantName ? String(r.migrantName) : r.migrantId}</td>
      <td>{r.citizenship ? labelOf(lang.value, 'country', r.citizenship) : '—'}</td>
      <td>
        <span class="badge" data-step={r.status}>
          {journey(r.status)}
        </span>
        {r.droppedReason ? <div class="muted">{String(r.droppedReason)}</div> : null}
      </td>
      <td>
        <ol class="steps">
          {r.steps.map((s, i) => (
            <li key={i}>{`${journey(s.status)}: ${s.date}`}</li>
          ))}
        </ol>
      </td>
      <td>
        <RecruitInterview r={r} />
      </td>
      <td>
        {r.status === 'placed' || r.status === 'dropped' ? (
          <span class="muted">Путь завершён</span>
        ) : (
          <div class="row">
            <label class="sr-only" for={`to-${r.id}`}>
              Шаг
            </label>
            <select
              id={`to-${r.id}`}
              data-move-to={r.id}
              value={to}
              onChange={(e) => setTo((e.target as HTMLSelectElement).value as JourneyStep)}
            >
              {STEPS.map((s) => (
                <option key={s} value={s}>
                  {journey(s)}
                </option>
              ))}
            </select>
            <button type="button" data-move={r.id} onClick={record}>
              Записать шаг
            </button>
          </div>
        )}
        <Problem error={error} offline="Нет связи с сервером." />
      </td>
    </tr>
  );
}

function PipelineView() {
  const p = pipeline.value;
  if (!p) return <p class="muted">Выберите заказ, чтобы увидеть отобранных.</p>;
  return (
    <div data-testid="pipeline" data-order={p.order.id}>
      <p>
        {Object.entries(p.counts)
          .map(([status, n]) => `${journey(status)}: ${n}`)
          .join(' · ') || 'Отобранных пока нет.'}
      </p>
      {p.recruits.length ? (
        <Table
          cols={['Кандидат', 'Гражданство', 'Сейчас', 'Шаги', 'Собеседование', 'Следующий шаг']}
          aria-label="Отобранные"
        >
          {p.recruits.map((r) => (
            <RecruitRow key={`${r.id}:${r.status}`} r={r} />
          ))}
        </Table>
      ) : null}
    </div>
  );
}

function groupLabel(group: FunnelGroup, key: string): string {
  if (group === 'citizenship') return labelOf(lang.value, 'country', key);
  if (group === 'gender') return labelOf(lang.value, 'gender', key);
  if (group === 'order') {
    const o = orders.value.find((x) => x.id === key);
    return o ? `${o.employerName}: ${o.vacancyTitle}` : key;
  }
  return key === 'online' ? 'Онлайн' : key;
}

function Funnel() {
  const group = funnelGroup.value;
  const rows = funnelRows.value;
  const totals = FUNNEL_COLUMNS.map((c) => ({
    label: journey(c),
    value: rows.reduce((sum, r) => sum + Number(r[c] ?? 0), 0),
  }));
  return (
    <div>
      <div class="row">
        <div class="field">
          <label for="funnel-group">Группировка</label>
          <select
            id="funnel-group"
            value={group}
            onChange={(e) => void showFunnel((e.target as HTMLSelectElement).value as FunnelGroup)}
          >
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {recruitmentLabel(lang.value, 'group', g)}
              </option>
            ))}
          </select>
        </div>
        <div class="row" role="group" aria-label="Выгрузки воронки">
          {(['csv', 'xlsx'] as const).map((format) => (
            <button
              key={format}
              type="button"
              class="secondary"
              data-download={`recruitment-funnel-${group}.${format}`}
              onClick={() =>
                void downloadFile(
                  `/v1/recruitment/funnel?groupBy=${group}&format=${format}`,
                  `recruitment-funnel-${group}.${format}`,
                )
              }
            >
              {`Воронка, ${format.toUpperCase()}`}
            </button>
          ))}
        </div>
      </div>
      <figure data-testid="recruitment-funnel">
        <BarChart title="Воронка оргнабора" rows={totals} />
      </figure>
      {rows.length ? (
        <Table cols={['', ...FUNNEL_COLUMNS.map(journey)]} aria-label="Воронка по группам">
          {rows.map((r) => (
            <tr key={r.group} data-group={r.group}>
              <th scope="row">{groupLabel(group, r.group)}</th>
              {FUNNEL_COLUMNS.map((c) => (
                <td key={c}>{r[c]}</td>
              ))}
            </tr>
          ))}
        </Table>
      ) : (
        <p class="muted">Отобранных пока нет.</p>
      )}
    </div>
  );
}

function Overdue() {
  const items = overdueSteps.value;
  if (!items.length)
    return (
      <p class="muted" data-testid="overdue-empty">
        Просроченных сроков нет.
      </p>
    );
  return (
    <Table
      cols={['Человек', 'Гражданство', 'Вакансия', 'Шаг', 'Срок', 'Просрочено, дней', 'Основание']}
      aria-label="Просроченные сроки плана"
    >
      {items.map((s) => (
        <tr key={s.id} data-overdue-step={s.id}>
          <td>{s.migrantName ? String(s.migrantName) : s.migrantId}</td>
          <td>{labelOf(lang.value, 'country', s.citizenship)}</td>
          <td>{s.vacancyTitle}</td>
          <td>{recruitmentLabel(lang.value, 'plan', s.code)}</td>
          <td>{s.dueDate}</td>
          <td>{s.daysOverdue}</td>
          <td class="muted">{s.legalBasis}</td>
        </tr>
      ))}
    </Table>
  );
}

/** Organised recruitment: orders to approve, each order's recruits on their journey, the funnel, late deadlines. */
export function Recruitment() {
  return (
    <section>
      <h2>Оргнабор</h2>
      <h3>Заказы</h3>
      <OrdersTable />
      <h3>Отобранные по заказу</h3>
      <PipelineView />
      <h3>Воронка оргнабора</h3>
      <Funnel />
      <h3>Просроченные сроки плана до и после выезда</h3>
      <Overdue />
    </section>
  );
}
