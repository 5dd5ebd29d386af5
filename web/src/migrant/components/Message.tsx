import { message } from '../state';

/** The last error (problem+json detail) or confirmation, announced to screen readers. */
export function Message() {
  const m = message.value;
  if (!m) return null;
  return (
    <p class={m.kind} role={m.kind === 'error' ? 'alert' : 'status'}>
      {m.text}
    </p>
  );
}
