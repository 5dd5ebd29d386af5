import { LANG_NAMES, Lang } from '../i18n/catalogue';

interface Props<L extends Lang> {
  langs: readonly L[];
  current: L;
  label: string;
  onPick: (lang: L) => void;
  /** `choices` draws big buttons (the kiosk's first screen); `bar` a compact row for the header. */
  variant?: 'bar' | 'choices';
}

/** Buttons with each language's own name and code, marked up in that language for screen readers. */
export function LanguagePicker<L extends Lang>({ langs, current, label, onPick, variant = 'bar' }: Props<L>) {
  return (
    <nav class={variant === 'bar' ? 'langs' : 'choices'} aria-label={label}>
      {langs.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          data-lang={lang}
          aria-pressed={current === lang}
          aria-label={LANG_NAMES[lang].name}
          onClick={() => onPick(lang)}
        >
          {LANG_NAMES[lang].name}{' '}
          <span class="lang-code" aria-hidden="true">
            {LANG_NAMES[lang].code}
          </span>
        </button>
      ))}
    </nav>
  );
}
