import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import { readPlaces, regionPhrases } from 'src/modules/search/query-places';

describe('readPlaces', () => {
  const catalog = ReferenceCatalog.load();
  const read = (q: string, region?: string) => readPlaces(q, region, catalog);

  it('reads a region name in any script or case as the region filter', () => {
    expect(read('повар Москва')).toEqual({ q: 'повар', region: 'RU-MOW', named: 'RU-MOW' });
    expect(read('oshpaz Moskva')).toEqual({ q: 'oshpaz', region: 'RU-MOW', named: 'RU-MOW' });
    expect(read('повар в Москве')).toEqual({ q: 'повар в', region: 'RU-MOW', named: 'RU-MOW' });
    expect(read('cook Moscow')).toEqual({ q: 'cook', region: 'RU-MOW', named: 'RU-MOW' });
    expect(read('сварщик Алматы').region).toBe('KZ-75');
    expect(read('svarshik Almaty').region).toBe('KZ-75');
  });

  it('reads names of several words, written with a hyphen or apart, longest first', () => {
    expect(read('грузчик Санкт-Петербург')).toMatchObject({ q: 'грузчик', region: 'RU-SPE' });
    expect(read('грузчик Санкт Петербурге')).toMatchObject({ q: 'грузчик', region: 'RU-SPE' });
    expect(read('водитель Московская область')).toMatchObject({ q: 'водитель', region: 'RU-MOS' });
    expect(read('водитель Московской области')).toMatchObject({ q: 'водитель', region: 'RU-MOS' });
    expect(read('driver Moscow Oblast')).toMatchObject({ q: 'driver', region: 'RU-MOS' });
    expect(read('Almaty Region')).toEqual({ q: undefined, region: 'KZ-19', named: 'KZ-19' });
    expect(read('повар — Москва!')).toEqual({ q: 'повар', region: 'RU-MOW', named: 'RU-MOW' });
    // A name is read whole: "Санкт" alone, or "Петербург" alone, is no region.
    expect(read('повар Санкт').region).toBeUndefined();
    expect(read('Петербург повар').region).toBeUndefined();
  });

  it('knows short forms and common other names', () => {
    expect(read('каменщик Татарстан').region).toBe('RU-TA');
    expect(read('каменщик СПб').region).toBe('RU-SPE');
    expect(read('уборщица Подмосковье').region).toBe('RU-MOS');
  });

  it('leaves the query alone when it names no region, two regions, or another region than the filter', () => {
    expect(read('повар Казань')).toEqual({ q: 'повар Казань', region: undefined });
    expect(read('повар Москва Санкт-Петербург')).toEqual({
      q: 'повар Москва Санкт-Петербург',
      region: undefined,
    });
    expect(read('повар Москва', 'RU-MOS')).toEqual({ q: 'повар Москва', region: 'RU-MOS' });
    expect(read('повар', 'RU-MOS')).toEqual({ q: 'повар', region: 'RU-MOS' });
  });

  it('drops the region words when they repeat the filter', () => {
    expect(read('повар Москва', 'RU-MOW')).toEqual({ q: 'повар', region: 'RU-MOW', named: 'RU-MOW' });
  });

  it('does not take a word for a region only because it begins like one', () => {
    expect(read('московский проспект').region).toBeUndefined();
    expect(read('Алтай').region).toBeUndefined(); // Altai Krai and the Altai Republic
    expect(read('Коми').region).toBeUndefined(); // too short alone
    expect(read('ИП Иванов').region).toBeUndefined(); // a surname, not the Ivanovo oblast
    expect(read('perm').region).toBeUndefined();
  });

  it('names every region in Russian and in English, each phrase one region only', () => {
    const phrases = regionPhrases(catalog);
    const keys = phrases.map((p) => p.stems.join(' '));
    expect(new Set(keys).size).toBe(keys.length);
    for (const region of catalog.regions()) {
      expect(read(region.nameRu).named).toBe(region.code);
      expect(read(region.nameEn).named).toBe(region.code);
    }
  });
});
