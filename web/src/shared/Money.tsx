const SYMBOL: Record<string, string> = { RUB: '₽', KZT: '₸' };

/** 45 000 ₽ — grouped the Russian way, the currency as its sign where it has one. */
export function formatMoney(amount: number | null | undefined, currency: string): string {
  if (amount === null || amount === undefined) return '';
  return `${new Intl.NumberFormat('ru-RU').format(amount)} ${SYMBOL[currency] ?? currency}`;
}

export function Money({ amount, currency }: { amount: number | null | undefined; currency: string }) {
  return <span class="money">{formatMoney(amount, currency)}</span>;
}
