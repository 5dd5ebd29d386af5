import { VacancyCard } from '../../shared/VacancyCard';
import { Layout } from '../components/Layout';
import { NavButtons } from '../components/NavButtons';
import { countryOf, vacancyFacts } from '../components/vacancyFacts';
import { checkEligibility, guarded } from '../data';
import { go, ordered, selected, toggle, tr } from '../state';

/** The fair's vacancies, ranked for the trade; the person picks one or more. */
export function Vacancies() {
  const list = ordered.value;
  return (
    <Layout title={tr('vacanciesTitle')}>
      <p class="muted">{tr('vacanciesHint')}</p>
      {list.length === 0 ? <p class="notice">{tr('noVacancies')}</p> : null}
      {list.map((v) => {
        const chosen = selected.value.includes(v.id);
        const booth = v.employer.booth;
        return (
          <VacancyCard
            key={v.id}
            id={v.id}
            title={v.title}
            subtitle={`${v.occupation.label} · ${v.employer.name}${booth ? ` · ${tr('booth', { booth })}` : ''}`}
            facts={vacancyFacts(v)}
          >
            <p class="badge" data-vacancy-country={v.region.country}>
              {countryOf(v)}
            </p>
            {v.minimumWage ? (
              <p class="muted" data-minimum-wage={v.id}>
                {v.minimumWage.fact}
              </p>
            ) : null}
            <button
              type="button"
              class={chosen ? '' : 'secondary'}
              aria-pressed={chosen}
              aria-label={`${chosen ? tr('chosen') : tr('choose')}: ${v.title}`}
              onClick={() => toggle(v.id)}
            >
              <span class="icon" aria-hidden="true">
                {chosen ? '☑' : '☐'}
              </span>
              {chosen ? tr('chosen') : tr('choose')}
            </button>
          </VacancyCard>
        );
      })}
      <p aria-live="polite">{tr('selectedCount', { count: selected.value.length })}</p>
      <NavButtons
        back="trade"
        next={{
          enabled: selected.value.length > 0,
          onClick: () =>
            void guarded(async () => {
              go('review');
              await checkEligibility();
            }),
        }}
      />
    </Layout>
  );
}
