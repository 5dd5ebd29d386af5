/** A tiny hyperscript: h('button', { onclick }, 'text'). Strings are text nodes, never HTML. */
export type Child = Node | string | number | null | undefined | false | Child[];
export type Props = Record<string, unknown>;

export function h(tag: string, props: Props | null = null, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value as EventListener);
    } else if (key === 'class') {
      el.className = String(value);
    } else if (key === 'style' && typeof value === 'object') {
      Object.assign(el.style, value);
    } else if (key === 'value' && 'value' in el) {
      (el as HTMLInputElement).value = String(value);
    } else if (key === 'checked' || key === 'disabled' || key === 'selected') {
      (el as unknown as Record<string, unknown>)[key] = Boolean(value);
      if (value) el.setAttribute(key, '');
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** SVG elements need their namespace. */
export function svg(tag: string, attrs: Record<string, string | number> = {}, ...children: Child[]): Element {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  append(el, children);
  return el;
}

/** Replaces the content of the root and keeps focus on the element with the same id, if any. */
export function mount(root: HTMLElement, view: Node): void {
  const focusedId = document.activeElement?.id;
  root.replaceChildren(view);
  if (focusedId) document.getElementById(focusedId)?.focus();
}

/** Reads a form's named controls into a plain object of strings (checkboxes: 'on' when ticked). */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  new FormData(form).forEach((v, k) => (out[k] = String(v)));
  return out;
}

/** A labelled input; the label's `for` ties it to the control for screen readers. */
export function field(
  label: string,
  name: string,
  props: Props = {},
  tag: 'input' | 'select' | 'textarea' = 'input',
  ...options: Child[]
): HTMLElement {
  const id = `f-${name}`;
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    h(tag, { id, name, ...props }, ...options),
  );
}

export function money(amount: number | null | undefined, currency: string): string {
  if (amount === null || amount === undefined) return '';
  return `${new Intl.NumberFormat('ru-RU').format(amount)} ${currency === 'RUB' ? '₽' : currency === 'KZT' ? '₸' : currency}`;
}
