import { Field, formValues } from '../../shared/Field';
import { createFair, fairs, pairings, registerKiosk, showReport } from '../data';
import { fmt } from '../state';
import { HeldSubmissions } from './HeldSubmissions';

/** A new fair, and the upcoming ones with kiosk pairing (a QR code) and their report. */
export function Fairs() {
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  return (
    <section>
      <HeldSubmissions />
      <h2>Новая ярмарка</h2>
      <form
        aria-label="Новая ярмарка"
        onSubmit={(e) => {
          e.preventDefault();
          void createFair(formValues(e.currentTarget));
        }}
      >
        <div class="grid2">
          <Field label="Название" name="name" required />
          <Field
            label="Регион (ISO 3166-2)"
            name="region"
            required
            defaultValue="RU-MOW"
            pattern="[A-Z]{2}-[A-Z0-9]{1,3}"
          />
          <Field label="Город" name="city" required defaultValue="Москва" />
          <Field label="Место проведения" name="venue" required />
          <Field label="Дата" name="date" type="date" required defaultValue={tomorrow} />
          <Field label="Начало" name="start" type="time" required defaultValue="10:00" />
          <Field label="Окончание" name="end" type="time" required defaultValue="17:00" />
          <Field label="Часовой пояс" name="timezone" required defaultValue="Europe/Moscow" />
        </div>
        <button type="submit">Создать ярмарку</button>
      </form>
      <h2>Ближайшие ярмарки</h2>
      {fairs.value.map((f) => {
        const pairing = pairings.value[f.id];
        return (
          <article key={f.id} class="card" data-fair={f.id}>
            <h3>{f.name}</h3>
            <p class="muted">{`${f.city}, ${f.venue} · ${fmt(f.startsAt)} – ${fmt(f.endsAt)} · ${f.status}`}</p>
            <p>{`Работодателей: ${f.participants.length}, вакансий: ${f.participants.reduce((n, p) => n + p.vacancies.length, 0)}`}</p>
            <div class="row">
              <button type="button" data-action="kiosk" onClick={() => void registerKiosk(f)}>
                Подключить киоск
              </button>
              <button type="button" class="secondary" onClick={() => void showReport(f.id)}>
                Отчёт
              </button>
            </div>
            {pairing ? (
              <div class="card" data-testid="kiosk-pairing">
                <p>
                  <strong>{`Киоск «${pairing.label}»`}</strong> — откройте на киоске ссылку или отсканируйте
                  QR. Токен показывается один раз.
                </p>
                <canvas
                  role="img"
                  aria-label="QR-код для подключения киоска"
                  width={220}
                  height={220}
                  ref={(c) => {
                    if (!c) return;
                    const img = new Image();
                    img.onload = () => c.getContext('2d')?.drawImage(img, 0, 0);
                    img.src = pairing.qr;
                  }}
                />
                <p>
                  <a href={pairing.link} data-testid="kiosk-link">
                    Ссылка для киоска
                  </a>
                </p>
              </div>
            ) : null}
          </article>
        );
      })}
    </section>
  );
}
