import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal, isStaff } from 'src/common/auth/principal';
import {
  DomainError,
  ErrorCode,
  FieldError,
  NotFoundError,
  ValidationError,
} from 'src/common/errors/domain-error';
import { validateEligibilityRequest } from 'src/modules/eligibility/eligibility-request.validator';
import {
  EligibilityNames,
  eligibilityVerdict,
  EligibilityVerdict,
  evaluateEligibility,
} from 'src/modules/eligibility/eligibility.engine';
import {
  EligibilityRequest,
  EligibilityResult,
  EmployerKind,
  LANGS,
  Lang,
  Money,
  RuleSet,
} from 'src/modules/eligibility/eligibility.types';
import { loadRuleSets, selectRuleSet } from 'src/modules/eligibility/rule-set.loader';
import { PreDeparturePlan, preDeparturePlan } from 'src/modules/eligibility/pre-departure-plan';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import { addWorkingDays } from 'src/modules/calendar/production-calendar';
import { MigrantsService } from 'src/modules/migrants/migrants.service';
import type { MigrantEligibilityFacts } from 'src/modules/migrants/migrants.types';
import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';

export const DEFAULT_LANG: Lang = 'ru';

/** What a vacancy contributes to an eligibility check. */
export interface VacancyEligibilityInput {
  hostCountry: string;
  region: string;
  /** `YYYY-MM-DD`. */
  startDate: string;
  occupationCode?: string;
  monthlySalary?: Money;
  employerKind: EmployerKind;
  quotaAvailable: boolean;
}

interface VacancyRow {
  region: string;
  start_date: string;
  occupation_code: string;
  salary_min: string;
  salary_currency: string;
  salary_period: string;
  quota_available: boolean;
  employer_id: string;
  status: string;
  country: string;
  kind: EmployerKind;
}

/**
 * `?lang=` wins, then the first supported language of Accept-Language ("uz-Latn-UZ,ru;q=0.8" → uz), then Russian,
 * the language every fair's staff read.
 */
export function resolveLang(query: unknown, acceptLanguage?: string): Lang {
  if (query !== undefined && query !== '') {
    if (typeof query === 'string' && (LANGS as readonly string[]).includes(query)) return query as Lang;
    throw ValidationError.field('lang', `must be one of ${LANGS.join(', ')}`);
  }
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { lang: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q) : 1, index };
    })
    .filter((entry) => (LANGS as readonly string[]).includes(entry.lang) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked[0]?.lang as Lang | undefined) ?? DEFAULT_LANG;
}

const cyrillicLang = (lang: Lang) => lang === 'ru' || lang === 'tg' || lang === 'ky';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The person's documents that count in `host`: a passport from anywhere, other documents issued there (or of
 * unknown origin) and not tied to a region of another country; without the issuing country, which the engine does
 * not take.
 */
export function documentsForHost(
  facts: MigrantEligibilityFacts,
  host: string,
): EligibilityRequest['documents'] {
  return facts.documents
    .filter((doc) => !doc.region || doc.region.startsWith(`${host}-`))
    .filter((doc) => doc.type === 'passport' || !doc.issuingCountry || doc.issuingCountry === host)
    .map(({ issuingCountry: _ignored, ...doc }) => doc);
}

@Injectable()
export class EligibilityService implements OnModuleInit {
  private readonly logger = new Logger(EligibilityService.name);
  private ruleSets: RuleSet[] = [];
  private readonly catalog = ReferenceCatalog.load();
  /** Display names from reference data for the messages; built once, not on every check. */
  private readonly names: EligibilityNames = {
    region: (code, lang) => this.catalog.regionName(code, lang),
    country: (code, lang) => {
      const c = this.catalog.country(code);
      return c && (cyrillicLang(lang) ? c.nameRu : c.nameEn);
    },
    occupation: (code, lang) => this.catalog.occupationLabel(code, lang),
  };

  constructor(
    private readonly dataSource: DataSource,
    private readonly migrants: MigrantsService,
    private readonly calendar: CalendarService,
  ) {}

  /** A broken rule-set file stops the application here, naming the file and field. */
  onModuleInit(): void {
    this.ruleSets = loadRuleSets();
    this.logger.log(`rule sets loaded: ${this.ruleSets.map((s) => s.id).join(', ')}`);
  }

