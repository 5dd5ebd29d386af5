import { useState } from 'preact/hooks';
import { KIOSK_LANGS } from '../../i18n/kiosk';
import { LanguagePicker } from '../../shared/LanguagePicker';
import { TOKEN_KEY, heldCount, lang, outboxCount, pairing, tr } from '../state';

/** Shown until the kiosk holds a token its fair accepts: staff paste it or open the pairing link. */
export function Pairing({ onPaired }: { onPaired: () => void }) {
  const [value, setValue] = useState('');
  const message = pairing.value.message;
  return (
    <div>
      <header class="top">
        <h1>{tr('appTitle')}</h1>
        <LanguagePicker
          langs={KIOSK_LANGS}
          current={lang.value}
          label={tr('chooseLanguage')}
          onPick={(l) => (lang.value = l)}
        />
      </header>
      <main data-screen="pairing">
        <p class="notice">{tr('notPaired')}</p>
        {outboxCount.value + heldCount.value ? (
          <p class="notice" data-testid="unsent-on-kiosk">
            {tr('unsentPairAgain', { count: outboxCount.value + heldCount.value })}
          </p>
        ) : null}
        {message ? (
          <p class="error" role="alert">
            {tr(message)}
          </p>
        ) : null}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            localStorage.setItem(TOKEN_KEY, value.trim());
            onPaired();
          }}
        >
          <div class="field">
            <label for="kiosk-token">{tr('kioskToken')}</label>
            <input
              id="kiosk-token"
              name="token"
              autocomplete="off"
              value={value}
              onInput={(e) => setValue((e.target as HTMLInputElement).value)}
            />
          </div>
          <button type="submit">
            <span class="icon" aria-hidden="true">
              ⇄
            </span>
            {tr('pair')}
          </button>
        </form>
      </main>
    </div>
  );
}
