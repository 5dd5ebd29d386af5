/**
 * The jobseeker's page, made for a phone: register or sign in (password, or phone and the access code
 * from the kiosk QR link `/#login?phone=…&code=…`), see matching jobs with the right to work, apply,
 * follow applications and interviews, and withdraw consent with erasure. Five languages.
 */
import { effect } from '@preact/signals';
import { render } from 'preact';
import '../lib/style.css';
import { Header } from './components/Header';
import { Message } from './components/Message';
import { readHelpHash } from './help';
import { Applications } from './screens/Applications';
import { Help } from './screens/Help';
import { Login } from './screens/Login';
import { Matches } from './screens/Matches';
import { Plan } from './screens/Plan';
import { Profile } from './screens/Profile';
import { Register } from './screens/Register';
import {
  TABS,
  Tab,
  authMode,
  boot,
  lang,
  loading,
  me,
  openTab,
  prefill,
  readHash,
  signIn,
  tab,
  target,
  tr,
} from './state';

const SCREENS: Record<Tab, () => preact.JSX.Element | null> = {
  matches: Matches,
  applications: Applications,
  profile: Profile,
  help: Help,
  plan: Plan,
};

function App() {
  if (!me.value)
    return (
      <div>
        <Header />
        {authMode.value === 'login' ? <Login /> : <Register />}
      </div>
    );
  const Current = SCREENS[tab.value];
  return (
    <div>
      <Header />
      <nav class="tabs" aria-label={tr('sections')}>
        {TABS.map(([id, key]) => (
          <button
            key={id}
            type="button"
            data-tab={id}
            aria-current={tab.value === id ? 'page' : undefined}
            onClick={() => void openTab(id)}
          >
            {tr(key)}
          </button>
        ))}
      </nav>
      <main data-tab={tab.value}>
        <Message />
        {loading.value ? <p>{tr('loading')}</p> : <Current />}
      </main>
    </div>
  );
}

effect(() => {
  document.documentElement.lang = lang.value;
  document.title = tr('pageTitle');
});
render(<App />, document.getElementById('app')!);

readHash();
readHelpHash();
// A link opened while the page is already open only changes the fragment.
window.addEventListener('hashchange', () => {
  readHash();
  readHelpHash();
  if (me.value) void openTab(target.value ? 'applications' : tab.value);
});
const given = prefill.value;
if (given.phone && given.code) {
  localStorage.removeItem('jobfair.migrant.token');
  void signIn(given.phone, undefined, given.code);
} else void boot();
