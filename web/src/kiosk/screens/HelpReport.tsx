import { useEffect } from 'preact/hooks';
import type { MessageKey } from '../../i18n/kiosk';
import { Choice } from '../components/Choice';
import { Layout } from '../components/Layout';
import { NavButtons } from '../components/NavButtons';
import {
  CATEGORIES,
  filing,
  indicators,
  loadIndicators,
  report,
  reportReady,
  toggleIndicator,
  updateReport,
} from '../help';
import { submitGrievance } from '../submit';
import { lang, reset, tr } from '../state';

/** The report: one of the eight categories (the ILO checklist for forced labour), what happened, anonymity. */
export function HelpReport() {
  const r = report.value;
  const f = filing.value;
  const busy = f?.status === 'sending' || f?.status === 'waiting';
  // The checklist's labels follow the language picked in the header.
  const current = lang.value;
  useEffect(() => void loadIndicators(), [current]);
  return (
    <Layout title={tr('helpReport')}>
      <fieldset class="card">
        <legend>{tr('categoryTitle')}</legend>
        <div class="choices" role="group" aria-label={tr('categoryTitle')}>
          {CATEGORIES.map((c) => (
            <Choice
              key={c}
              pressed={r.category === c}
              data-category={c}
              onClick={() => updateReport({ category: c })}
            >
              {tr(`cat_${c}` as MessageKey)}
            </Choice>
          ))}
        </div>
      </fieldset>
      {r.category === 'forced_labour' && indicators.value.length ? (
        <fieldset class="card" data-ilo>
          <legend>{tr('iloTitle')}</legend>
          {indicators.value.map((i) => (
            <label key={i.code} class="check">
              <input
                type="checkbox"
                data-indicator={i.code}
                checked={r.iloIndicators.includes(i.code)}
                onChange={() => toggleIndicator(i.code)}
              />{' '}
              {i.label}
            </label>
          ))}
        </fieldset>
      ) : null}
      <div class="field">
        <label for="grievance-description">{tr('describeLabel')}</label>
        <textarea
          id="grievance-description"
          rows={5}
          maxLength={8000}
          value={r.description}
          onInput={(e) => updateReport({ description: (e.target as HTMLTextAreaElement).value })}
        />
      </div>
      <label class="check">
        <input
          type="checkbox"
          id="grievance-anonymous"
          checked={r.anonymousToEmployer}
          onChange={(e) => updateReport({ anonymousToEmployer: (e.target as HTMLInputElement).checked })}
        />{' '}
        {tr('anonymousLabel')}
      </label>
      {f?.status === 'waiting' ? (
        <p class="notice" role="status" data-testid="report-waiting">
          {tr('reportWaiting')}
        </p>
      ) : null}
      {f?.status === 'refused' ? (
        <p class="error" role="alert">
          {f.error}
        </p>
      ) : null}
      <NavButtons
        back="help-menu"
        next={{
          label: tr('sendReport'),
          icon: '✓',
          action: 'send-report',
          enabled: reportReady() && !busy,
          onClick: () => void submitGrievance(),
        }}
      />
      <p>
        <button type="button" class="link" onClick={reset}>
          <span class="icon" aria-hidden="true">
            ↺
          </span>
          {tr('cancel')}
        </button>
      </p>
    </Layout>
  );
}
