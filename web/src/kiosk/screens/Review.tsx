import { EligibilityBadge } from '../../shared/EligibilityBadge';
import { VacancyCard } from '../../shared/VacancyCard';
import { MessageKey } from '../../i18n/kiosk';
import { Layout } from '../components/Layout';
import { NavButtons } from '../components/NavButtons';
import { vacancyFacts } from '../components/vacancyFacts';
import { submit } from '../submit';
import { Eligibility, eligibility, ordered, selected, submission, tr } from '../state';

function Verdict({ result }: { result: Eligibility | 'error' | undefined }) {
  if (result === undefined) return <p class="muted">{tr('checking')}</p>;
  if (result === 'error') return <p class="muted">{tr('offline')}</p>;
  return (
    <div>
      <p>
        <EligibilityBadge status={result.status} label={tr(`status_${result.status}` as MessageKey)} />
      </p>
      {result.steps.length ? (
        <div>
          <strong>{tr('stepsNeeded')}</strong>
          <ol>
            {result.steps.map((s) => (
              <li key={s.code}>{s.message}</li>
            ))}
          </ol>
        </div>
      ) : null}
    </div>
  );
}

/** What the law asks for each chosen vacancy, then send; a lost network keeps it in the outbox. */
export function Review() {
  const chosen = ordered.value.filter((v) => selected.value.includes(v.id));
  const sub = submission.value;
  const busy = sub?.status === 'sending' || sub?.status === 'waiting';
  return (
    <Layout title={tr('eligibilityTitle')}>
      <p class="muted">{tr('eligibilityNote')}</p>
      {chosen.map((v) => (
        <VacancyCard key={v.id} id={v.id} title={v.title} facts={vacancyFacts(v)} dataAttr="data-eligibility">
          <Verdict result={eligibility.value[v.id]} />
        </VacancyCard>
      ))}
      {sub?.status === 'waiting' ? (
        <p class="notice" role="status" data-testid="saved-offline">
          {tr('savedOffline')}
        </p>
      ) : null}
      {sub?.status === 'sending' ? (
        <p class="notice" role="status">
          {tr('sending')}
        </p>
      ) : null}
      {sub?.status === 'refused' ? (
        <p class="error" role="alert">
          {tr('sendFailed', { reason: sub.error ?? '' })}
        </p>
      ) : null}
      <NavButtons
        back={busy ? null : 'vacancies'}
        next={{
          label: busy ? tr('sending') : tr('send'),
          icon: '✉',
          enabled: !busy,
          onClick: () => void submit(),
        }}
      />
    </Layout>
  );
}
