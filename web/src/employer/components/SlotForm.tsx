import { Field, SelectField, formValues } from '../../shared/Field';
import { tr } from '../state';
import { addSlot } from '../vacancy';
import { isoDate } from './format';

/** Publishing one interview time for the vacancy. */
export function SlotForm({ vacancyId }: { vacancyId: string }) {
  return (
    <form
      class="card"
      aria-label={tr('newSlot')}
      data-testid="slot-form"
      onSubmit={(e) => {
        e.preventDefault();
        void addSlot(vacancyId, formValues(e.currentTarget));
      }}
    >
      <h4>{tr('newSlot')}</h4>
      <div class="grid2">
        <Field
          label={tr('slotDate')}
          name="slotDate"
          type="date"
          required
          min={isoDate(0)}
          defaultValue={isoDate(1)}
        />
        <Field label={tr('slotStart')} name="slotStart" type="time" required defaultValue="10:00" />
        <Field label={tr('slotEnd')} name="slotEnd" type="time" required defaultValue="10:30" />
        <SelectField label={tr('slotMode')} name="slotMode">
          <option value="in_person">{tr('in_person')}</option>
          <option value="video">{tr('video')}</option>
          <option value="phone">{tr('phoneMode')}</option>
        </SelectField>
        <Field label={tr('slotLocation')} name="slotLocation" maxLength={300} />
      </div>
      <button type="submit" data-action="add-slot">
        {tr('addSlot')}
      </button>
    </form>
  );
}
