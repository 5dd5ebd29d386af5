import { Message } from '../components/Message';
import { Employer, boot, tr } from '../state';

/** Waiting for staff to verify the employer, or their refusal with its reason. */
export function Pending({ employer }: { employer: Employer }) {
  const rejected = employer.status === 'rejected';
  return (
    <main data-testid="employer-status" data-status={employer.status}>
      <h2>{tr(rejected ? 'rejectedTitle' : 'pendingTitle')}</h2>
      <Message />
      <p class={rejected ? 'error' : 'notice'}>
        {rejected
          ? tr('rejectedText', { reason: employer.rejectionReason ?? '' })
          : tr('pendingText', { name: employer.name, taxId: employer.taxId })}
      </p>
      <button type="button" onClick={() => void boot()}>
        {tr('refresh')}
      </button>
    </main>
  );
}
