import type { ComponentChildren } from 'preact';
import { KIOSK_LANGS } from '../../i18n/kiosk';
import { LanguagePicker } from '../../shared/LanguagePicker';
import { Progress } from '../../shared/Progress';
import { guarded, reloadForLanguage } from '../data';
import { STEPS, error, fair, heldCount, idleLeft, lang, outboxCount, reset, screen, tr } from '../state';

/** The frame of every screen: title bar with languages, the step progress, alerts, "start over". */
export function Layout({ title, children }: { title: string; children: ComponentChildren }) {
  const step = STEPS.findIndex((s) => s.screen === screen.value) + 1;
  return (
    <div>
      <header class="top">
        <h1>
          {tr('appTitle')}
          {fair.value ? ` · ${fair.value.name}` : ''}
        </h1>
        <LanguagePicker
          langs={KIOSK_LANGS}
          current={lang.value}
          label={tr('chooseLanguage')}
          onPick={(l) =>
            void guarded(async () => {
              lang.value = l;
              await reloadForLanguage();
            })
          }
        />
      </header>
      <main data-screen={screen.value}>
        {step > 0 ? (
          <Progress
            current={step}
            steps={STEPS.map((s) => tr(s.name))}
            label={tr('step', { n: step, total: STEPS.length })}
          />
        ) : null}
        <h2>{title}</h2>
        {idleLeft.value !== null ? (
          <p class="notice" role="alert">
            {tr('idleWarning', { seconds: idleLeft.value })}
          </p>
        ) : null}
        {error.value ? (
          <p class="error" role="alert">
            {error.value}
          </p>
        ) : null}
        {children}
        {heldCount.value ? (
          <p class="notice" data-testid="held-count">
            {tr('heldForStaff', { count: heldCount.value })}
          </p>
        ) : null}
        {outboxCount.value ? (
          <p class="muted" data-testid="outbox-count">
            {tr('pendingQueue', { count: outboxCount.value })}
          </p>
        ) : null}
        {step > 0 ? (
          <p>
            <button type="button" class="link" onClick={reset}>
              <span class="icon" aria-hidden="true">
                ↺
              </span>
              {tr('cancel')}
            </button>
          </p>
        ) : null}
      </main>
    </div>
  );
}
