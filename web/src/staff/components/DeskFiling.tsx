import { CATEGORY_LABELS, GrievanceCategory, deskFiling, fileAtDesk } from '../grievances';

/** At the fair's desk: staff write down a person's grievance about one of their applications (a paper form too). */
export function DeskFiling() {
  const d = deskFiling.value;
  if (!d) return null;
  return (
    <form
      class="card"
      data-form="desk-filing"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const receivedAt = String(data.get('receivedAt') ?? '');
        void fileAtDesk({
          migrantId: d.migrantId,
          applicationId: d.applicationId,
          ...(d.fairId ? { fairId: d.fairId } : {}),
          category: String(data.get('category')) as GrievanceCategory,
          description: String(data.get('description') ?? '').trim(),
          anonymousToEmployer: data.get('anonymous') === 'on',
          ...(receivedAt ? { receivedAt: new Date(receivedAt).toISOString() } : {}),
        });
      }}
    >
      <h3>{`Записать обращение за заявителя: ${d.title}`}</h3>
      <div class="field">
        <label for="desk-category">Категория</label>
        <select id="desk-category" name="category">
          {Object.entries(CATEGORY_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="desk-description">Со слов заявителя</label>
        <textarea id="desk-description" name="description" rows={4} maxLength={8000} required />
      </div>
      <div class="field">
        <label for="desk-received">Когда подано (для бумажной формы; пусто — сейчас)</label>
        <input id="desk-received" name="receivedAt" type="datetime-local" />
      </div>
      <label class="check">
        <input type="checkbox" name="anonymous" />
        Не называть заявителя работодателю
      </label>
      <div class="row">
        <button type="submit" data-action="file-at-desk">
          Записать
        </button>
        <button type="button" class="secondary" onClick={() => (deskFiling.value = null)}>
          Отмена
        </button>
      </div>
    </form>
  );
}
