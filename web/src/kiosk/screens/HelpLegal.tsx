import type { MessageKey } from '../../i18n/kiosk';
import { Choice } from '../components/Choice';
import { Layout } from '../components/Layout';
import { TOPICS, bookSlot, booked, desks, freeSlots, slotTime, topic } from '../help';
import { go, reset, tr } from '../state';

/** A consultation at the fair's legal desk: a topic, then one of the free times. */
export function HelpLegal() {
  const done = booked.value;
  if (done) {
    const desk = desks.value.find((d) => d.slots.some((s) => s.id === done.slotId));
    return (
      <Layout title={tr('legalTitle')}>
        <p class="card" data-testid="consultation-booked" data-consultation={done.id}>
          {tr('bookedAt', {
            time: slotTime(String(done.startsAt)),
            desk: desk ? [desk.name, desk.location].filter(Boolean).join(', ') : '',
          })}
        </p>
        <div class="nav">
          <span />
          <button type="button" data-action="finish" onClick={reset}>
            <span class="icon" aria-hidden="true">
              ✓
            </span>
            {tr('finish')}
          </button>
        </div>
      </Layout>
    );
  }
  const slots = freeSlots();
  return (
    <Layout title={tr('legalTitle')}>
      <fieldset class="card">
        <legend>{tr('topicTitle')}</legend>
        <div class="choices" role="group" aria-label={tr('topicTitle')}>
          {TOPICS.map((t) => (
            <Choice key={t} pressed={topic.value === t} data-topic={t} onClick={() => (topic.value = t)}>
              {tr(`topic_${t}` as MessageKey)}
            </Choice>
          ))}
        </div>
      </fieldset>
      <fieldset class="card">
        <legend>{tr('slotTitle')}</legend>
        {slots.length ? (
          <div class="choices" role="group" aria-label={tr('slotTitle')}>
            {slots.map((s) => (
              <button
                key={s.id}
                type="button"
                data-slot={s.id}
                disabled={!topic.value}
                onClick={() => void bookSlot(s.id)}
              >
                {`${slotTime(s.startsAt)} · ${s.desk}`}
              </button>
            ))}
          </div>
        ) : (
          <p class="muted">{tr('noSlots')}</p>
        )}
      </fieldset>
      <div class="nav">
        <button type="button" class="secondary" data-action="back" onClick={() => go('help-menu')}>
          <span class="icon" aria-hidden="true">
            ←
          </span>
          {tr('back')}
        </button>
        <button type="button" class="link" onClick={reset}>
          <span class="icon" aria-hidden="true">
            ↺
          </span>
          {tr('cancel')}
        </button>
      </div>
    </Layout>
  );
}
