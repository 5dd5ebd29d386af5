import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import { tradesQueryText } from 'src/modules/search/query-expansion';

describe('tradesQueryText', () => {
  const catalog = ReferenceCatalog.load();

  it('gives a trade of DOMAIN.md by its Russian and English titles', () => {
    expect(tradesQueryText(['7112'], catalog)).toEqual([['каменщик'], ['bricklayer']]);
  });

  it('leaves out the words that only build ISCO titles, and gives a phrase once', () => {
    // "Ships' deck crews and related workers": no Russian title, so both labels are the English one.
    expect(tradesQueryText(['8350'], catalog)).toEqual([['ships', 'deck', 'crews']]);
    const words = tradesQueryText(
      catalog.allOccupations().map((o) => o.code),
      catalog,
    ).flat();
    for (const filler of ['related', 'workers', 'elsewhere', 'classified', 'other', 'associate', 'and']) {
      expect(words).not.toContain(filler);
    }
  });

  it('skips codes it does not know', () => {
    expect(tradesQueryText(['0000', '5120'], catalog)).toEqual([['повар'], ['cook']]);
  });
});
