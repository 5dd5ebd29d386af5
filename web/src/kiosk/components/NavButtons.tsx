import { Screen, go, tr } from '../state';

interface Props {
  back: Screen | null;
  next: { label?: string; icon?: string; enabled: boolean; onClick: () => void; action?: string };
}

/** Back and forward at the foot of a step, each with an icon beside its word. */
export function NavButtons({ back, next }: Props) {
  return (
    <div class="nav">
      {back ? (
        <button type="button" class="secondary" data-action="back" onClick={() => go(back)}>
          <span class="icon" aria-hidden="true">
            ←
          </span>
          {tr('back')}
        </button>
      ) : (
        <span />
      )}
      <button
        type="button"
        data-action={next.action ?? 'next'}
        disabled={!next.enabled}
        onClick={next.onClick}
      >
        <span class="icon" aria-hidden="true">
          {next.icon ?? '→'}
        </span>
        {next.label ?? tr('next')}
      </button>
    </div>
  );
}
