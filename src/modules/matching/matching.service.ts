import { Inject, Injectable } from '@nestjs/common';
import { isStaff, type KioskPrincipal, type Principal } from 'src/common/auth/principal';
import { NotFoundError, ValidationError } from 'src/common/errors/domain-error';
import { documentsForHost, EligibilityService } from 'src/modules/eligibility/eligibility.service';
import type { EligibilityRequest } from 'src/modules/eligibility/eligibility.types';
import type { MigrantEligibilityFacts } from 'src/modules/migrants/migrants.types';
import { MigrantsRepository } from 'src/modules/migrants/migrants.repository';
import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import { rankingText, reason, type ReasonLang } from 'src/modules/matching/matching.reasons';
import {
  bestAfterEligibility,
  placements,
  type Placement,
  type Ranked,
} from 'src/modules/matching/matching.ranking';
import { scorePair } from 'src/modules/matching/matching.scoring';
import {
  CANDIDATE_ELIGIBILITY_CHECKS,
  CANDIDATE_RETRIEVE,
  ELIGIBILITY_PENALTY,
  MATCH_ELIGIBILITY_CHECKS,
  MATCH_POOL,
  MATCH_RETRIEVE,
  MATCH_WEIGHTS,
} from 'src/modules/matching/matching.weights';
import type {
  CandidateDto,
  CandidateListDto,
  CandidatesQuery,
  KioskMatchListDto,
  KioskMatchRequestDto,
  MatchesQuery,
  MatchRankingDto,
  VacancyMatchDto,
  VacancyMatchListDto,
} from 'src/modules/matching/matching.dto';
import { regionMinimumWageView } from 'src/modules/reference/minimum-wage.dto';
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
    const best = bestAfterEligibility(
      scored,
      query.limit,
      (s) => {
        const e = this.evaluate(facts, s.doc, lang, day);
        return e.status === 'ineligible' && !query.includeIneligible ? undefined : e;
      },
      (s) => s.doc.id,
    );
    return { items: this.vacancyMatches(best, migrant, lang) };
  }

  /**
   * The fair's vacancies for a kiosk visitor, from what they said at the kiosk (nothing is stored): every vacancy is
   * scored as a person's matches are (no text similarity: the fair's list is small enough to score whole) and ranked
   * with eligibility the same way.
   */
  async matchesForVisitor(
    kiosk: KioskPrincipal,
    dto: KioskMatchRequestDto,
    lang: ReasonLang,
  ): Promise<KioskMatchListDto> {
    const errors = (dto.documents ?? []).flatMap((d, i) =>
      d.validFrom && d.validUntil && d.validFrom > d.validUntil
        ? [{ field: `documents[${i}].validFrom`, message: 'must not be after validUntil' }]
        : d.purpose !== undefined && d.type !== 'migration_card'
          ? [{ field: `documents[${i}].purpose`, message: 'applies only to a migration_card' }]
          : [],
    );
    if (errors.length) {
      throw new ValidationError(errors, errors.map((e) => `${e.field}: ${e.message}`).join('; '));
    }
    const visitor: MigrantDocument = {
      id: 'kiosk-visitor',
      sourceVersion: 0,
      occupations: dto.occupationCode ? [{ code: dto.occupationCode, years: 0 }] : [],
      desiredRegions: [...new Set(dto.desiredRegions ?? [])],
      citizenship: dto.citizenship,
      languages: (dto.languages ?? []).map((l) => ({ code: l.code, level: l.level })),
      needsHousing: dto.needsHousing ?? null,
      expectedSalary: null,
      expectedCurrency: null,
      availableFrom: null,
      visible: false,
      preferredLanguage: lang,
    };
    const facts: MigrantEligibilityFacts = {
      birthDate: dto.birthDate,
      citizenship: dto.citizenship,
      occupationCodes: dto.occupationCode ? [dto.occupationCode] : [],
      documents: (dto.documents ?? []).map((d) => ({ ...d }) as MigrantEligibilityFacts['documents'][number]),
    };
    const scored = (await this.source.fairVacancies(kiosk.fairId))
      .map((doc) => ({
        doc,
        textScore: 0,
        score: scorePair(visitor, doc, 0, lang, this.catalog, false).score,
      }))
      .sort((a, b) => b.score - a.score);
    const day = today();
    const best = bestAfterEligibility(
      scored,
      dto.limit ?? 50,
      (s) => {
        const e = this.evaluate(facts, s.doc, lang, day);
        return e.status === 'ineligible' && !dto.includeIneligible ? undefined : e;
      },
      (s) => s.doc.id,
    );
    return { fairId: kiosk.fairId, lang, items: this.vacancyMatches(best, visitor, lang) };
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
    const best = bestAfterEligibility(
      scored,
      query.limit,
      (s) => this.evaluate(facts.get(s.doc.id), vacancy, lang, day),
      (s) => s.doc.id,
    );
    const placed = placements(best);
    const items: CandidateDto[] = best.map((r, i) => ({
      migrant: this.toCandidate(r.item.doc, appliedSet.has(r.item.doc.id), lang),
      score: r.score,
      eligibility: { status: r.eligibility.status, regime: r.eligibility.regime },
      reasons: [
        ...scorePair(r.item.doc, vacancy, r.item.textScore, lang, this.catalog).reasons,
        this.eligibilityReason(r.eligibility, lang),
      ],
      ranking: this.ranking(r, placed[i], lang),
    }));
    return { items };
  }

  /** A person's ranked vacancies as the API answers them, each with why it stands where it does. */
  private vacancyMatches(
    best: Ranked<{ doc: VacancySummary; textScore: number }>[],
    migrant: MigrantDocument,
    lang: ReasonLang,
  ): VacancyMatchDto[] {
    const placed = placements(best);
    const day = today();
    // A page's vacancies share a few regions and start dates: each minimum wage is worded once.
    const wages = new Map<string, ReturnType<typeof regionMinimumWageView>>();
    const minimumWage = (region: string, onDate: string) => {
      const key = `${region} ${onDate}`;
      if (!wages.has(key)) wages.set(key, regionMinimumWageView(region, onDate, lang, this.catalog, false));
      return wages.get(key)!;
    };
    return best.map((r, i) => {
      const { doc, textScore } = r.item;
      const { reasons } = scorePair(migrant, doc, textScore, lang, this.catalog);
      const start = !doc.startDate || doc.startDate < day ? day : doc.startDate;
      return {
        vacancy: this.search.toItem(doc, r.score, lang),
        score: r.score,
        eligibility: { status: r.eligibility.status, regime: r.eligibility.regime },
        reasons: [...reasons, this.eligibilityReason(r.eligibility, lang)],
        ranking: this.ranking(r, placed[i], lang),
        minimumWage: minimumWage(doc.region, start),
      };
    });
  }

  /** The numbers behind a match's place and the sentences that say it. */
  private ranking<T>(r: Ranked<T>, placement: Placement, lang: ReasonLang): MatchRankingDto {
    const penalty = ELIGIBILITY_PENALTY[r.eligibility.status];
    const params = { relevance: Math.round(r.relevance * 100), penalty: Math.round(penalty * 100) };
    const code =
      r.eligibility.status === 'eligible'
        ? 'RANK_ELIGIBLE'
        : r.eligibility.status === 'conditional'
          ? 'RANK_CONDITIONAL'
          : 'RANK_INELIGIBLE';
    const sentences = [rankingText(code, lang, params)];
    if (placement.aheadOfMoreRelevant > 0) {
      sentences.push(rankingText('RANK_AHEAD', lang, { count: placement.aheadOfMoreRelevant }));
    }
    if (placement.behindLessRelevant > 0) {
      sentences.push(rankingText('RANK_BEHIND', lang, { count: placement.behindLessRelevant }));
    }
    return {
      position: placement.position,
      relevance: r.relevance,
      eligibilityPenalty: penalty,
      score: r.score,
      aheadOfMoreRelevant: placement.aheadOfMoreRelevant,
      behindLessRelevant: placement.behindLessRelevant,
      explanation: sentences.join(' '),
    };
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
    const banUntil = facts.entryBans?.[host];
    if (banUntil) request.entryBan = { until: banUntil };
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
