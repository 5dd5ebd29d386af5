import { matchKey } from '../../common/text/transliterate';

/** One searchable label of an occupation; weight ranks the kinds of label against each other. */
export interface SearchTerm {
  code: string;
  text: string;
  weight: number;
}

export interface SearchHit {
  code: string;
  score: number;
  matched: string;
}

interface IndexedTerm {
  code: string;
  text: string;
  weight: number;
  words: number[];
}

// Query words that carry no meaning for an occupation ("and", "of", Russian и/в/на/для ...).
const STOP_WORDS = new Set([
  'and',
  'of',
  'the',
  'for',
  'in',
  'on',
  'with',
  'a',
  'i',
  'v',
  'na',
  's',
  'dlia',
  'dla',
]);

const PREFIX_SCAN_LIMIT = 300;

function trigrams(word: string): string[] {
  const padded = ` ${word} `;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}

/** Optimal string alignment distance, giving up (returning max + 1) once it exceeds max. */
function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const m = a.length;
  const n = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[n];
}

function maxEdits(len: number): number {
  if (len <= 3) return 0;
  if (len <= 6) return 1;
  return 2;
}

/**
 * An in-memory index of occupation labels in any language and script. Every label is reduced to a
 * Latin matching key (see `matchKey`), so a query in Cyrillic, Uzbek Latin or phone transliteration
 * meets the same words; query words match index words exactly, by prefix, or within a small edit
 * distance found through a trigram index.
 */
export class OccupationSearchIndex {
  private readonly terms: IndexedTerm[] = [];
  private readonly wordIds = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly wordTerms: number[][] = [];
  private readonly trigramWords = new Map<string, number[]>();
  private sortedWords: string[] = [];

  constructor(terms: Iterable<SearchTerm>) {
    const seen = new Map<string, number>();
    for (const term of terms) {
      const key = matchKey(term.text);
      if (!key) continue;
      const dedupe = `${term.code}\u0000${key}`;
      const existing = seen.get(dedupe);
      if (existing !== undefined) {
        if (this.terms[existing].weight < term.weight) {
          this.terms[existing].weight = term.weight;
          this.terms[existing].text = term.text;
        }
        continue;
      }
      const termId = this.terms.length;
      const wordIds = [...new Set(key.split(' '))].map((w) => this.wordId(w));
      this.terms.push({ code: term.code, text: term.text, weight: term.weight, words: wordIds });
      for (const w of wordIds) this.wordTerms[w].push(termId);
      seen.set(dedupe, termId);
    }
    this.sortedWords = [...this.words].sort();
  }

  private wordId(word: string): number {
    let id = this.wordIds.get(word);
    if (id !== undefined) return id;
    id = this.words.length;
    this.words.push(word);
    this.wordIds.set(word, id);
    this.wordTerms.push([]);
    for (const t of new Set(trigrams(word))) {
      let list = this.trigramWords.get(t);
      if (!list) this.trigramWords.set(t, (list = []));
      list.push(id);
    }
    return id;
  }

  /** Similarity in 0..1 of every index word close enough to the query word. */
  private similarWords(q: string): Map<number, number> {
    const out = new Map<number, number>();
    const exact = this.wordIds.get(q);
    if (exact !== undefined) out.set(exact, 1);

    if (q.length >= 3) {
      let lo = 0;
      let hi = this.sortedWords.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.sortedWords[mid] < q) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < this.sortedWords.length && i < lo + PREFIX_SCAN_LIMIT; i++) {
        const w = this.sortedWords[i];
        if (!w.startsWith(q)) break;
        if (w === q) continue;
        const id = this.wordIds.get(w) as number;
        out.set(id, 0.75 + 0.15 * (q.length / w.length));
      }
    }

    const max = maxEdits(q.length);
    if (max > 0) {
      const shared = new Map<number, number>();
      for (const t of new Set(trigrams(q))) {
        for (const id of this.trigramWords.get(t) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
      }
      for (const [id, count] of shared) {
        if (count < 1) continue;
        const w = this.words[id];
        if (Math.abs(w.length - q.length) > max || w === q) continue;
        const d = boundedDistance(q, w, max);
        if (d > max) continue;
        const sim = 1 - d / (Math.max(q.length, w.length) + 1);
        if (sim > (out.get(id) ?? 0)) out.set(id, sim);
      }
    }
    return out;
  }

  search(query: string, limit = 10): SearchHit[] {
    const key = matchKey(query);
    let qWords = [...new Set(key.split(' ').filter((w) => w.length > 0))];
    const meaningful = qWords.filter((w) => !STOP_WORDS.has(w));
    if (meaningful.length > 0) qWords = meaningful;
    if (qWords.length === 0) return [];

    // best[termId][i]: the best similarity of query word i among the term's words
    const best = new Map<number, Float64Array>();
    qWords.forEach((q, i) => {
      for (const [wordId, sim] of this.similarWords(q)) {
        for (const termId of this.wordTerms[wordId]) {
          let row = best.get(termId);
          if (!row) best.set(termId, (row = new Float64Array(qWords.length)));
          if (sim > row[i]) row[i] = sim;
        }
      }
    });

    const byCode = new Map<string, SearchHit>();
    for (const [termId, row] of best) {
      const term = this.terms[termId];
      let sum = 0;
      let matched = 0;
      for (const v of row) {
        sum += v;
        if (v > 0) matched++;
      }
      // Penalise label words the query did not ask for, so "ошпаз" prefers "ошпаз" to "ошпаз ёрдамчиси".
      const coverage = Math.min(1, matched / term.words.length);
      const score = (sum / qWords.length) * (0.8 + 0.2 * coverage) * term.weight;
      const current = byCode.get(term.code);
      if (!current || score > current.score)
        byCode.set(term.code, { code: term.code, score, matched: term.text });
    }

    return [...byCode.values()]
      .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code))
      .slice(0, Math.max(0, limit))
      .map((h) => ({ ...h, score: Math.round(h.score * 1000) / 1000 }));
  }
}
