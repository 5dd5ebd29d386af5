import { Inject, Injectable } from '@nestjs/common';
import { isStaff, type Principal } from 'src/common/auth/principal';
import { NotFoundError } from 'src/common/errors/domain-error';
import { documentsForHost, EligibilityService } from 'src/modules/eligibility/eligibility.service';
import type { EligibilityRequest } from 'src/modules/eligibility/eligibility.types';
import type { MigrantEligibilityFacts } from 'src/modules/migrants/migrants.types';
import { MigrantsRepository } from 'src/modules/migrants/migrants.repository';
import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import { reason, type ReasonLang } from 'src/modules/matching/matching.reasons';
import { scorePair } from 'src/modules/matching/matching.scoring';
import {
  CANDIDATE_ELIGIBILITY_CHECKS,
  CANDIDATE_RETRIEVE,
  ELIGIBILITY_FACTOR,
  MATCH_ELIGIBILITY_CHECKS,
  MATCH_POOL,
  MATCH_RETRIEVE,
  MATCH_WEIGHTS,
} from 'src/modules/matching/matching.weights';
import type {
  CandidateDto,
  CandidateListDto,
  CandidatesQuery,
  MatchesQuery,
  VacancyMatchDto,
  VacancyMatchListDto,
} from 'src/modules/matching/matching.dto';
import { tradesQueryText } from 'src/modules/search/query-expansion';
import { SearchSourceRepository } from 'src/modules/search/search-source.repository';
import { SearchService } from 'src/modules/search/search.service';
import {
  SEARCH_INDEX,
  type MigrantDocument,
  type SearchIndex,
  type VacancySummary,
} from 'src/modules/search/search.types';

export type Eligibility = {
  status: 'eligible' | 'conditional' | 'ineligible';
  regime: string | null;
  step?: string;
};

const today = () => new Date().toISOString().slice(0, 10);

/** Vacancies for a person and candidates for a vacancy: index retrieval, scoring, eligibility. */
@Injectable()
export class MatchingService {
  private readonly catalog = ReferenceCatalog.load();
  private readonly hostDocuments = new WeakMap<
    MigrantEligibilityFacts,
    Map<string, EligibilityRequest['documents']>
  >();

  constructor(
    @Inject(SEARCH_INDEX) private readonly index: SearchIndex,
    private readonly source: SearchSourceRepository,
    private readonly search: SearchService,
    private readonly eligibility: EligibilityService,
    private readonly migrants: MigrantsRepository,
  ) {}

  async matchesForMigrant(
    principal: Principal | undefined,
    migrantId: string,
    query: MatchesQuery,
  ): Promise<VacancyMatchListDto> {
    const self =
      principal?.kind === 'user' && principal.role === 'migrant' && principal.migrantId === migrantId;
    if (!self && !isStaff(principal)) throw new NotFoundError('Migrant');
    const state = await this.source.migrantState(migrantId);
    if (!('doc' in state)) throw new NotFoundError('Migrant');
    const migrant = state.doc;
    const lang = (query.lang ?? this.defaultLang(migrant)) as ReasonLang;
    const codes = [...new Set(migrant.occupations.map((o) => o.code))];
    const [retrieved, factsOf] = await Promise.all([
      this.index.matchVacancies({
        occupationCodes: codes,
        minorGroups: [...new Set(codes.map((c) => c.slice(0, 3)))],
        textWords: tradesQueryText(codes, this.catalog),
        desiredRegions: migrant.desiredRegions,
        limit: MATCH_RETRIEVE,
        pool: MATCH_POOL,
        prior: {
          needsHousing: !!migrant.needsHousing,
          expectedMonthly: migrant.expectedSalary ?? null,
          expectedCurrency: migrant.expectedCurrency ?? null,
          weights: MATCH_WEIGHTS,
        },
      }),
      this.migrants.eligibilityFactsOf([migrantId]),
    ]);
    const scored = retrieved
      .map((r) => ({ ...r, score: scorePair(migrant, r.doc, r.textScore, lang, this.catalog, false).score }))
      .sort((a, b) => b.score - a.score)
      .slice(0, MATCH_ELIGIBILITY_CHECKS);

    const facts = factsOf.get(migrantId);
    const day = today();
    const best = bestAfterEligibility(scored, query.limit, (s) => {
      const e = this.evaluate(facts, s.doc, lang, day);
      return e.status === 'ineligible' && !query.includeIneligible ? undefined : e;
    });
    const items: VacancyMatchDto[] = best.map(({ item: s, eligibility: e, score }) => {
      const vacancy = this.search.toItem(s.doc, score, lang);
      const { reasons } = scorePair(migrant, s.doc, s.textScore, lang, this.catalog);
      return {
        vacancy,
        score,
        eligibility: { status: e.status, regime: e.regime },
        reasons: [...reasons, this.eligibilityReason(e, lang)],
      };
    });
    return { items };
  }

