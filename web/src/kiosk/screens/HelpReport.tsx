import { useEffect } from 'preact/hooks';
import type { MessageKey } from '../../i18n/kiosk';
import { Choice } from '../components/Choice';
import { Layout } from '../components/Layout';
import { NavButtons } from '../components/NavButtons';
import {
  CATEGORIES,
  filing,
  indicators,
  keptHotlinesFor,
  loadIndicators,
  records,
  report,
  reportReady,
  reportingAsNew,
  toggleIndicator,
  updateReport,
} from '../help';
import { submitGrievance } from '../submit';
import { fair, lang, reset, tr } from '../state';

/** The report: one of the eight categories (the ILO checklist for forced labour), what happened, anonymity. */
export function HelpReport() {
  const r = report.value;
  const f = filing.value;
  const busy = f?.status === 'sending' || f?.status === 'waiting';
  // The checklist's labels follow the language picked in the header.
  const current = lang.value;
  useEffect(() => void loadIndicators(), [current]);
  // The visitor's own applications and placements (from the check-in), to name the one the report is about.
  const mine = records.value;
  const own = [
    ...(mine?.placements ?? []).map((p) => ({
      key: `placement:${p.id}`,
      about: { placementId: p.id },
      label: `${p.vacancyTitle} — ${p.employerName} (${tr('recordHired')})`,
    })),
    ...(mine?.applications ?? [])
      .filter((a) => !mine?.placements.some((p) => p.applicationId === a.id))
      .map((a) => ({
        key: `application:${a.id}`,
        about: { applicationId: a.id },
        label: `${a.vacancyTitle} — ${a.employerName}`,
      })),
  ];
  const about = r.about;
  const aboutKey = !about
    ? null
    : 'placementId' in about
      ? `placement:${about.placementId}`
      : `application:${about.applicationId}`;
  // Offline, an urgent report shows the numbers kept on the device at once, before the server answers.
  const kept = f?.status === 'waiting' ? keptHotlinesFor(r.category, fair.value?.id) : null;
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
      {own.length ? (
        <fieldset class="card" data-records>
          <legend>{tr('reportAbout')}</legend>
          <div class="choices" role="group" aria-label={tr('reportAbout')}>
            {own.map((o) => (
              <Choice
                key={o.key}
                pressed={aboutKey === o.key}
                data-record={o.key}
                onClick={() => updateReport({ about: o.about })}
              >
                {o.label}
              </Choice>
            ))}
            <Choice
              pressed={aboutKey === null}
              data-record="none"
              onClick={() => updateReport({ about: null })}
            >
              {tr('reportAboutNone')}
            </Choice>
          </div>
        </fieldset>
      ) : null}
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
      {kept ? (
        <section class="card" data-testid="hotlines-offline" aria-labelledby="hotlines-offline-title">
          <p class="notice" role="alert">
            {kept.urgentNotice}
          </p>
          <h3 id="hotlines-offline-title">{tr('hotlinesOffline')}</h3>
          <ul>
            {kept.items.map((h) => (
              <li key={h.number} data-hotline={h.number}>
                <strong>{h.number}</strong> — {h.label}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {f?.status === 'refused' ? (
        <p class="error" role="alert">
          {f.error}
        </p>
      ) : null}
      <NavButtons
        back={reportingAsNew.value ? 'help-new' : 'help-menu'}
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
