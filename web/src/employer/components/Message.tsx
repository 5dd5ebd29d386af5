import { message } from '../state';

export function Message() {
  const m = message.value;
  if (!m) return null;
  return (
    <div class={m.kind} role={m.kind === 'error' ? 'alert' : 'status'}>
      {m.text}
    </div>
  );
}
