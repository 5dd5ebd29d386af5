import { useState } from 'preact/hooks';
import { labelOf } from '../../i18n/staff';
import {
  CATEGORY_LABELS,
  Grievance,
  GrievanceState,
  NEXT,
  REFERRAL_LABELS,
  STATE_LABELS,
  Transition,
  advisers,
  assignAdviser,
  move,
  names,
  openGrievance,
  share,
  suspendEmployer,
  writeToPerson,
} from '../grievances';
import { Table } from './Table';
import { fmt } from '../state';

const TERM_LABELS: Record<string, string> = {
  pay: 'Зарплата',
  hours: 'Часов в неделю',
  housing: 'Жильё',
  housingCost: 'Плата за жильё в месяц',
  workerCosts: 'Расходы работника',
};

/** A term's value as a person reads it: pay with its currency, yes/no, a number, or a dash. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  const v = value as {
    min?: number | null;
    max?: number | null;
    amount?: number;
    currency?: string | null;
    period?: string | null;
  };
  if (v.amount !== undefined) return `${v.amount} ${v.currency ?? ''}`.trim();
  if (v.min !== undefined) {
    const range = v.max && v.max !== v.min ? `${v.min}–${v.max}` : String(v.min ?? '—');
    return `${range} ${v.currency ?? ''}${v.period ? ` / ${v.period}` : ''}`.trim();
  }
  return JSON.stringify(value);
}

function Comparison({ g }: { g: Grievance }) {
  if (!g.comparison)
    return <p class="muted">Нет связанной заявки или трудоустройства: сравнивать не с чем.</p>;
  return (
    <Table cols={['Условие', 'В объявлении (снимок)', 'Со слов работника', '']} data-testid="comparison">
      {g.comparison.terms.map((t) => (
        <tr
          key={t.term}
          data-term={t.term}
          data-differs={String(t.differs)}
          class={t.differs ? 'differs' : ''}
        >
          <th scope="row">{TERM_LABELS[t.term] ?? t.term}</th>
          <td>{shown(t.advertised)}</td>
          <td>{shown(t.reported)}</td>
          <td>{t.differs === true ? 'расходится' : t.differs === false ? 'совпадает' : '—'}</td>
        </tr>
      ))}
    </Table>
  );
}

function Moves({ g }: { g: Grievance }) {
  const [to, setTo] = useState<GrievanceState | ''>('');
  const next = NEXT[g.state];
  if (!next.length) return <p class="muted">Обращение закрыто.</p>;
  return (
    <form
      class="card"
      data-form="transition"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const note = String(data.get('note') ?? '').trim();
        if (!to) return;
        const body: Transition = { to, ...(note ? { note } : {}) };
        if (to === 'referred') {
          body.referral = {
            body: String(data.get('body')) as NonNullable<Transition['referral']>['body'],
            name: String(data.get('name') ?? '').trim(),
          };
        }
        if (to === 'resolved') body.outcome = String(data.get('outcome')) as Transition['outcome'];
        void move(g.id, body);
      }}
    >
      <h4>Перевести</h4>
      <div class="row" role="group" aria-label="Новое состояние">
        {next.map((s) => (
          <label key={s} class="check">
            <input
              type="radio"
              name="to"
              value={s}
              data-to={s}
              checked={to === s}
              onChange={() => setTo(s)}
            />
            {STATE_LABELS[s]}
          </label>
        ))}
      </div>
      {to === 'referred' ? (
        <>
          <div class="field">
            <label for="referral-body">Куда передано</label>
            <select id="referral-body" name="body">
              {Object.entries(REFERRAL_LABELS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="referral-name">Название организации</label>
            <input id="referral-name" name="name" required maxLength={300} />
          </div>
        </>
      ) : null}
      {to === 'resolved' ? (
        <div class="field">
          <label for="outcome">Итог</label>
          <select id="outcome" name="outcome">
            <option value="substantiated">Нарушение подтвердилось</option>
            <option value="not_substantiated">Не подтвердилось</option>
          </select>
        </div>
      ) : null}
      <div class="field">
        <label for="transition-note">Примечание</label>
        <textarea id="transition-note" name="note" rows={2} maxLength={4000} />
      </div>
      <button type="submit" data-action="transition" disabled={!to}>
        Перевести
      </button>
    </form>
  );
}

function Employer({ g }: { g: Grievance }) {
  const [reason, setReason] = useState('');
  if (!g.employerId) return <p class="muted">Работодатель не указан.</p>;
  return (
    <div class="card" data-employer={g.employerId}>
      <h4>{`Работодатель: ${names.value[g.employerId] ?? g.employerId}`}</h4>
      {g.employerSubstantiated ? (
        <p
          class="notice"
          data-testid="substantiated"
        >{`Подтверждённых нарушений: ${g.employerSubstantiated}`}</p>
      ) : null}
      {g.sharedWithEmployer ? (
        <p>
          Показано работодателю{g.anonymousToEmployer ? ' без имени заявителя' : ''}.{' '}
          {g.employerAnswer ? (
            <>
              <strong>Ответ работодателя:</strong> {g.employerAnswer}
            </>
          ) : (
            'Ответа пока нет.'
          )}
        </p>
      ) : (
        <button type="button" class="secondary" data-action="share" onClick={() => void share(g.id)}>
          {g.anonymousToEmployer ? 'Показать работодателю (без имени)' : 'Показать работодателю'}
        </button>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim().length >= 3) void suspendEmployer(g.employerId!, reason.trim());
        }}
      >
        <div class="field">
          <label for="suspension-reason">Причина приостановки публикации</label>
          <input
            id="suspension-reason"
            value={reason}
            maxLength={2000}
            onInput={(e) => setReason((e.target as HTMLInputElement).value)}
          />
        </div>
        <button type="submit" class="secondary" data-action="suspend" disabled={reason.trim().length < 3}>
          Приостановить публикацию вакансий
        </button>
      </form>
    </div>
  );
}

function Adviser({ g }: { g: Grievance }) {
  const [chosen, setChosen] = useState(g.assignedAdviserId ?? '');
  const current = advisers.value.find((a) => a.id === g.assignedAdviserId);
  return (
    <div class="row" data-adviser={g.assignedAdviserId ?? ''}>
      <div class="field">
        <label for="grievance-adviser">
          {current ? `Юрист: ${current.displayName ?? current.email}` : 'Юрист не назначен'}
        </label>
        <select
          id="grievance-adviser"
          value={chosen}
          onChange={(e) => setChosen((e.target as HTMLSelectElement).value)}
        >
          <option value="">—</option>
          {advisers.value.map((a) => (
            <option key={a.id} value={a.id}>
              {a.displayName ?? a.email}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        class="secondary"
        data-action="assign"
        disabled={!chosen || chosen === g.assignedAdviserId}
        onClick={() => void assignAdviser(g.id, chosen)}
      >
        Назначить юриста
      </button>
    </div>
  );
}

/** One grievance: the person, what they report beside what was advertised, the history, moves and messages. */
export function GrievanceDetail({ g }: { g: Grievance }) {
  const [text, setText] = useState('');
  return (
    <section data-grievance-detail={g.id} data-state={g.state}>
      <p>
        <button type="button" class="link" onClick={() => void openGrievance(null)}>
          ← К очереди
        </button>
      </p>
      <h2>{CATEGORY_LABELS[g.category]}</h2>
      <p>
        <span class={`badge gr-${g.state}`} data-testid="state">
          {STATE_LABELS[g.state]}
        </span>{' '}
        {g.urgent ? <span class="badge urgent">срочно</span> : null}{' '}
        {g.overdue ? <span class="badge overdue">просрочено</span> : null}{' '}
        <span class="muted">{`Ответить до ${g.dueDate}; подано ${fmt(g.receivedAt)}, канал: ${g.channel}`}</span>
      </p>
      <p>
        <strong>Заявитель:</strong> {(g.migrantId && names.value[g.migrantId]) || g.migrantId || '—'}
        {g.anonymousToEmployer ? ' (анонимно для работодателя)' : ''}
      </p>
      <blockquote>{g.description ?? '—'}</blockquote>
      {g.iloIndicators.length ? <p>{`Признаки МОТ: ${g.iloIndicators.join(', ')}`}</p> : null}
      <h3>Условия: объявление и слова работника</h3>
      <Comparison g={g} />
      <Adviser g={g} />
      <Employer g={g} />
      <Moves key={g.state} g={g} />
      <h3>История</h3>
      <ol data-testid="history">
        {(g.history ?? []).map((h, i) => (
          <li key={i}>
            {`${fmt(String(h.at))}: ${h.from ? STATE_LABELS[h.from] : '—'} → ${STATE_LABELS[h.to]} (${labelOf('ru', 'role', h.actorRole)})`}
            {h.referral ? `; передано: ${REFERRAL_LABELS[h.referral.body]}, ${h.referral.name}` : ''}
            {h.note ? `; ${h.note}` : ''}
          </li>
        ))}
      </ol>
      <h3>Сообщения заявителю</h3>
      <ul class="messages">
        {(g.messages ?? []).map((m) => (
          <li key={m.id} data-author={m.authorRole}>
            <strong>{labelOf('ru', 'role', m.authorRole)}</strong>{' '}
            <span class="muted">{fmt(String(m.at))}</span>
            <p>{m.body ?? '—'}</p>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) void writeToPerson(g.id, text).then((ok) => ok && setText(''));
        }}
      >
        <div class="field">
          <label for="staff-message">Сообщение заявителю</label>
          <textarea
            id="staff-message"
            rows={3}
            maxLength={4000}
            value={text}
            onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          />
        </div>
        <button type="submit" data-action="message" disabled={!text.trim()}>
          Отправить
        </button>
      </form>
    </section>
  );
}
