import { useEffect, useRef, useState } from 'preact/hooks';
import { Field, SelectField, formValues } from '../../shared/Field';
import { FeeRefusal } from '../components/FeeRefusal';
import { isoDate } from '../components/format';
import { MinimumWage } from '../components/MinimumWage';
import { WorkerCosts } from '../components/WorkerCosts';
import { Region, employer, lang, regions, tr } from '../state';
import { loadMinimumWage, minimumWage, occupationChoices, saveVacancy, searchOccupations } from '../vacancy';

const SCHEDULES = ['full_time', 'part_time', 'shift', 'rotation', 'seasonal'] as const;

function Checkbox({ name, text, checked }: { name: string; text: string; checked: boolean }) {
  return (
    <div class="row">
      <input type="checkbox" id={`f-${name}`} name={name} defaultChecked={checked} />
      <label for={`f-${name}`}>{text}</label>
    </div>
  );
}

/** A new vacancy: save as a draft or publish; the region's minimum wage is shown beside the pay. */
export function VacancyForm() {
  const own = employer.value!;
  const [regionList, setRegions] = useState<Region[]>([]);
  const [region, setRegion] = useState(own.region);
  const [schedule, setSchedule] = useState<string>('full_time');
  const [startDate, setStartDate] = useState(isoDate(30));
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    void regions(own.country).then(setRegions);
    void searchOccupations('');
  }, [own.country, lang.value]);
  useEffect(() => {
    void loadMinimumWage(region, schedule, startDate);
  }, [region, schedule, startDate, lang.value]);
  const send = (publishToo: boolean) => {
    if (form.current && form.current.reportValidity()) void saveVacancy(formValues(form.current), publishToo);
  };
  return (
    <section>
      <h2>{tr('tabNew')}</h2>
      <FeeRefusal />
      <form
        ref={form}
        aria-label={tr('vacancyForm')}
        data-testid="vacancy-form"
        onSubmit={(e) => {
          e.preventDefault();
          send(true);
        }}
      >
        <div class="grid2">
          <Field label={tr('title')} name="title" required maxLength={200} />
          <div class="field">
            <label for="f-occupation-q">{tr('occupationSearch')}</label>
            <input
              id="f-occupation-q"
              type="search"
              placeholder={tr('occupationPlaceholder')}
              aria-controls="f-occupationCode"
              onInput={(e) => {
                clearTimeout(timer.current);
                const q = (e.target as HTMLInputElement).value;
                timer.current = setTimeout(() => void searchOccupations(q), 250);
              }}
            />
          </div>
          <SelectField label={tr('occupation')} name="occupationCode" required>
            {occupationChoices.value.map((o) => (
              <option key={o.code} value={o.code}>{`${o.label} (${o.code})`}</option>
            ))}
          </SelectField>
          <SelectField
            label={tr('region')}
            name="region"
            required
            value={region}
            onChange={(e) => setRegion((e.target as HTMLSelectElement).value)}
          >
            {regionList.map((r) => (
              <option key={r.code} value={r.code}>
                {lang.value === 'ru' ? r.nameRu : r.nameEn}
              </option>
            ))}
          </SelectField>
          <Field label={tr('city')} name="city" required maxLength={200} />
          <Field label={tr('salaryMin')} name="salaryMin" type="number" min={0} step="0.01" required />
          <Field label={tr('salaryMax')} name="salaryMax" type="number" min={0} step="0.01" />
          <SelectField label={tr('salaryPeriod')} name="salaryPeriod">
            <option value="month">{tr('periodMonth')}</option>
            <option value="day">{tr('periodDay')}</option>
            <option value="hour">{tr('periodHour')}</option>
          </SelectField>
          <Field
            label={tr('positions')}
            name="positions"
            type="number"
            min={1}
            max={10000}
            value="1"
            required
          />
          <SelectField
            label={tr('schedule')}
            name="schedule"
            value={schedule}
            onChange={(e) => setSchedule((e.target as HTMLSelectElement).value)}
          >
            {SCHEDULES.map((s) => (
              <option key={s} value={s}>
                {tr(s)}
              </option>
            ))}
          </SelectField>
          <Field
            label={tr('startDate')}
            name="startDate"
            type="date"
            required
            min={isoDate(0)}
            value={startDate}
            onChange={(e) => setStartDate((e.target as HTMLInputElement).value)}
          />
          <Field
            label={tr('housingCost')}
            name="housingCost"
            type="number"
            min={0}
            step="0.01"
            defaultValue="0"
          />
        </div>
        <MinimumWage answer={minimumWage.value} />
        <div class="field">
          <label for="f-description">{tr('description')}</label>
          <textarea id="f-description" name="description" required rows={4} maxLength={10000} />
        </div>
        <fieldset>
          <legend>{tr('conditions')}</legend>
          <Checkbox name="gross" text={tr('gross')} checked />
          <Checkbox name="housingProvided" text={tr('housingProvided')} checked />
          <Checkbox name="meals" text={tr('meals')} checked={false} />
          <Checkbox name="foreignersAccepted" text={tr('foreigners')} checked />
        </fieldset>
        <WorkerCosts />
        <div class="row" style={{ marginTop: '1rem' }}>
          <button type="submit" data-action="publish">
            {tr('savePublish')}
          </button>
          <button type="button" class="secondary" onClick={() => send(false)}>
            {tr('saveDraft')}
          </button>
        </div>
      </form>
    </section>
  );
}
