import type { ComponentChildren, JSX } from 'preact';

type InputProps = JSX.InputHTMLAttributes<HTMLInputElement> & { name: string };

/** A labelled input; the label's `for` ties it to the control (`f-<name>`) for screen readers. */
export function Field({ label, name, ...props }: InputProps & { label: string }) {
  const id = `f-${name}`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} name={name} {...props} />
    </div>
  );
}

/** A labelled drop-down with its options as children. */
export function SelectField({
  label,
  name,
  children,
  ...props
}: JSX.SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  name: string;
  children: ComponentChildren;
}) {
  const id = `f-${name}`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name={name} {...props}>
        {children}
      </select>
    </div>
  );
}

/** A form's named controls as plain strings (checkboxes: 'on' when ticked). */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  new FormData(form).forEach((v, k) => (out[k] = String(v)));
  return out;
}