  listRuleSets() {
    return [...this.ruleSets]
      .sort(
        (a, b) =>
          a.hostCountry.localeCompare(b.hostCountry) || a.effectiveFrom.localeCompare(b.effectiveFrom),
      )
      .map((s) => ({
        id: s.id,
        hostCountry: s.hostCountry,
        effectiveFrom: s.effectiveFrom,
        currency: s.currency,
        minimumAge: s.minimumAge,
        regimeOrder: [...s.regimeOrder],
        sources: [...(s.sources ?? [])],
        unlistedCitizenship: s.unlistedCitizenship,
        specialCitizenships: Object.entries(s.specialCitizenships ?? {}).map(([citizenship, special]) => ({
          citizenship,
          ...special,
        })),
      }));
  }

  /**
   * `check`, and for a person still outside the host country (`arrival`) the dated plan: before leaving, at entry
   * and after, each step due on a date from the arrival (working days on the production calendar in force).
   */
  async checkWithPlan(input: unknown, lang: Lang): Promise<EligibilityResult & { plan?: PreDeparturePlan }> {
    const result = this.check(input, lang);
    const request = input as EligibilityRequest;
    if (!request.arrival) return result;
    const ruleSet = this.ruleSetFor(request);
    const cal = await this.calendar.calendar(request.hostCountry);
    const plan = preDeparturePlan(
      ruleSet,
      result.regime,
      request.arrival.expectedDate,
      request.startDate,
      lang,
      (date, n) => addWorkingDays(date, n, cal),
    );
    return plan ? { ...result, plan } : result;
  }

  /** Whether a rule set of `host` gives a plan for a person still outside the country. */
  coversArrival(host: string): boolean {
    return this.ruleSets.some((s) => s.hostCountry === host && s.arrivalPlan);
  }

  /** Whether a rule set of `host` says how an entry ban applies (only then may one be recorded). */
  coversEntryBans(host: string): boolean {
    return this.ruleSets.some((s) => s.hostCountry === host && s.entryBans);
  }

  /** Validates the request (shape, dates and codes against reference data) and evaluates it. */
  check(input: unknown, lang: Lang): EligibilityResult {
    const errors = validateEligibilityRequest(input).map((e) => ({ ...e, field: e.field || 'body' }));
    errors.push(...this.referenceErrors(input, errors));
    if (errors.length)
      throw new ValidationError(errors, errors.map((e) => `${e.field}: ${e.message}`).join('; '));
    const request = input as EligibilityRequest;
    return evaluateEligibility(request, this.ruleSetFor(request), lang, this.names);
  }

  /**
   * The status, regime and first step of `check` for a request built from stored data (matching many vacancies at
   * once): the engine still validates it, the reference codes are not looked up again and only the first step is
   * rendered. Throws as `check` does when no rule set covers it.
   */
  verdict(request: EligibilityRequest, lang: Lang): EligibilityVerdict {
    return eligibilityVerdict(request, this.ruleSetFor(request), lang, this.names);
  }

  /**
   * The check for a stored migrant and a vacancy, from the person's documents (no number is decrypted).
   * Documents of another host country do not count. The start date is the vacancy's, or today once it has passed.
   */
  async checkMigrantForVacancy(
    migrantId: string,
    vacancy: VacancyEligibilityInput,
    lang: Lang,
    startDateOverride?: string,
    arrivalDate?: string,
  ): Promise<EligibilityResult & { plan?: PreDeparturePlan }> {
    const facts = await this.migrants.eligibilityFacts(migrantId);
    const host = vacancy.hostCountry;
    const documents = documentsForHost(facts, host);
    const start = startDateOverride ?? (vacancy.startDate < today() ? today() : vacancy.startDate);
    const request: EligibilityRequest = {
      hostCountry: host,
      workRegion: vacancy.region,
      citizenship: facts.citizenship,
      birthDate: facts.birthDate,
      startDate: start,
      employer: { kind: vacancy.employerKind, quotaAvailable: vacancy.quotaAvailable },
      documents,
    };
    const banUntil = facts.entryBans?.[host];
    if (banUntil) request.entryBan = { until: banUntil };
    if (arrivalDate) request.arrival = { expectedDate: arrivalDate };
    if (vacancy.occupationCode) request.occupationCode = vacancy.occupationCode;
    if (vacancy.monthlySalary) request.monthlySalary = vacancy.monthlySalary;
    return arrivalDate ? this.checkWithPlan(request, lang) : this.check(request, lang);
  }

