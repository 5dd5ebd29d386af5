/**
 * Small line icons drawn as inline SVG, so they show on every kiosk: many have no colour-emoji font
 * and would draw an empty box. Always decorative (aria-hidden); the word beside them carries meaning.
 */
const PATHS = {
  pay: 'M12 3a9 9 0 1 0 0 18a9 9 0 0 0 0-18zM9 8h4a2.5 2.5 0 0 1 0 5H9M9 8v9M8 15h5',
  clock: 'M12 3a9 9 0 1 0 0 18a9 9 0 0 0 0-18zM12 7v5l3 2',
  house: 'M3 11l9-7l9 7M5 10v10h14V10M10 20v-6h4v6',
  pin: 'M12 21s-7-6.5-7-12a7 7 0 0 1 14 0c0 5.5-7 12-7 12zM12 6.5a2.5 2.5 0 1 0 0 5a2.5 2.5 0 0 0 0-5z',
  calendar: 'M4 6h16v14H4zM4 10h16M8 3v4M16 3v4',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 20 }: { name: IconName; size?: number }) {
  return (
    <svg
      class="icon-svg"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
