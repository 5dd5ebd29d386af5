import QRCode from 'qrcode';
import { useEffect, useRef } from 'preact/hooks';
import { Layout } from '../components/Layout';
import { continueToHelp, desks, loadDesks } from '../help';
import { done, eligibility, reset, tr } from '../state';

/** Confirmation: the access code and a QR that opens the migrant's page signed in, or "sent by SMS". */
export function Done() {
  const result = done.value!;
  const canvas = useRef<HTMLCanvasElement>(null);
  // The eligibility answer's "get legal advice" step links to booking at the fair's legal desk.
  const legalAdvice = Object.values(eligibility.value).some(
    (e) => e !== 'error' && e.steps.some((s) => s.link),
  );
  useEffect(() => void loadDesks(), []);
  useEffect(() => {
    if (!result.accessCode || !canvas.current) return;
    const link = `${location.origin}/#login?phone=${encodeURIComponent(result.phone)}&code=${encodeURIComponent(result.accessCode)}`;
    void QRCode.toCanvas(canvas.current, link, { width: 240, margin: 1 });
  }, [result.accessCode, result.phone]);
  return (
    <Layout title={tr('doneTitle')}>
      <p data-testid="done-count">{tr('doneSent', { count: result.count })}</p>
      {result.accessCode ? (
        <div class="card" style={{ textAlign: 'center' }}>
          <p>{tr('accessCode')}</p>
          <p class="code" data-testid="access-code">
            {result.accessCode}
          </p>
          <canvas ref={canvas} aria-label={tr('accessCode')} role="img" />
          <p class="muted">{tr('accessCodeHint')}</p>
        </div>
      ) : result.codeSent ? (
        <p class="card" data-testid="access-code-sent">
          {tr('accessCodeSent')}
        </p>
      ) : result.identity === 'unconfirmed' ? (
        <p class="card" data-testid="identity-unconfirmed">
          {tr('identityUnconfirmed')}
        </p>
      ) : null}
      <p class="notice">{tr('noFee')}</p>
      {result.migrantId ? (
        <div class="row">
          {legalAdvice && desks.value.length ? (
            <button
              type="button"
              data-action="book-legal"
              onClick={() => continueToHelp(result.migrantId!, true)}
            >
              <span class="icon" aria-hidden="true">
                ⚖
              </span>
              {tr('helpBookLegal')}
            </button>
          ) : null}
          <button
            type="button"
            class="secondary"
            data-action="get-help"
            onClick={() => continueToHelp(result.migrantId!, false)}
          >
            <span class="icon" aria-hidden="true">
              ☎
            </span>
            {tr('helpEntry')}
          </button>
        </div>
      ) : null}
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
