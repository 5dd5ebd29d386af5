/**
 * Script conversion and matching keys for the languages our users type: Russian, Uzbek (Latin and
 * Cyrillic), Tajik, Kyrgyz, Kazakh and English. Migrants often type Russian words in Latin letters and
 * Uzbek words in either script, so search and duplicate detection compare a Latin "key" of every string.
 */

export type Script = 'ru' | 'uz' | 'tg' | 'ky';

/** Uzbek Latin uses a turned comma (U+02BB) after o and g; people type any of these instead. */
const APOSTROPHES = /[ʻʼ’‘`´'ʹ]/g;
const UZ_TICK = 'ʻ';

const COMMON_CYR: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Ukrainian and Belarusian letters that appear in names
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: `o${UZ_TICK}`,
  // Uzbek, Tajik, Kyrgyz and Kazakh letters
  қ: 'q',
  ғ: `g${UZ_TICK}`,
  ҳ: 'h',
  ҷ: 'j',
  ӣ: 'ī',
  ӯ: 'ū',
  ң: 'ng',
  ө: 'ö',
  ү: 'ü',
  ұ: 'u',
  ә: 'ä',
  һ: 'h',
};

/** Letter choices that differ by language; applied on top of COMMON_CYR. */
const SCRIPT_CYR: Record<Script, Record<string, string>> = {
  ru: {},
  uz: { х: 'x', ц: 's', ж: 'j', ъ: 'ʼ' },
  tg: { ғ: 'gh', х: 'kh', ж: 'zh' },
  ky: { ж: 'j' },
};

const CYRILLIC = /[\u0400-\u04ff]/;
const CYR_VOWELS = new Set('аеёиоуыэюяўӣӯөүұә');

/** Guess which Cyrillic orthography a string uses from its language-specific letters. */
export function detectCyrillicScript(s: string): Script {
  const lower = s.toLowerCase();
  if (/[ўҳ]/.test(lower) || (/[қғ]/.test(lower) && !/[ӣӯҷ]/.test(lower))) return 'uz';
  if (/[ӣӯҷ]/.test(lower)) return 'tg';
  if (/[ңөү]/.test(lower)) return 'ky';
  return 'ru';
}

function matchCase(source: string, out: string): string {
  if (!out || source === source.toLowerCase()) return out;
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/**
 * Cyrillic to Latin. Russian letters follow a simple BGN-like scheme (ж zh, х kh, ц ts, щ shch);
 * Uzbek Cyrillic follows the official Uzbek Latin alphabet (ў oʻ, қ q, ғ gʻ, ҳ h, х x); Tajik ӣ ӯ ҷ ҳ
 * қ ғ become ī ū j h q gh; Kyrgyz ң ө ү become ng ö ü. The script is detected per string unless given.
 */
export function cyrillicToLatin(s: string, script: Script = detectCyrillicScript(s)): string {
  const table = { ...COMMON_CYR, ...SCRIPT_CYR[script] };
  let out = '';
  let prev = '';
  for (const ch of s) {
    const lower = ch.toLowerCase();
    let mapped = table[lower];
    // Uzbek writes a word-initial or post-vowel е as "ye" (ер → yer).
    if (script === 'uz' && lower === 'е' && (!CYRILLIC.test(prev) || CYR_VOWELS.has(prev))) mapped = 'ye';
    if (mapped === undefined) out += ch;
    else out += matchCase(ch, mapped);
    prev = lower;
  }
  return out;
}

// Longest sequences first; `'` stands for any apostrophe after normalisation.
const LATIN_SEQ: Array<[string, string]> = [
  ['shch', 'щ'],
  ["o'", 'ў'],
  ["g'", 'ғ'],
  ['yo', 'ё'],
  ['yu', 'ю'],
  ['ya', 'я'],
  ['ye', 'е'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['ts', 'ц'],
];

const LATIN_ONE: Record<string, string> = {
  a: 'а',
  b: 'б',
  c: 'ц',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  j: 'дж',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'к',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  w: 'в',
  x: 'х',
  y: 'й',
  z: 'з',
  "'": 'ь',
  ö: 'ө',
  ü: 'ү',
  ī: 'ӣ',
  ū: 'ӯ',
  ä: 'ә',
};

const UZ_ONE: Record<string, string> = { q: 'қ', h: 'ҳ', j: 'ж', "'": 'ъ' };
const VOWELS = new Set('aeiouy');

/**
 * Latin to Cyrillic, Russian-style phonetic (sh ш, ch ч, zh ж, ya я, yu ю, yo ё, ts ц, kh х, shch щ),
 * with Uzbek oʻ ў and gʻ ғ. With `script: 'uz'` the Uzbek letters q қ, h ҳ, j ж are used as well.
 * A word-initial or post-vowel e becomes э, as Russian spelling of loanwords ("elektrik" электрик).
 */
export function latinToCyrillic(s: string, options: { script?: 'ru' | 'uz' } = {}): string {
  const uz = options.script === 'uz';
  const src = s.replace(APOSTROPHES, "'");
  let out = '';
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    const lower = ch.toLowerCase();
    if (!(lower in LATIN_ONE)) {
      out += ch;
      i++;
      continue;
    }
    const rest = src.slice(i).toLowerCase();
    let mapped: string | undefined;
    let len = 1;
    for (const [seq, cyr] of LATIN_SEQ) {
      // Uzbek has no щ: "ishchi" is ish + chi (ишчи).
      if (rest.startsWith(seq) && !(uz && seq === 'shch')) {
        mapped = cyr;
        len = seq.length;
        break;
      }
    }
    const prev = i > 0 ? src[i - 1].toLowerCase() : '';
    if (mapped === undefined) {
      if (lower === "'" && !/[a-z]/.test(prev)) {
        out += ch;
        i++;
        continue;
      }
      if (lower === 'e' && (prev === '' || !/[a-z']/.test(prev) || (VOWELS.has(prev) && prev !== 'y'))) {
        mapped = 'э';
      } else {
        mapped = (uz ? UZ_ONE[lower] : undefined) ?? LATIN_ONE[lower];
      }
    }
    out += matchCase(src.slice(i, i + len), mapped ?? ch);
    i += len;
  }
  return out;
}

/**
 * Lowercase, drop diacritics (NFKD), ё→е, remove apostrophes and punctuation other than letters and
 * digits, collapse whitespace. Keeps the script: Cyrillic stays Cyrillic.
 */
export function normalizeForSearch(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/ё/g, 'е')
      // й and ў are letters of their own, not и/у with a diacritic; keep them through NFKD.
      .replace(/й/g, '\ue000')
      .replace(/ў/g, '\ue001')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/\ue000/g, 'й')
      .replace(/\ue001/g, 'ў')
      .replace(APOSTROPHES, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}

/**
 * A Latin matching key: transliterated, normalised and folded so that spellings of the same word in
 * Russian, Uzbek, Tajik and Kyrgyz orthographies and in ad-hoc phone transliteration coincide
 * (х/x/kh/h → h, қ/q → k, ж/j/zh/dzh → j, ц/ts → s, щ → sh, ё/yo/ye → e, doubled letters single).
 */
export function matchKey(s: string): string {
  const yo = s.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
  const words = normalizeForSearch(CYRILLIC.test(yo) ? cyrillicToLatin(yo) : yo).split(' ');
  return words
    .map((w) => foldWord(w))
    .filter((w) => w.length > 0)
    .join(' ');
}

function foldWord(w: string): string {
  let k = w
    .replace(/shch/g, 'sh')
    .replace(/dzh|dj|zh/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/x/g, 'h')
    .replace(/q/g, 'k')
    .replace(/gh/g, 'g')
    .replace(/ph/g, 'f')
    .replace(/w/g, 'v')
    .replace(/ts/g, 's')
    .replace(/y[oe]/g, 'e')
    .replace(/(iy|yy|ii|ij)$/g, 'i')
    .replace(/(.)\1+/g, '$1');
  if (k.length > 2 && k.endsWith('y') && !VOWELS.has(k[k.length - 2])) k = k.slice(0, -1) + 'i';
  return k;
}

/**
 * Distinct normalised forms of a query in both scripts: as typed, Cyrillic transliterated to Latin,
 * Latin transliterated to Cyrillic (Russian and Uzbek readings), and the folded matching key.
 */
export function searchVariants(q: string): string[] {
  const base = normalizeForSearch(q);
  if (!base) return [];
  const out = new Set<string>([base]);
  if (CYRILLIC.test(q)) {
    out.add(normalizeForSearch(cyrillicToLatin(q)));
  } else {
    out.add(normalizeForSearch(latinToCyrillic(q)));
    out.add(normalizeForSearch(latinToCyrillic(q, { script: 'uz' })));
  }
  out.add(matchKey(q));
  out.delete('');
  return [...out];
}

/** Particles that are part of a patronymic construction rather than a distinct name. */
const NAME_PARTICLES = new Set([
  'ogli',
  'ugli',
  'ogly',
  'ugly',
  'kizi',
  'kyzy',
  'kizy',
  'uly',
  'ulu',
  'uulu',
]);

function nameTokens(fullName: string): string[] {
  return matchKey(fullName)
    .split(' ')
    .filter((t) => t.length > 0 && !NAME_PARTICLES.has(t));
}

/**
 * A canonical Latin key for a person's name, independent of script and word order:
 * "Алишер Усмонов", "Alisher Usmonov" and "USMONOV Alisher" give the same key.
 */
export function personNameKey(fullName: string): string {
  return nameTokens(fullName).sort().join(' ');
}

/** Vowel pairs that alternate between Russian and Central Asian spellings of the same name. */
const CHEAP_SUBSTITUTIONS = new Set(['oa', 'ao', 'iy', 'yi', 'ei', 'ie', 'ou', 'uo', 'ea', 'ae']);

function nameDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      const same = a[i - 1] === b[j - 1];
      const sub = same ? 0 : CHEAP_SUBSTITUTIONS.has(a[i - 1] + b[j - 1]) ? 0.4 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + sub);
    }
    prev = cur;
  }
  return prev[n];
}

function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const d = nameDistance(a, b);
  return Math.max(0, 1 - d / Math.max(a.length, b.length));
}

/**
 * Similarity of two person names in 0..1, tolerant of script, word order, a missing patronymic and
 * common spelling variants ("Usmanov" / "Usmonov", "Dmitriy" / "Dmitry").
 */
export function nameSimilarity(a: string, b: string): number {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.length === 0 || tb.length === 0) return 0;
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  const used = new Set<number>();
  let total = 0;
  for (const s of short) {
    let best = 0;
    let bestIdx = -1;
    long.forEach((l, idx) => {
      if (used.has(idx)) return;
      const sim = tokenSimilarity(s, l);
      if (sim > best) {
        best = sim;
        bestIdx = idx;
      }
    });
    if (bestIdx >= 0) used.add(bestIdx);
    total += best;
  }
  const coverage = short.length / long.length;
  return (total / short.length) * (0.85 + 0.15 * coverage);
}
