import { EMPLOYER_LANGS } from '../../i18n/employer';
import { LanguagePicker } from '../../shared/LanguagePicker';
import { employer, lang, logout, me, setLang, tr } from '../state';

export function Header() {
  return (
    <header class="top">
      <h1>
        {tr('appTitle')}
        {employer.value ? ` — ${employer.value.name}` : ''}
      </h1>
      <div class="row">
        <LanguagePicker langs={EMPLOYER_LANGS} current={lang.value} label={tr('language')} onPick={setLang} />
        {me.value ? (
          <button type="button" class="link" onClick={logout}>
            {tr('logout')}
          </button>
        ) : null}
      </div>
    </header>
  );
}
