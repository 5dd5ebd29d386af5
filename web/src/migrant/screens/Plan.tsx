import { formatDate } from '../../shared/DateTime';
import { PlanStep, lang, plan, tickStep, tr } from '../state';

/** The kept pre-departure plan: each step with its deadline, in the person's language; ticked off as they go. */
export function Plan() {
  const steps = plan.value;
  const byVacancy = new Map<string, PlanStep[]>();
  for (const s of steps) byVacancy.set(s.vacancyTitle, [...(byVacancy.get(s.vacancyTitle) ?? []), s]);
  return (
    <section>
      <h2>{tr('tabPlan')}</h2>
      {steps.length === 0 ? <p class="muted">{tr('noPlan')}</p> : null}
      {[...byVacancy.entries()].map(([title, list]) => (
        <article key={title} class="card">
          <h3>{title}</h3>
          <ol>
            {list.map((s) => (
              <li key={s.id} data-plan-step={s.id} data-done={String(s.done)}>
                <p>
                  <time dateTime={s.dueDate}>{formatDate(s.dueDate, lang.value)}</time>
                  {' — '}
                  {s.message ? String(s.message) : s.code}
                  {s.done ? <span class="badge st-hired">{` ${tr('stepDone')}`}</span> : null}
                  {s.overdue ? <span class="badge st-rejected">{` ${tr('stepOverdue')}`}</span> : null}
                </p>
                <button
                  type="button"
                  class="secondary"
                  data-tick={s.id}
                  onClick={() => void tickStep(s, !s.done)}
                >
                  {s.done ? tr('markUndone') : tr('markDone')}
                </button>
              </li>
            ))}
          </ol>
        </article>
      ))}
    </section>
  );
}
