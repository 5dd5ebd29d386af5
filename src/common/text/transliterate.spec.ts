import {
  cyrillicToLatin,
  latinToCyrillic,
  matchKey,
  nameSimilarity,
  normalizeForSearch,
  personNameKey,
  searchVariants,
} from './transliterate';

describe('cyrillicToLatin', () => {
  it('transliterates Russian with zh, kh, ts, ch, sh, shch, yu, ya', () => {
    expect(cyrillicToLatin('Жанна Хабибуллина, цех, чай, шар, щука, юрист, яма')).toBe(
      'Zhanna Khabibullina, tsekh, chay, shar, shchuka, yurist, yama',
    );
  });

  it('writes Uzbek Cyrillic in the Uzbek Latin alphabet', () => {
    expect(cyrillicToLatin('ўқитувчи ғишт ҳайдовчи хизматчи')).toBe('oʻqituvchi gʻisht haydovchi xizmatchi');
    expect(cyrillicToLatin('Қўриқчи')).toBe('Qoʻriqchi');
    expect(cyrillicToLatin('ер', 'uz')).toBe('yer');
  });

  it('covers Tajik ӣ ӯ ҷ ҳ қ ғ and Kyrgyz ң ө ү', () => {
    expect(cyrillicToLatin('ҷавоб барқчӣ рӯз', 'tg')).toBe('javob barqchī rūz');
    expect(cyrillicToLatin('ғалла', 'tg')).toBe('ghalla');
    expect(cyrillicToLatin('күзөтчү таң')).toBe('küzötchü tang');
  });
});

describe('latinToCyrillic', () => {
  it('reads Russian-style phonetic Latin', () => {
    expect(latinToCyrillic('shchuka zhena khleb tsekh yubka yama shofyor')).toBe(
      'щука жена хлеб цех юбка яма шофёр',
    );
    expect(latinToCyrillic('elektrik')).toBe('электрик');
    expect(latinToCyrillic('Povar')).toBe('Повар');
  });

  it('reads Uzbek oʻ and gʻ in any apostrophe form', () => {
    expect(latinToCyrillic("o'g'il")).toBe('ўғил');
    expect(latinToCyrillic('oʻgʻil')).toBe('ўғил');
    expect(latinToCyrillic('o’g’il')).toBe('ўғил');
    expect(latinToCyrillic('oʻqituvchi', { script: 'uz' })).toBe('ўқитувчи');
    expect(latinToCyrillic('ishchi', { script: 'uz' })).toBe('ишчи');
  });

  it('round-trips Russian words', () => {
    for (const w of [
      'повар',
      'сварщик',
      'электрик',
      'шофёр',
      'грузчик',
      'штукатур',
      'щука',
      'цех',
      'юрист',
      'хлеб',
    ]) {
      expect(latinToCyrillic(cyrillicToLatin(w))).toBe(w);
    }
  });

  it('round-trips Uzbek Cyrillic words', () => {
    for (const w of [
      'ошпаз',
      'ёрдамчи',
      'ҳайдовчи',
      'ғишт терувчи',
      'бўёқчи',
      'қишлоқ хўжалиги ишчиси',
      'энага',
      'деҳқон',
    ]) {
      expect(latinToCyrillic(cyrillicToLatin(w, 'uz'), { script: 'uz' })).toBe(w);
    }
  });
});

describe('normalizeForSearch', () => {
  it('lowercases, strips diacritics, folds ё and collapses spaces', () => {
    expect(normalizeForSearch('  Ёлка   Café – Шофёр ')).toBe('елка cafe шофер');
  });

  it('keeps й and ў, which are letters of their own', () => {
    expect(normalizeForSearch('Сергей Ўрол')).toBe('сергей ўрол');
  });

  it('removes every kind of apostrophe', () => {
    for (const s of ['Oʻzbek', "O'zbek", 'O’zbek', 'O`zbek', 'O‘zbek'])
      expect(normalizeForSearch(s)).toBe('ozbek');
  });
});

describe('searchVariants', () => {
  it('gives a Latin query in both scripts', () => {
    const v = searchVariants('Povar');
    expect(v).toEqual(expect.arrayContaining(['povar', 'повар']));
  });

  it('gives a Cyrillic query in both scripts', () => {
    expect(searchVariants('Ошпаз')).toEqual(expect.arrayContaining(['ошпаз', 'oshpaz']));
  });

  it('returns distinct values and nothing for an empty query', () => {
    const v = searchVariants('oshpaz');
    expect(new Set(v).size).toBe(v.length);
    expect(searchVariants('  ')).toEqual([]);
  });
});

describe('matchKey', () => {
  it('gives the same key to one word in every script and spelling', () => {
    expect(matchKey('сварщик')).toBe(matchKey('svarshik'));
    expect(matchKey('ҳайдовчи')).toBe(matchKey('haydovchi'));
    expect(matchKey('хизматчи')).toBe(matchKey('xizmatchi'));
    expect(matchKey('ёрдамчи')).toBe(matchKey('yordamchi'));
    expect(matchKey('шофёр')).toBe(matchKey('shofyor'));
    expect(matchKey('шофер')).toBe(matchKey('shofyor'));
    expect(matchKey('қишлоқ хўжалиги')).toBe(matchKey("qishloq xo'jaligi"));
    expect(matchKey('жумушчу')).toBe(matchKey('jumushchu'));
  });
});

describe('personNameKey', () => {
  it('matches a name across scripts and word order', () => {
    const key = personNameKey('Алишер Усмонов');
    expect(personNameKey('Alisher Usmonov')).toBe(key);
    expect(personNameKey('USMONOV Alisher')).toBe(key);
    expect(personNameKey('Усмонов  Алишер')).toBe(key);
  });

  it('folds common transliteration variants', () => {
    expect(personNameKey('Дмитрий Холматов')).toBe(personNameKey('Dmitry Kholmatov'));
    expect(personNameKey('Dmitriy Xolmatov')).toBe(personNameKey('Дмитрий Холматов'));
    expect(personNameKey('Жасур Тожиев')).toBe(personNameKey('Jasur Tojiev'));
  });

  it('ignores the Uzbek patronymic particle', () => {
    expect(personNameKey("Usmonov Alisher Rustam o'g'li")).toBe(personNameKey('Усмонов Алишер Рустам'));
  });
});

describe('nameSimilarity', () => {
  it('scores identical names in different scripts as 1', () => {
    expect(nameSimilarity('Алишер Усмонов', 'Usmonov Alisher')).toBe(1);
  });

  it('scores spelling variants high', () => {
    expect(nameSimilarity('Alisher Usmanov', 'Алишер Усмонов')).toBeGreaterThan(0.9);
    expect(nameSimilarity('Усмонов Алишер Рустамович', 'Alisher Usmonov')).toBeGreaterThan(0.85);
  });

  it('scores different people low', () => {
    expect(nameSimilarity('Alisher Usmonov', 'Farrukh Karimov')).toBeLessThan(0.5);
    expect(nameSimilarity('', 'Farrukh Karimov')).toBe(0);
  });
});
