import { Choice } from '../components/Choice';
import { Layout } from '../components/Layout';
import { go, person, reset, tr, updatePerson } from '../state';

/** What is kept and who sees it; the person also says whether other employers may find them. */
export function Consent() {
  const visible = person.value.visibleToEmployers;
  return (
    <Layout title={tr('consentTitle')}>
      <p style={{ fontSize: '1.1em' }}>{tr('consentText')}</p>
      <p>
        <strong id="visible-question">{tr('consentVisibleQuestion')}</strong>
      </p>
      <div class="choices" role="group" aria-labelledby="visible-question">
        <Choice
          pressed={visible === true}
          onClick={() => updatePerson({ visibleToEmployers: true })}
          data-choice="visible-yes"
        >
          <span class="icon" aria-hidden="true">
            ✓
          </span>
          {tr('yes')}
        </Choice>
        <Choice
          pressed={visible === false}
          onClick={() => updatePerson({ visibleToEmployers: false })}
          data-choice="visible-no"
        >
          <span class="icon" aria-hidden="true">
            ✕
          </span>
          {tr('no')}
        </Choice>
      </div>
      <div class="nav">
        <button type="button" class="secondary" onClick={reset}>
          <span class="icon" aria-hidden="true">
            ✕
          </span>
          {tr('disagree')}
        </button>
        <button type="button" data-action="agree" disabled={visible === null} onClick={() => go('about')}>
          <span class="icon" aria-hidden="true">
            ✓
          </span>
          {tr('agree')}
        </button>
      </div>
    </Layout>
  );
}
