import { formatDate } from '../../shared/DateTime';
import type { MessageKey } from '../../i18n/migrant';
import { GrievanceChannel, setGrievanceChannel } from '../help';
import { erase, lang, me, profile, tr } from '../state';

const CHANNELS: Array<GrievanceChannel | ''> = ['', 'in_app', 'sms', 'email'];

/** Who the page knows the person as, their consent, and erasing everything. */
export function Profile() {
  const p = profile.value;
  if (!p) return null;
  const givenAt = p.consent?.givenAt ? String(p.consent.givenAt) : null;
  const phone = me.value?.phone ? String(me.value.phone) : '';
  return (
    <section>
      <h2>{tr('tabProfile')}</h2>
      <p>
        <strong>{p.fullName ? String(p.fullName) : ''}</strong>
        {phone ? ` · ${phone}` : ''}
      </p>
      {givenAt ? <p>{tr('consentGiven', { date: formatDate(givenAt, lang.value) })}</p> : null}
      <p class="muted">{tr('consentText')}</p>
      <div class="field">
        <label for="grievance-channel">{tr('channelTitle')}</label>
        <select
          id="grievance-channel"
          value={p.grievanceChannel ?? ''}
          onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value as GrievanceChannel | '';
            void setGrievanceChannel(v || null);
          }}
        >
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {tr(`channel_${c || 'all'}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div class="card">
        <h3>{tr('eraseTitle')}</h3>
        <p>{tr('eraseText')}</p>
        <button type="button" class="secondary" data-action="erase" onClick={() => void erase(p.id)}>
          {tr('eraseTitle')}
        </button>
      </div>
    </section>
  );
}
