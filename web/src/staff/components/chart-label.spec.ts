import { LABEL_CHARS, chartLabel } from './chart-label';

describe('chart labels', () => {
  it('keeps a label that fits the column whole', () => {
    expect(chartLabel('Подали заявки')).toBe('Подали заявки');
    expect(chartLabel('x'.repeat(LABEL_CHARS))).toBe('x'.repeat(LABEL_CHARS));
  });

  it('cuts a long label to the column with an ellipsis, never inside a character', () => {
    const long = 'ООО «Строительная компания Северо-Запад Инвест»';
    const cut = chartLabel(long);
    expect([...cut]).toHaveLength(LABEL_CHARS);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    // Letters outside the basic plane count as one character each.
    expect([...chartLabel('👷'.repeat(40))]).toHaveLength(LABEL_CHARS);
  });
});