  /** GET /v1/migrants/:id/eligibility: whoever may see the migrant, for a vacancy they may see. */
  async checkMigrantForVacancyId(
    principal: Principal | undefined,
    migrantId: string,
    vacancyId: string,
    lang: Lang,
    arrivalDate?: string,
  ): Promise<EligibilityResult & { plan?: PreDeparturePlan }> {
    await this.migrants.assertCanView(principal, migrantId);
    const rows: VacancyRow[] = await this.dataSource.query(
      `SELECT v.region, v.start_date::text AS start_date, v.occupation_code, v.salary_min, v.salary_currency,
              v.salary_period, v.quota_available, v.employer_id, v.status, e.country, e.kind
         FROM vacancies v JOIN employers e ON e.id = v.employer_id
        WHERE v.id = $1`,
      [vacancyId],
    );
    const row = rows[0];
    const own = principal?.kind === 'user' && principal.employerId === row?.employer_id;
    if (!row || (row.status !== 'published' && !own && !isStaff(principal)))
      throw new NotFoundError('Vacancy');
    // Only a monthly salary compares with the HQS threshold; day or hour rates leave it unknown.
    const monthlySalary =
      row.salary_period === 'month'
        ? { amount: Number(row.salary_min), currency: row.salary_currency.trim() }
        : undefined;
    const result = await this.checkMigrantForVacancy(
      migrantId,
      {
        hostCountry: row.country,
        region: row.region,
        startDate: row.start_date,
        occupationCode: row.occupation_code.trim(),
        monthlySalary,
        employerKind: row.kind,
        quotaAvailable: row.quota_available,
      },
      lang,
      undefined,
      arrivalDate,
    );
    if (principal?.kind === 'user' && principal.role === 'employer' && principal.employerId) {
      const engaged = await this.migrants.employerEngagedWith(principal.employerId, migrantId);
      // An employer the person has not applied to learns the answer, not the documents behind it.
      if (!engaged) return answerOnly(result);
    }
    return result;
  }

  /** Codes the engine cannot know: countries, regions and occupations that do not exist. */
  private referenceErrors(input: unknown, shapeErrors: FieldError[]): FieldError[] {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return [];
    const body = input as Record<string, unknown>;
    const out: FieldError[] = [];
    const bad = (field: string) => shapeErrors.some((e) => e.field === field);
    const host = body.hostCountry as string;
    if (!bad('hostCountry') && !this.catalog.isCountry(host)) {
      out.push({ field: 'hostCountry', message: 'is not a known country code' });
    }
    // Reference data lists regions only of the host countries served; elsewhere the 422 (no rule set) says more.
    const regionsKnown = this.catalog.regions(host).length > 0;
    if (!bad('workRegion') && regionsKnown && !this.catalog.isRegion(body.workRegion, host)) {
      out.push({ field: 'workRegion', message: `is not a known region of ${host}` });
    }
    if (body.entryBan !== undefined && !bad('hostCountry') && !this.coversEntryBans(host)) {
      out.push({ field: 'entryBan', message: `no rule set of ${host} says how an entry ban applies` });
    }
    if (body.arrival !== undefined && !bad('hostCountry') && !this.coversArrival(host)) {
      out.push({ field: 'arrival', message: `no rule set of ${host} gives a plan before arrival` });
    }
    if (!bad('citizenship') && !this.catalog.isCountry(body.citizenship)) {
      out.push({ field: 'citizenship', message: 'is not a known country code' });
    }
    if (
      body.occupationCode !== undefined &&
      !bad('occupationCode') &&
      !this.catalog.isOccupation(body.occupationCode)
    ) {
      out.push({ field: 'occupationCode', message: 'is not an ISCO-08 unit group' });
    }
    if (Array.isArray(body.documents)) {
      body.documents.forEach((doc: unknown, i) => {
        const region = (doc as Record<string, unknown> | null)?.region;
        const field = `documents[${i}].region`;
        if (region !== undefined && !bad(field) && regionsKnown && !this.catalog.isRegion(region)) {
          out.push({ field, message: 'is not a known region code' });
        }
      });
    }
    return out;
  }

  /** The rule set in force for the request's host country on its start date; 422 without one. */
  private ruleSetFor(request: EligibilityRequest): RuleSet {
    const ruleSet = selectRuleSet(this.ruleSets, request.hostCountry, request.startDate);
    if (!ruleSet) {
      throw new DomainError(
        ErrorCode.NoRuleSet,
        `No legal rule set covers host country ${request.hostCountry} on ${request.startDate}`,
        { hostCountry: request.hostCountry, startDate: request.startDate },
      );
    }
    return ruleSet;
  }
}

/**
 * The answer without the person's document facts: the checks (which document, its region and dates) are left out,
 * and each step keeps its code only, since its text may name a document's dates.
 */
function answerOnly(result: EligibilityResult): EligibilityResult {
  return { ...result, checks: [], steps: result.steps.map((step) => ({ code: step.code })) };
}
