import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { isStaff, type Principal } from 'src/common/auth/principal';
import { NotFoundError } from 'src/common/errors/domain-error';
import { EligibilityService } from 'src/modules/eligibility/eligibility.service';
import type { EligibilityRequest, EligibilityResult } from 'src/modules/eligibility/eligibility.types';
import { MigrantDocumentEntity, MigrantEntity } from 'src/modules/migrants/migrant.entity';
import { MigrantsService, type MigrantEligibilityFacts } from 'src/modules/migrants/migrants.service';
import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import { reason, type ReasonLang } from 'src/modules/matching/matching.reasons';
import { scorePair } from 'src/modules/matching/matching.scoring';
import {
  CANDIDATE_ELIGIBILITY_CHECKS,
  CANDIDATE_RETRIEVE,
  ELIGIBILITY_FACTOR,
  MATCH_ELIGIBILITY_CHECKS,
  MATCH_RETRIEVE,
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
  type VacancyDocument,
} from 'src/modules/search/search.types';

type Eligibility = {
  status: 'eligible' | 'conditional' | 'ineligible';
  regime: string | null;
  step?: string;
};

const today = () => new Date().toISOString().slice(0, 10);

/** Vacancies for a person and candidates for a vacancy: index retrieval, scoring, eligibility. */
@Injectable()
export class MatchingService {
  private readonly catalog = ReferenceCatalog.load();

