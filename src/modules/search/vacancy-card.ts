import type { VacancySummary } from 'src/modules/search/search.types';

/**
 * The summary of a vacancy as the PostgreSQL index keeps it for matching, which reads hundreds a
 * request: a JSON array of the fields in this order behind a format number, half the text of the
 * object and plain text to the database. Changing the fields changes the stored form: bump
 * CARD_VERSION (and the migration's list if it is rewritten) and reindex.
 */
export const CARD_VERSION = 1;

export const CARD_FIELDS = [
  'id',
  'sourceVersion',
  'title',
  'occupationCode',
  'skills',
  'employerId',
  'employerName',
  'country',
  'region',
  'city',
  'salaryMin',
  'salaryMax',
  'currency',
  'salaryPeriod',
  'salaryMonthly',
  'salaryMonthlyMax',
  'schedule',
  'housing',
  'foreignersAccepted',
  'quotaAvailable',
  'employerKind',
  'fairIds',
  'startDate',
  'languages',
  'experienceYears',
  'publishedAt',
] as const satisfies ReadonlyArray<keyof VacancySummary>;

// Every field of the summary is in CARD_FIELDS (a compile error names the one left out).
type MissingField = Exclude<keyof VacancySummary, (typeof CARD_FIELDS)[number]>;
const COMPLETE: [MissingField] extends [never] ? true : MissingField = true;
void COMPLETE;

export function toCard(doc: VacancySummary): string {
  return JSON.stringify([CARD_VERSION, ...CARD_FIELDS.map((f) => doc[f])]);
}

/** The summaries of `string_agg(card, ',')`; the fields are read in CARD_FIELDS order. */
export function parseCards(text: string | null): VacancySummary[] {
  if (!text) return [];
  return (JSON.parse(`[${text}]`) as unknown[][]).map(fromCard);
}

// An object literal of one shape: far cheaper for hundreds of cards than setting fields one by one.
function fromCard(card: unknown[]): VacancySummary {
  if (card[0] !== CARD_VERSION) {
    throw new Error(
      `search index card format ${String(card[0])}, expected ${CARD_VERSION}: reindex vacancies`,
    );
  }
  const [
    ,
    id,
    sourceVersion,
    title,
    occupationCode,
    skills,
    employerId,
    employerName,
    country,
    region,
    city,
    salaryMin,
    salaryMax,
    currency,
    salaryPeriod,
    salaryMonthly,
    salaryMonthlyMax,
    schedule,
    housing,
    foreignersAccepted,
    quotaAvailable,
    employerKind,
    fairIds,
    startDate,
    languages,
    experienceYears,
    publishedAt,
  ] = card as [number, ...Array<never>];
  return {
    id,
    sourceVersion,
    title,
    occupationCode,
    skills,
    employerId,
    employerName,
    country,
    region,
    city,
    salaryMin,
    salaryMax,
    currency,
    salaryPeriod,
    salaryMonthly,
    salaryMonthlyMax,
    schedule,
    housing,
    foreignersAccepted,
    quotaAvailable,
    employerKind,
    fairIds,
    startDate,
    languages,
    experienceYears,
    publishedAt,
  };
}
