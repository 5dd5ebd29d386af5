/**
 * Employer portal: register and wait for verification, post vacancies (the fair-recruitment refusal
 * explained in plain words, the region's minimum wage shown before publishing), follow applicants and
 * ranked candidates, publish interview slots, book, reschedule and record interviews, hire, and see
 * the legal duties that follow.
 */
import { effect } from '@preact/signals';
import { render } from 'preact';
import '../lib/style.css';
import { Header } from './components/Header';
import { Message } from './components/Message';
import { Login } from './screens/Login';
import { Obligations } from './screens/Obligations';
import { Pending } from './screens/Pending';
import { SharedGrievance } from './screens/SharedGrievance';
import { Recruitment } from './screens/Recruitment';
import { Register } from './screens/Register';
import { VacancyDetail } from './screens/VacancyDetail';
import { VacancyForm } from './screens/VacancyForm';
import { Vacancies } from './screens/Vacancies';
import {
  TABS,
  Tab,
  authMode,
  boot,
  followLink,
  employer,
  lang,
  loading,
  me,
  open,
  openVacancyId,
  tab,
  tr,
} from './state';
import { costs, draft, feeRefusal } from './vacancy';
import { sharedId } from './grievance';

const SCREENS: Record<Tab, () => preact.JSX.Element | null> = {
  vacancies: Vacancies,
  new: VacancyForm,
  obligations: Obligations,
  recruitment: Recruitment,
};

function App() {
  const own = employer.value;
  if (!me.value || !own)
    return (
      <div>
        <Header />
        {authMode.value === 'register' ? <Register /> : <Login />}
      </div>
    );
  // A grievance staff shared (#grievances/<id>) opens whatever the employer's status, a suspended one too.
  if (sharedId.value)
    return (
      <div>
        <Header />
        <SharedGrievance />
      </div>
    );
  if (own.status !== 'verified')
    return (
      <div>
        <Header />
        <Pending employer={own} />
      </div>
    );
  const detail = openVacancyId.value;
  const Current = detail ? VacancyDetail : SCREENS[tab.value];
  return (
    <div>
      <Header />
      <nav class="tabs" aria-label={tr('tabs')}>
        {TABS.map(([id, key]) => (
          <button
            key={id}
            type="button"
            data-tab={id}
            aria-current={tab.value === id && !detail ? 'page' : undefined}
            onClick={() => {
              if (id === 'new') {
                draft.value = null;
                costs.value = [];
              }
              feeRefusal.value = null;
              void open(id);
            }}
          >
            {tr(key)}
          </button>
        ))}
      </nav>
      <main data-tab={detail ? 'vacancy' : tab.value}>
        {detail ? null : <Message />}
        {loading.value && !(tab.value === 'new' && !detail) ? <p>{tr('loading')}</p> : <Current />}
      </main>
    </div>
  );
}

effect(() => {
  document.documentElement.lang = lang.value;
  document.title = tr('appTitle');
});
render(<App />, document.getElementById('app')!);
window.addEventListener('hashchange', followLink);
void boot();
