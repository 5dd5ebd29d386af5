/**
 * Staff console: verify employers, create fairs and pair kiosks (token as a QR code), read fair
 * reports with a funnel chart, labelled breakdowns and CSV/XLSX downloads, follow applications and
 * their history, watch employers' overdue duties, review dead notifications and merge duplicates.
 */
import { render } from 'preact';
import '../lib/style.css';
import './data';
import { Applications } from './screens/Applications';
import { Consultations } from './screens/Consultations';
import { Duplicates } from './screens/Duplicates';
import { Employers } from './screens/Employers';
import { Fairs } from './screens/Fairs';
import { Grievances } from './screens/Grievances';
import { Login } from './screens/Login';
import { Notifications } from './screens/Notifications';
import { Obligations } from './screens/Obligations';
import { Recruitment } from './screens/Recruitment';
import { Reports } from './screens/Reports';
import { ADVISER_TABS, TABS, Tab, boot, loading, logout, me, message, open, tab } from './state';

const SCREENS: Record<Tab, () => preact.JSX.Element | null> = {
  employers: Employers,
  fairs: Fairs,
  reports: Reports,
  applications: Applications,
  obligations: Obligations,
  notifications: Notifications,
  duplicates: Duplicates,
  grievances: Grievances,
  consultations: Consultations,
  recruitment: Recruitment,
};

function App() {
  const who = me.value;
  if (!who) return <Login />;
  const m = message.value;
  const Current = SCREENS[tab.value];
  return (
    <div>
      <header class="top">
        <h1>Консоль службы занятости</h1>
        <div class="row">
          <span>{who.displayName ?? (who.email ? String(who.email) : '')}</span>
          <button type="button" class="link" onClick={logout}>
            Выйти
          </button>
        </div>
      </header>
      <nav class="tabs" aria-label="Разделы">
        {TABS.filter(([id]) => who.role !== 'legal_adviser' || ADVISER_TABS.includes(id)).map(
          ([id, label]) => (
            <button
              key={id}
              type="button"
              data-tab={id}
              aria-current={tab.value === id ? 'page' : undefined}
              onClick={() => void open(id)}
            >
              {label}
            </button>
          ),
        )}
      </nav>
      <main data-tab={tab.value}>
        {m ? (
          <p class={m.kind} role={m.kind === 'error' ? 'alert' : 'status'}>
            {m.text}
          </p>
        ) : null}
        {loading.value ? <p>Загрузка…</p> : <Current />}
      </main>
    </div>
  );
}

document.documentElement.lang = 'ru';
render(<App />, document.getElementById('app')!);
void boot();
