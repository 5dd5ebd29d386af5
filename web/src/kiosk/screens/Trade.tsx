import { Choice } from '../components/Choice';
import { Layout } from '../components/Layout';
import { NavButtons } from '../components/NavButtons';
import { guarded, loadVacancies } from '../data';
import { go, occupations, person, tr, updatePerson } from '../state';

/** The trade the person works in (or any); the server ranks the fair's vacancies for it. */
export function Trade() {
  const trade = person.value.trade;
  return (
    <Layout title={tr('trade')}>
      <div class="choices" role="group" aria-label={tr('trade')}>
        <Choice pressed={trade === null} onClick={() => updatePerson({ trade: null })} data-trade="any">
          {tr('anyTrade')}
        </Choice>
        {occupations.value.map((o) => (
          <Choice
            key={o.code}
            pressed={trade === o.code}
            onClick={() => updatePerson({ trade: o.code })}
            data-trade={o.code}
          >
            {o.label}
          </Choice>
        ))}
      </div>
      <NavButtons
        back="phone"
        next={{
          enabled: true,
          onClick: () =>
            void guarded(async () => {
              await loadVacancies();
              go('vacancies');
            }),
        }}
      />
    </Layout>
  );
}
