import type { ComponentChildren } from 'preact';

interface Props {
  pressed: boolean;
  onClick: () => void;
  children: ComponentChildren;
  [attr: `data-${string}`]: string;
}

/** A big toggle button among several; aria-pressed tells screen readers which one is chosen. */
export function Choice({ pressed, onClick, children, ...data }: Props) {
  return (
    <button type="button" aria-pressed={pressed} onClick={onClick} {...data}>
      {children}
    </button>
  );
}
