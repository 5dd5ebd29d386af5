import { KIOSK_LANGS } from '../../i18n/kiosk';
import { LanguagePicker } from '../../shared/LanguagePicker';
import { Layout } from '../components/Layout';
import { NavButtons } from '../components/NavButtons';
import { guarded, loadOccupations } from '../data';
import { startHelp } from '../help';
import { go, lang, tr } from '../state';

/** The welcome: pick a language in its own name; picking one moves on. */
export function Language() {
  const begin = () =>
    void guarded(async () => {
      await loadOccupations();
      go('consent');
    });
  return (
    <Layout title={tr('chooseLanguage')}>
      <p>{tr('welcome')}</p>
      <p class="notice">{tr('noFee')}</p>
      <LanguagePicker
        variant="choices"
        langs={KIOSK_LANGS}
        current={lang.value}
        label={tr('chooseLanguage')}
        onPick={(l) => {
          lang.value = l;
          begin();
        }}
      />
      <NavButtons back={null} next={{ label: tr('start'), icon: '▶', enabled: true, onClick: begin }} />
      <p>
        <button type="button" class="secondary" data-action="get-help" onClick={startHelp}>
          <span class="icon" aria-hidden="true">
            ☎
          </span>
          {tr('helpEntry')}
        </button>
      </p>
    </Layout>
  );
}
