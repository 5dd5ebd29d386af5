import { LANGS } from '../../i18n/catalogue';
import { LanguagePicker } from '../../shared/LanguagePicker';
import { lang, logout, me, setLang, tr } from '../state';

export function Header() {
  return (
    <header class="top">
      <h1>{tr('pageTitle')}</h1>
      <LanguagePicker langs={LANGS} current={lang.value} label={tr('language')} onPick={setLang} />
      {me.value ? (
        <button type="button" class="link" onClick={logout}>
          {tr('logout')}
        </button>
      ) : null}
    </header>
  );
}
