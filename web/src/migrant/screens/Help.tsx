import { useState } from 'preact/hooks';
import type { Schemas } from '../../api/client';
import type { MessageKey } from '../../i18n/migrant';
import { formatDate } from '../../shared/DateTime';
import { Field, SelectField, formValues } from '../../shared/Field';
import {
  CATEGORIES,
  Grievance,
  GrievanceCategory,
  IloIndicator,
  TOPICS,
  book,
  bookedIcs,
  cancelConsultation,
  consultations,
  deskSlots,
  fileGrievance,
  freeSlots,
  grievance,
  grievances,
  helpView,
  indicators,
  moveConsultation,
  placements,
  sendMessage,
  show,
} from '../help';
import { applications, lang, tr } from '../state';

const when = (iso: string | Date, withTime = false) => formatDate(String(iso), lang.value, withTime);

/** The help numbers of an urgent grievance, as the server gives them in the person's language. */
function Hotlines({ g }: { g: Grievance }) {
  if (!g.urgent || !g.hotlines.length) return null;
  return (
    <section class="card" data-testid="hotlines" aria-labelledby="hotlines-title">
      {g.urgentNotice ? <p class="notice">{g.urgentNotice}</p> : null}
      <h3 id="hotlines-title">{tr('hotlinesTitle')}</h3>
      <ul>
        {g.hotlines.map((h) => (
          <li key={h.number} data-hotline={h.number}>
            <a href={`tel:${h.number}`}>{h.number}</a> — {h.label}
          </li>
        ))}
      </ul>
    </section>
  );
}

function List() {
  return (
    <>
      <div class="row">
        <button
          type="button"
          data-action="new-grievance"
          onClick={() => void show({ kind: 'new-grievance' })}
        >
          {tr('helpReport')}
        </button>
        <button
          type="button"
          class="secondary"
          data-action="book"
          onClick={() => void show({ kind: 'book' })}
        >
          {tr('helpBookLegal')}
        </button>
      </div>
      <h3>{tr('myGrievances')}</h3>
      {grievances.value.length === 0 ? <p class="muted">{tr('noGrievances')}</p> : null}
      {grievances.value.map((g) => (
        <article key={g.id} class="card" data-grievance={g.id} data-state={g.state}>
          <h4>{tr(`cat_${g.category}` as MessageKey)}</h4>
          <p>
            <span class={`badge gr-${g.state}`}>{g.stateLabel}</span>{' '}
            <span class="muted">{tr('filedOn', { date: when(g.receivedAt) })}</span>
          </p>
          <button
            type="button"
            class="secondary"
            aria-label={`${tr('openItem')}: ${tr(`cat_${g.category}` as MessageKey)}`}
            onClick={() => void show({ kind: 'grievance', id: g.id })}
          >
            {tr('openItem')}
          </button>
        </article>
      ))}
      <h3>{tr('myConsultations')}</h3>
      {consultations.value.length === 0 ? <p class="muted">{tr('noConsultations')}</p> : null}
      {consultations.value.map((c) => (
        <article key={c.id} class="card" data-consultation={c.id}>
          <h4>{tr(`topic_${c.topic}` as MessageKey)}</h4>
          <p>
            <time dateTime={String(c.startsAt)}>{when(c.startsAt, true)}</time> ·{' '}
            {tr(`cstatus_${c.status}` as MessageKey)}
          </p>
        </article>
      ))}
    </>
  );
}

