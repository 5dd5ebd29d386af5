/**
 * The fair kiosk: a touch screen where a migrant picks a language, agrees to how their data is used,
 * answers a few questions by touch, sees the fair's vacancies ranked for their trade with an
 * eligibility summary, and applies to several at once. The server decides ranking and eligibility.
 */
import { effect } from '@preact/signals';
import { render } from 'preact';
import '../lib/style.css';
import { isKioskLang } from '../i18n/kiosk';
import { loadFair } from './data';
import { cacheHotlines } from './help';
import { watchIdle } from './idle';
import { About } from './screens/About';
import { Consent } from './screens/Consent';
import { Done } from './screens/Done';
import { Help } from './screens/Help';
import { HelpLegal } from './screens/HelpLegal';
import { HelpMenu } from './screens/HelpMenu';
import { HelpNew } from './screens/HelpNew';
import { HelpReport } from './screens/HelpReport';
import { HelpSent } from './screens/HelpSent';
import { Language } from './screens/Language';
import { Pairing } from './screens/Pairing';
import { Phone } from './screens/Phone';
import { Review } from './screens/Review';
import { Trade } from './screens/Trade';
import { Vacancies } from './screens/Vacancies';
import { Screen, TOKEN_KEY, done, fair, lang, pairing, screen, token } from './state';
import { countPending, outbox } from './submit';

const SCREENS: Record<Screen, () => preact.JSX.Element | null> = {
  language: Language,
  consent: Consent,
  about: About,
  phone: Phone,
  trade: Trade,
  vacancies: Vacancies,
  review: Review,
  done: Done,
  help: Help,
  'help-menu': HelpMenu,
  'help-new': HelpNew,
  'help-report': HelpReport,
  'help-sent': HelpSent,
  'help-legal': HelpLegal,
};

function App() {
  if (!fair.value) return <Pairing onPaired={() => void start()} />;
  const Current = screen.value === 'done' && !done.value ? Language : SCREENS[screen.value];
  return <Current />;
}

async function start(): Promise<void> {
  const hash = new URLSearchParams(location.hash.replace(/^#/, ''));
  const paired = hash.get('token');
  if (paired) {
    localStorage.setItem(TOKEN_KEY, paired);
    history.replaceState(null, '', location.pathname);
  }
  const wanted = hash.get('lang');
  if (isKioskLang(wanted)) lang.value = wanted;
  // What this device still holds is shown even before pairing: staff must pair it with its fair to send it.
  countPending();
  if (!token()) {
    pairing.value = { message: null };
    return;
  }
  try {
    if (!(await loadFair())) return;
  } catch {
    setTimeout(() => void start(), 5_000);
    return;
  }
  // Paired with its fair again: what the old token could not hand over goes now.
  if (fair.value) {
    outbox.release(fair.value.id);
    // The help numbers are kept on the device: an urgent report that waits offline shows them at once.
    void cacheHotlines(fair.value.id);
  }
  countPending();
  void outbox.flush();
}

document.body.classList.add('kiosk');
effect(() => {
  document.documentElement.lang = lang.value;
});
watchIdle();
render(<App />, document.getElementById('app')!);
void start();
