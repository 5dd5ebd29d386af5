export type EligibilityStatus = 'eligible' | 'conditional' | 'ineligible';

const ICON: Record<EligibilityStatus, string> = { eligible: '✓', conditional: '!', ineligible: '✕' };

/** The server's verdict as a coloured badge with an icon, so it reads without reading the word. */
export function EligibilityBadge({ status, label }: { status: EligibilityStatus; label: string }) {
  return (
    <span class={`badge st-${status}`} data-status={status}>
      <span aria-hidden="true">{ICON[status]} </span>
      {label}
    </span>
  );
}