function Detail() {
  const g = grievance.value;
  const [reply, setReply] = useState('');
  if (!g) return null;
  return (
    <article class="card" data-grievance-detail={g.id} data-state={g.state}>
      <h3>{tr(`cat_${g.category}` as MessageKey)}</h3>
      <p>
        <span class={`badge gr-${g.state}`} data-testid="grievance-state">
          {g.stateLabel}
        </span>{' '}
        <span class="muted">{tr('filedOn', { date: when(g.receivedAt) })}</span>
      </p>
      {g.state === 'received' || g.state === 'in_review' ? (
        <p>{tr('answerBy', { date: when(g.dueDate) })}</p>
      ) : null}
      <Hotlines g={g} />
      {g.description ? <p class="quote">{g.description}</p> : null}
      <h4>{tr('messagesTitle')}</h4>
      {g.messages?.length ? (
        <ul class="messages">
          {g.messages.map((m) => (
            <li key={m.id} data-author={m.authorRole}>
              <strong>{m.authorRole === 'migrant' ? tr('fromYou') : tr('fromStaff')}</strong>{' '}
              <span class="muted">{when(m.at, true)}</span>
              <p>{m.body}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{tr('noMessages')}</p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (reply.trim()) void sendMessage(g.id, reply).then((ok) => ok && setReply(''));
        }}
      >
        <div class="field">
          <label for="grievance-reply">{tr('replyLabel')}</label>
          <textarea
            id="grievance-reply"
            rows={3}
            maxLength={4000}
            value={reply}
            onInput={(e) => setReply((e.target as HTMLTextAreaElement).value)}
          />
        </div>
        <button type="submit" disabled={!reply.trim()}>
          {tr('sendReport')}
        </button>
      </form>
    </article>
  );
}

/** What the person says they get, to set beside the advertised terms; blank fields are left out. */
function reportedTerms(v: Record<string, string>): Schemas['ReportedTermsDto'] {
  const num = (s: string | undefined) =>
    s && s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : undefined;
  const out: Schemas['ReportedTermsDto'] = {};
  const pay = num(v.pay);
  if (pay !== undefined) out.monthlyPay = { amount: pay, currency: 'RUB' };
  const hours = num(v.hours);
  if (hours !== undefined) out.hoursPerWeek = hours;
  if (v.housing) out.housingProvided = v.housing === 'yes';
  const housingCost = num(v.housingCost);
  if (housingCost !== undefined) out.housingCostPerMonth = housingCost;
  const costs = num(v.costs);
  if (costs !== undefined) out.costsCharged = costs;
  return out;
}

function NewGrievance() {
  const [category, setCategory] = useState<GrievanceCategory | null>(null);
  const [ticked, setTicked] = useState<IloIndicator['code'][]>([]);
  return (
    <form
      class="card"
      data-form="grievance"
      onSubmit={(e) => {
        e.preventDefault();
        const v = formValues(e.currentTarget);
        if (!category) return;
        void fileGrievance({
          category,
          description: v.description ?? '',
          application: applications.value.find((a) => a.id === v.application) ?? null,
          placementId: placements.value.find((p) => `placement:${p.id}` === v.application)?.id ?? null,
          anonymousToEmployer: v.anonymous === 'on',
          iloIndicators: ticked,
          reportedTerms: reportedTerms(v),
        });
      }}
    >
      <fieldset>
        <legend>{tr('categoryTitle')}</legend>
        {CATEGORIES.map((c) => (
          <label key={c} class="check">
            <input
              type="radio"
              name="category"
              value={c}
              checked={category === c}
              onChange={() => setCategory(c)}
            />{' '}
            {tr(`cat_${c}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      {category === 'forced_labour' && indicators.value.length ? (
        <fieldset data-ilo>
          <legend>{tr('iloTitle')}</legend>
          {indicators.value.map((i) => (
            <label key={i.code} class="check">
              <input
                type="checkbox"
                data-indicator={i.code}
                checked={ticked.includes(i.code)}
                onChange={() =>
                  setTicked(
                    ticked.includes(i.code) ? ticked.filter((x) => x !== i.code) : [...ticked, i.code],
                  )
                }
              />{' '}
              {i.label}
            </label>
          ))}
        </fieldset>
      ) : null}
      <SelectField label={tr('aboutJob')} name="application">
        <option value="">{tr('noParticularJob')}</option>
        {placements.value.map((p) => (
          <option key={p.id} value={`placement:${p.id}`}>
            {`${p.vacancyTitle} — ${tr('st_hired')}`}
          </option>
        ))}
        {applications.value.map((a) => (
          <option key={a.id} value={a.id}>{`${a.vacancyTitle} — ${a.employerName}`}</option>
        ))}
      </SelectField>
      <fieldset data-reported>
        <legend>{tr('reportedTitle')}</legend>
        <Field label={tr('reportedPay')} name="pay" type="number" min={0} step="any" inputMode="decimal" />
        <Field label={tr('reportedHours')} name="hours" type="number" min={0} max={168} inputMode="numeric" />
        <SelectField label={tr('reportedHousing')} name="housing">
          <option value="">{tr('notSaying')}</option>
          <option value="yes">{tr('yes')}</option>
          <option value="no">{tr('no')}</option>
        </SelectField>
        <Field label={tr('reportedHousingCost')} name="housingCost" type="number" min={0} step="any" />
        <Field label={tr('reportedCosts')} name="costs" type="number" min={0} step="any" />
      </fieldset>
      <div class="field">
        <label for="f-description">{tr('describeLabel')}</label>
        <textarea id="f-description" name="description" rows={5} maxLength={8000} required minLength={3} />
      </div>
      <label class="check">
        <input type="checkbox" name="anonymous" /> {tr('anonymousLabel')}
      </label>
      <button type="submit" disabled={!category}>
        {tr('sendReport')}
      </button>
    </form>
  );
}

function Consultation({ id }: { id: string }) {
  const c = consultations.value.find((x) => x.id === id);
  const [reason, setReason] = useState('');
  if (!c) return <p class="muted">{tr('noConsultations')}</p>;
  return (
    <article class="card" data-consultation-detail={c.id} data-status={c.status}>
      <h3>{tr('legalTitle')}</h3>
      <p>{tr(`topic_${c.topic}` as MessageKey)}</p>
      <p>
        <time dateTime={String(c.startsAt)}>{when(c.startsAt, true)}</time> ·{' '}
        <span data-testid="consultation-status">{tr(`cstatus_${c.status}` as MessageKey)}</span>
      </p>
      {c.cancelReason ? <p data-testid="consultation-cancel-reason">{c.cancelReason}</p> : null}
      {bookedIcs.value?.id === c.id ? (
        <a
          class="button secondary"
          data-testid="consultation-ics"
          download="legal-consultation.ics"
          href={`data:text/calendar;charset=utf-8,${encodeURIComponent(bookedIcs.value.ics)}`}
        >
          {tr('addToCalendar')}
        </a>
      ) : null}
      {c.status === 'booked' && deskSlots.value.length ? (
        <section data-form="move-consultation">
          <h4>{tr('moveBooking')}</h4>
          <ul>
            {deskSlots.value.map((x) => (
              <li key={x.id} data-move-slot={x.id}>
                <button type="button" class="secondary" onClick={() => void moveConsultation(c.id, x.id)}>
                  <time dateTime={x.startsAt}>{when(x.startsAt, true)}</time>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {c.status === 'booked' ? (
        <form
          data-form="cancel-consultation"
          onSubmit={(e) => {
            e.preventDefault();
            void cancelConsultation(c.id, reason);
          }}
        >
          <h4>{tr('cancelBooking')}</h4>
          <label for="cancel-reason">{tr('cancelReason')}</label>
          <textarea
            id="cancel-reason"
            rows={2}
            maxLength={2000}
            value={reason}
            onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)}
          />
          <button type="submit" class="secondary" disabled={reason.trim().length < 3}>
            {tr('cancelBooking')}
          </button>
        </form>
      ) : null}
    </article>
  );
}

function Book() {
  const [topic, setTopic] = useState<(typeof TOPICS)[number]>('patent');
  return (
    <section class="card" data-form="book">
      <h3>{tr('helpBookLegal')}</h3>
      <SelectField
        label={tr('topicTitle')}
        name="topic"
        value={topic}
        onChange={(e) => setTopic((e.target as HTMLSelectElement).value as (typeof TOPICS)[number])}
      >
        {TOPICS.map((t) => (
          <option key={t} value={t}>
            {tr(`topic_${t}` as MessageKey)}
          </option>
        ))}
      </SelectField>
      <h4>{tr('slotTitle')}</h4>
      {freeSlots.value.length === 0 ? <p class="muted">{tr('noLegalDesks')}</p> : null}
      <ul>
        {freeSlots.value.map((s) => (
          <li key={s.id} data-slot={s.id}>
            <time dateTime={s.startsAt}>{when(s.startsAt, true)}</time> · {s.place}{' '}
            <button type="button" class="secondary" onClick={() => void book(s.id, topic)}>
              {tr('bookSlot')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Help: the person's grievances and consultations, filing a new grievance and booking a consultation. */
export function Help() {
  const view = helpView.value;
  return (
    <section>
      <h2>{tr('tabHelp')}</h2>
      {view.kind !== 'list' ? (
        <p>
          <button
            type="button"
            class="link"
            data-action="help-list"
            onClick={() => void show({ kind: 'list' })}
          >
            ← {tr('backToList')}
          </button>
        </p>
      ) : null}
      {view.kind === 'list' ? <List /> : null}
      {view.kind === 'grievance' ? <Detail /> : null}
      {view.kind === 'new-grievance' ? <NewGrievance /> : null}
      {view.kind === 'consultation' ? <Consultation id={view.id} /> : null}
      {view.kind === 'book' ? <Book /> : null}
    </section>
  );
}
