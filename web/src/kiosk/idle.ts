/** After a spell without a touch the kiosk warns, then wipes what the person entered. */
import { IDLE_KEY, error, idleLeft, reset, screen } from './state';

const idleMs = () => Number(localStorage.getItem(IDLE_KEY)) || 90_000;

export function watchIdle(): void {
  let lastActivity = Date.now();
  const touch = () => {
    lastActivity = Date.now();
    if (idleLeft.value !== null) idleLeft.value = null;
  };
  for (const event of ['pointerdown', 'keydown', 'touchstart', 'input'])
    window.addEventListener(event, touch, { passive: true, capture: true });
  setInterval(() => {
    if (screen.value === 'language' && !error.value) return;
    const left = idleMs() - (Date.now() - lastActivity);
    if (left <= 0) {
      reset();
      return;
    }
    const seconds = Math.ceil(left / 1000);
    const warnFrom = Math.min(15, Math.ceil(idleMs() / 3000));
    idleLeft.value = seconds <= warnFrom ? seconds : null;
  }, 500);
}
