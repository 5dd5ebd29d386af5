import { useState } from 'preact/hooks';
import type { MessageKey } from '../../i18n/employer';
import { Message } from '../components/Message';
import { answer, close, shared } from '../grievance';
import { lang, tr } from '../state';

const date = (iso: string) => new Date(iso).toLocaleString(lang.value === 'en' ? 'en-GB' : 'ru-RU');

/** The grievance staff shared: the category, what the worker says, and the one answer. */
export function SharedGrievance() {
  const g = shared.value;
  const [text, setText] = useState('');
  return (
    <main data-tab="grievance">
      <Message />
      {g ? (
        <section class="card" data-grievance={g.id}>
          <h2>{tr('grievanceTitle')}</h2>
          <p class="muted">{tr('grievanceShared')}</p>
          <h3>{tr(`gcat_${g.category}` as MessageKey)}</h3>
          <p>{tr('grievanceState', { state: g.stateLabel })}</p>
          <p data-testid="grievance-person">
            {g.anonymousToEmployer || !g.personName
              ? tr('grievanceAnonymous')
              : tr('grievanceFrom', { name: g.personName })}
          </p>
          {g.description ? <blockquote>{g.description}</blockquote> : null}
          {g.employerAnswer ? (
            <div data-testid="employer-answer">
              <h3>
                {tr('grievanceAnswered', { date: g.employerAnsweredAt ? date(g.employerAnsweredAt) : '' })}
              </h3>
              <p>{g.employerAnswer}</p>
            </div>
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (text.trim()) void answer(g.id, text);
              }}
            >
              <div class="field">
                <label for="employer-answer">{tr('grievanceAnswer')}</label>
                <textarea
                  id="employer-answer"
                  rows={4}
                  maxLength={4000}
                  value={text}
                  onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
                />
              </div>
              <button type="submit" disabled={!text.trim()}>
                {tr('grievanceSend')}
              </button>
            </form>
          )}
        </section>
      ) : null}
      <p>
        <button type="button" class="link" onClick={close}>
          {tr('grievanceBack')}
        </button>
      </p>
    </main>
  );
}