  async candidatesForVacancy(
    principal: Principal | undefined,
    vacancyId: string,
    query: CandidatesQuery,
  ): Promise<CandidateListDto> {
    const [found, applied] = await Promise.all([
      this.source.vacancyAnyStatus(vacancyId),
      this.source.applicantIds(vacancyId),
    ]);
    const owner =
      principal?.kind === 'user' && !!principal.employerId && principal.employerId === found?.doc.employerId;
    if (!found || (!owner && !isStaff(principal))) throw new NotFoundError('Vacancy');
    const vacancy = found.doc;
    const lang = (query.lang ?? 'ru') as ReasonLang;
    const appliedSet = new Set(applied);
    const retrieved = await this.index.matchMigrants({
      occupationCode: vacancy.occupationCode,
      minorGroup: vacancy.occupationCode.slice(0, 3),
      textWords: tradesQueryText([vacancy.occupationCode], this.catalog)
        .flat()
        .concat(
          vacancy.title
            .toLowerCase()
            .split(/[^\p{L}\p{N}]+/u)
            .filter((w) => w.length > 3),
        )
        .slice(0, 12),
      appliedIds: applied,
      limit: CANDIDATE_RETRIEVE,
    });
    const scored = retrieved
      .map((r) => ({ ...r, score: scorePair(r.doc, vacancy, r.textScore, lang, this.catalog, false).score }))
      .sort((a, b) => b.score - a.score)
      .slice(0, Math.max(query.limit, CANDIDATE_ELIGIBILITY_CHECKS));

    const facts = await this.migrants.eligibilityFactsOf(scored.map((s) => s.doc.id));
    const day = today();
    const best = bestAfterEligibility(scored, query.limit, (s) =>
      this.evaluate(facts.get(s.doc.id), vacancy, lang, day),
    );
    const items: CandidateDto[] = best.map(({ item: s, eligibility: e, score }) => ({
      migrant: this.toCandidate(s.doc, appliedSet.has(s.doc.id), lang),
      score,
      eligibility: { status: e.status, regime: e.regime },
      reasons: [
        ...scorePair(s.doc, vacancy, s.textScore, lang, this.catalog).reasons,
        this.eligibilityReason(e, lang),
      ],
    }));
    return { items };
  }

  private defaultLang(m: MigrantDocument): string {
    return ['ru', 'uz', 'tg', 'ky', 'en'].includes(m.preferredLanguage) ? m.preferredLanguage : 'ru';
  }

  /** The pure engine with the person's documents of the vacancy's host country (no number involved). */
  private evaluate(
    facts: MigrantEligibilityFacts | undefined,
    vacancy: VacancySummary,
    lang: ReasonLang,
    day = today(),
  ): Eligibility {
    if (!facts) return { status: 'conditional', regime: null };
    const host = vacancy.country;
    const start = !vacancy.startDate || vacancy.startDate < day ? day : vacancy.startDate;
    const request: EligibilityRequest = {
      hostCountry: host,
      workRegion: vacancy.region,
      citizenship: facts.citizenship,
      birthDate: facts.birthDate,
      startDate: start,
      occupationCode: vacancy.occupationCode,
      employer: { kind: vacancy.employerKind, quotaAvailable: vacancy.quotaAvailable },
      documents: this.documentsIn(facts, host),
    };
    if (vacancy.salaryPeriod === 'month' && vacancy.salaryMin !== null && vacancy.currency) {
      request.monthlySalary = { amount: vacancy.salaryMin, currency: vacancy.currency };
    }
    try {
      const verdict = this.eligibility.verdict(request, lang);
      return { status: verdict.status, regime: verdict.regime, step: verdict.firstStep };
    } catch {
      return { status: 'conditional', regime: null };
    }
  }

  /** The person's documents that count in `host`, worked out once per person and country. */
  private documentsIn(facts: MigrantEligibilityFacts, host: string): EligibilityRequest['documents'] {
    let byHost = this.hostDocuments.get(facts);
    if (!byHost) this.hostDocuments.set(facts, (byHost = new Map()));
    let documents = byHost.get(host);
    if (!documents) byHost.set(host, (documents = documentsForHost(facts, host)));
    return documents;
  }

  private eligibilityReason(e: Eligibility, lang: ReasonLang) {
    if (e.status === 'eligible') return reason('ELIGIBLE', lang);
    if (e.status === 'ineligible') return reason('INELIGIBLE', lang);
    return reason('CONDITIONAL', lang, { step: e.step ?? '' });
  }

  private toCandidate(m: MigrantDocument, applied: boolean, lang: ReasonLang) {
    return {
      id: m.id,
      citizenship: m.citizenship,
      occupations: m.occupations.map((o) => ({
        code: o.code,
        label: this.catalog.occupationLabel(o.code, lang) ?? o.code,
        years: o.years,
      })),
      desiredRegions: m.desiredRegions,
      languages: m.languages,
      availableFrom: m.availableFrom,
      applied,
    };
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The best `limit` of `scored` (best first) after the eligibility factor, checking eligibility in order
 * and stopping once no later pair can enter: a factor is at most 1, so a pair scores at most its score.
 * The same as checking them all, sorting by the factored score (stable) and taking `limit`. `check`
 * returns undefined for a pair to leave out.
 */
export function bestAfterEligibility<T extends { score: number }>(
  scored: T[],
  limit: number,
  check: (item: T) => Eligibility | undefined,
): Array<{ item: T; eligibility: Eligibility; score: number }> {
  const kept: Array<{ item: T; eligibility: Eligibility; score: number }> = [];
  for (const item of scored) {
    if (kept.length >= limit) {
      kept.sort((a, b) => b.score - a.score);
      if (kept[limit - 1].score >= round(item.score)) break;
    }
    const eligibility = check(item);
    if (eligibility)
      kept.push({ item, eligibility, score: round(item.score * ELIGIBILITY_FACTOR[eligibility.status]) });
  }
  return kept.sort((a, b) => b.score - a.score).slice(0, limit);
}
