import type { TextPlan } from 'src/modules/search/postgres-search.plan';

/** tsquery SQL over `own_tsv`, word tsqueries and occupation alternatives as parameters. */
export class OwnQuery {
  private readonly texts = new Map<string, string>();
  constructor(
    private readonly plan: TextPlan,
    private readonly param: (value: unknown) => string,
  ) {}

  /** Exactly the query: each word among the own words or `#<code>` of an occupation whose terms hold it. */
  full(): string {
    return this.plan.clauses
      .map(({ words }) => {
        const terms = words.map(({ text, codes }) => {
          const term = this.term(text);
          return codes.length ? `(${term} || ${this.codes(codes)})` : term;
        });
        return `(${terms.join(' && ')})`;
      })
      .join(' || ');
  }

  /**
   * What the index reads for vacancies outside the named occupations: per clause its leading word
   * (or all its words), leaving out the covered occupations. Every match outside them holds it.
   */
  lead(): string {
    const clauses = this.plan.clauses.map(({ words, lead }) =>
      lead >= 0 ? this.term(words[lead].text) : `(${words.map((w) => this.term(w.text)).join(' && ')})`,
    );
    const excluded = this.plan.covered.length ? ` && !! ${this.codes(this.plan.covered)}` : '';
    return `(${clauses.join(' || ')})${excluded}`;
  }

  private term(text: string): string {
    let p = this.texts.get(text);
    if (!p) this.texts.set(text, (p = this.param(text)));
    return `${p}::tsquery`;
  }

  private codes(codes: string[]): string {
    return `${this.param(codes.map((c) => `'#${c}'`).join(' | '))}::tsquery`;
  }
}
