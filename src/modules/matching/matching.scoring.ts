import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import { MATCH_WEIGHTS } from 'src/modules/matching/matching.weights';
import { reason, type Reason, type ReasonLang } from 'src/modules/matching/matching.reasons';
import type { MigrantDocument, VacancySummary } from 'src/modules/search/search.types';

export interface ScoredPair {
  /** 0..1 before the eligibility factor. */
  score: number;
  reasons: Reason[];
}

function regionName(code: string, lang: ReasonLang, catalog: ReferenceCatalog): string {
  return catalog.regionName(code, lang) ?? code;
}

/**
 * Scores one person against one vacancy with MATCH_WEIGHTS; `textScore` is the index's text
 * similarity of the vacancy to the person's trades (0..1), used when no occupation code matches.
 * With `withReasons` false the reasons are left empty (scoring hundreds of pairs, of which only the
 * page is shown, need not word them).
 */
export function scorePair(
  migrant: MigrantDocument,
  vacancy: VacancySummary,
  textScore: number,
  lang: ReasonLang,
  catalog = ReferenceCatalog.load(),
  withReasons = true,
): ScoredPair {
  const w = MATCH_WEIGHTS;
  const said: Reason[] = [];
  const reasons = { push: (make: () => Reason) => withReasons && said.push(make()) };
  let score = 0;
  const label = () => catalog.occupationLabel(vacancy.occupationCode, lang) ?? vacancy.occupationCode;

  // Occupation: the best tier wins.
  const same = migrant.occupations.find((o) => o.code === vacancy.occupationCode);
  const related = migrant.occupations.find((o) => o.code.slice(0, 3) === vacancy.occupationCode.slice(0, 3));
  if (same) {
    score += w.occupationUnit;
    reasons.push(() => reason('OCCUPATION_SAME', lang, { occupation: label() }));
  } else if (related) {
    score += w.occupationMinor;
    reasons.push(() => reason('OCCUPATION_RELATED', lang, { occupation: label() }));
  } else if (textScore > 0) {
    score += w.occupationText * Math.min(1, textScore * 2);
    reasons.push(() => reason('OCCUPATION_TEXT', lang, { occupation: label() }));
  }

  // Region
  if (migrant.desiredRegions.length === 0) score += w.region;
  else if (migrant.desiredRegions.includes(vacancy.region)) {
    score += w.region;
    reasons.push(() => reason('REGION_DESIRED', lang, { region: regionName(vacancy.region, lang, catalog) }));
  }

  // Pay, monthly, only in the same currency
  const offered = vacancy.salaryMonthlyMax ?? vacancy.salaryMonthly;
  if (migrant.expectedSalary && offered !== null && migrant.expectedCurrency === vacancy.currency) {
    const salary = `${vacancy.salaryMin ?? offered} ${vacancy.currency}`;
    if (offered >= migrant.expectedSalary) {
      score += w.pay;
      reasons.push(() => reason('PAY_MEETS', lang, { salary }));
    } else {
      score += w.pay * Math.max(0, offered / migrant.expectedSalary);
      reasons.push(() => reason('PAY_BELOW', lang, { salary }));
    }
  } else {
    score += w.pay / 2;
  }

  // Housing
  if (migrant.needsHousing) {
    if (vacancy.housing) {
      score += w.housing;
      reasons.push(() => reason('HOUSING_PROVIDED', lang));
    } else reasons.push(() => reason('HOUSING_MISSING', lang));
  } else {
    score += w.housing;
    if (vacancy.housing) reasons.push(() => reason('HOUSING_PROVIDED', lang));
  }

  // Languages
  const levels = catalog.languageLevels;
  const gaps = vacancy.languages.filter((req) => {
    const held = migrant.languages.find((l) => l.code === req.code);
    return !held || levels.indexOf(held.level) < levels.indexOf(req.level);
  });
  if (gaps.length === 0) {
    score += w.language;
    if (vacancy.languages.length) reasons.push(() => reason('LANGUAGE_MET', lang));
  } else {
    score += w.language * (1 - gaps.length / vacancy.languages.length);
    const gap = gaps[0];
    reasons.push(() => {
      const language = catalog.language(gap.code);
      return reason('LANGUAGE_GAP', lang, {
        language: (lang === 'ru' ? language?.nameRu : language?.nameEn) ?? gap.code,
        level: gap.level,
      });
    });
  }

  // Experience in this trade (or a related one)
  const years = (same ?? related)?.years ?? 0;
  if (!vacancy.experienceYears || years >= vacancy.experienceYears) {
    score += w.experience;
    if (years > 0 && (same ?? related)) reasons.push(() => reason('EXPERIENCE_MET', lang, { years }));
  } else {
    const asked = vacancy.experienceYears;
    score += w.experience * (years / asked);
    reasons.push(() => reason('EXPERIENCE_GAP', lang, { years: asked }));
  }

  // Start date
  if (!migrant.availableFrom || !vacancy.startDate || vacancy.startDate >= migrant.availableFrom) {
    score += w.startDate;
    const start = vacancy.startDate;
    if (start) reasons.push(() => reason('START_OK', lang, { date: start }));
  }

  return { score: Math.min(1, score), reasons: said };
}
