interface Props {
  /** 1-based number of the current step. */
  current: number;
  steps: string[];
  /** "Step 2 of 6", read out by screen readers and shown above the dots. */
  label: string;
}

/** A visible row of numbered steps: done ones filled, the current one marked for assistive technology. */
export function Progress({ current, steps, label }: Props) {
  return (
    <nav class="progress" aria-label={label} data-testid="progress">
      <p class="muted">{label}</p>
      <ol>
        {steps.map((name, i) => {
          const n = i + 1;
          const state = n < current ? 'done' : n === current ? 'current' : 'todo';
          return (
            <li key={name} class={`step ${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span class="dot" aria-hidden="true">
                {state === 'done' ? '✓' : n}
              </span>
              <span class="step-name">{name}</span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
