interface Props {
  page: number;
  pageSize: number;
  total: number;
  labels: { previous: string; next: string; of: (page: number, pages: number) => string };
  onPage: (page: number) => void;
}

/** Previous / next over a paged list; hidden when everything fits on one page. */
export function Pager({ page, pageSize, total, labels, onPage }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={labels.of(page, pages)}>
      <button type="button" class="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        ← {labels.previous}
      </button>
      <span aria-live="polite">{labels.of(page, pages)}</span>
      <button type="button" class="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {labels.next} →
      </button>
    </nav>
  );
}