  constructor(
    @Inject(SEARCH_INDEX) private readonly index: SearchIndex,
    private readonly source: SearchSourceRepository,
    private readonly search: SearchService,
    private readonly eligibility: EligibilityService,
    private readonly migrants: MigrantsService,
    private readonly db: DataSource,
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
    const retrieved = await this.index.matchVacancies({
      occupationCodes: codes,
      minorGroups: [...new Set(codes.map((c) => c.slice(0, 3)))],
      textWords: tradesQueryText(codes, this.catalog),
      desiredRegions: migrant.desiredRegions,
      limit: MATCH_RETRIEVE,
    });
    const scored = retrieved
      .map((r) => ({ vacancy: r.doc, ...scorePair(migrant, r.doc, r.textScore, lang, this.catalog) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, MATCH_ELIGIBILITY_CHECKS);

    const facts = await this.facts(migrantId);
    const items: VacancyMatchDto[] = [];
    for (const s of scored) {
      const e = this.evaluate(facts, s.vacancy, lang);
      if (e.status === 'ineligible' && !query.includeIneligible) continue;
      items.push({
        vacancy: this.search.toItem(s.vacancy, 0, lang),
        score: round(s.score * ELIGIBILITY_FACTOR[e.status]),
        eligibility: { status: e.status, regime: e.regime },
        reasons: [...s.reasons, this.eligibilityReason(e, lang)],
      });
    }
    items.sort((a, b) => b.score - a.score);
    for (const item of items) item.vacancy.score = item.score;
    return { items: items.slice(0, query.limit) };
  }

  async candidatesForVacancy(
    principal: Principal | undefined,
    vacancyId: string,
    query: CandidatesQuery,
  ): Promise<CandidateListDto> {
    const found = await this.source.vacancyAnyStatus(vacancyId);
    const owner =
      principal?.kind === 'user' && !!principal.employerId && principal.employerId === found?.doc.employerId;
    if (!found || (!owner && !isStaff(principal))) throw new NotFoundError('Vacancy');
    const vacancy = found.doc;
    const lang = (query.lang ?? 'ru') as ReasonLang;
    const applied = await this.source.applicantIds(vacancyId);
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
      .map((r) => ({ migrant: r.doc, ...scorePair(r.doc, vacancy, r.textScore, lang, this.catalog) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, Math.max(query.limit, CANDIDATE_ELIGIBILITY_CHECKS));

    const facts = await this.factsOf(scored.map((s) => s.migrant.id));
    const items: CandidateDto[] = [];
    for (const s of scored) {
      const e = this.evaluate(facts.get(s.migrant.id), vacancy, lang);
      items.push({
        migrant: this.toCandidate(s.migrant, appliedSet.has(s.migrant.id), lang),
        score: round(s.score * ELIGIBILITY_FACTOR[e.status]),
        eligibility: { status: e.status, regime: e.regime },
        reasons: [...s.reasons, this.eligibilityReason(e, lang)],
      });
    }
    items.sort((a, b) => b.score - a.score);
    return { items: items.slice(0, query.limit) };
  }

  private defaultLang(m: MigrantDocument): string {
    return ['ru', 'uz', 'tg', 'ky', 'en'].includes(m.preferredLanguage) ? m.preferredLanguage : 'ru';
  }

  private async facts(migrantId: string): Promise<MigrantEligibilityFacts | undefined> {
    try {
      return await this.migrants.eligibilityFacts(migrantId);
    } catch {
      // No birth date yet or not active: eligibility cannot be told, the match is conditional.
      return undefined;
    }
  }

  /**
   * `MigrantsService.eligibilityFacts` for many people in two queries; a person without a birth date
   * or no longer active has none (the match is conditional).
   */
  private async factsOf(ids: string[]): Promise<Map<string, MigrantEligibilityFacts>> {
    const out = new Map<string, MigrantEligibilityFacts>();
    if (!ids.length) return out;
    const people = await this.db.getRepository(MigrantEntity).findBy({ id: In(ids) });
    const ready = people.filter((m) => m.status === 'active' && !!m.birthDate);
    if (!ready.length) return out;
    const docs = await this.db.getRepository(MigrantDocumentEntity).find({
      where: { migrantId: In(ready.map((m) => m.id)) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    for (const m of ready) {
      out.set(m.id, {
        birthDate: m.birthDate as string,
        citizenship: m.citizenship,
        occupationCodes: m.occupations.map((o) => o.code),
        documents: [],
      });
    }
    for (const d of docs) {
      const held: MigrantEligibilityFacts['documents'][number] = { type: d.type };
      if (d.region) held.region = d.region;
      if (d.validFrom) held.validFrom = d.validFrom;
      if (d.validUntil) held.validUntil = d.validUntil;
      if (d.purpose) held.purpose = d.purpose;
      if (d.issuedAt) held.issuedAt = d.issuedAt;
      if (d.issuingCountry) held.issuingCountry = d.issuingCountry;
      out.get(d.migrantId)?.documents.push(held);
    }
    return out;
  }

  /** The pure engine with the person's documents of the vacancy's host country (no number involved). */
  private evaluate(
    facts: MigrantEligibilityFacts | undefined,
    vacancy: VacancyDocument,
    lang: ReasonLang,
  ): Eligibility {
    if (!facts) return { status: 'conditional', regime: null };
    const host = vacancy.country;
    const start = !vacancy.startDate || vacancy.startDate < today() ? today() : vacancy.startDate;
    const request: EligibilityRequest = {
      hostCountry: host,
      workRegion: vacancy.region,
      citizenship: facts.citizenship,
      birthDate: facts.birthDate,
      startDate: start,
      occupationCode: vacancy.occupationCode,
      employer: { kind: vacancy.employerKind, quotaAvailable: vacancy.quotaAvailable },
      documents: facts.documents
        .filter((d) => !d.region || d.region.startsWith(`${host}-`))
        .filter((d) => d.type === 'passport' || !d.issuingCountry || d.issuingCountry === host)
        .map(({ issuingCountry: _ignored, ...d }) => d),
    };
    if (vacancy.salaryPeriod === 'month' && vacancy.salaryMin !== null && vacancy.currency) {
      request.monthlySalary = { amount: vacancy.salaryMin, currency: vacancy.currency };
    }
    let result: EligibilityResult;
    try {
      result = this.eligibility.check(request, lang);
    } catch {
      return { status: 'conditional', regime: null };
    }
    return { status: result.status, regime: result.regime, step: result.steps[0]?.message };
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
