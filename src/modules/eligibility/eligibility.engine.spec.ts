import * as path from 'path';
import {
  eligibilityVerdict,
  evaluateEligibility,
  InvalidEligibilityRequestError,
  RuleSetNotApplicableError,
} from 'src/modules/eligibility/eligibility.engine';
import {
  EligibilityRequest,
  EligibilityResult,
  EligibilityStatus,
  HeldDocument,
  LANGS,
  Regime,
  RuleSet,
} from 'src/modules/eligibility/eligibility.types';
import { loadRuleSets, RULE_SET_DIR, selectRuleSet } from 'src/modules/eligibility/rule-set.loader';

const production = loadRuleSets();
// Test-only rule set: an invented later RU set with a higher HQS threshold and occupation closures.
const withFixtures = [...production, ...loadRuleSets(path.join(RULE_SET_DIR, '__fixtures__'))];

const START = '2026-12-01';
const base: EligibilityRequest = {
  hostCountry: 'RU',
  workRegion: 'RU-MOW',
  citizenship: 'UZ',
  birthDate: '1996-03-14',
  startDate: START,
};
const kz: Partial<EligibilityRequest> = { hostCountry: 'KZ', workRegion: 'KZ-75' };

const doc = (
  type: HeldDocument['type'],
  region?: string,
  validFrom?: string,
  validUntil?: string,
): HeldDocument => ({
  type,
  ...(region && { region }),
  ...(validFrom && { validFrom }),
  ...(validUntil && { validUntil }),
});
const patent = (region: string | undefined, validUntil = '2026-12-31', validFrom = '2026-06-01') =>
  doc('patent', region, validFrom, validUntil);
const card = (purpose: HeldDocument['purpose'], issuedAt = '2026-11-20'): HeldDocument => ({
  type: 'migration_card',
  purpose,
  issuedAt,
});
const certificate = doc('language_certificate', undefined, '2025-01-01', '2030-01-01');
const rub = (amount: number) => ({ monthlySalary: { amount, currency: 'RUB' } });
const company = (quotaAvailable?: boolean) => ({
  employer: { kind: 'company' as const, ...(quotaAvailable !== undefined && { quotaAvailable }) },
});

interface Expected {
  status: EligibilityStatus;
  regime: Regime | null;
  passed?: string[];
  failed?: string[];
  /** The exact, ordered step codes; none when omitted. */
  steps?: string[];
}

const FIRST_PATENT = ['MEDICAL_EXAM_AND_FINGERPRINTS', 'OBTAIN_LANGUAGE_CERTIFICATE', 'OBTAIN_PATENT'];

const cases: [string, Partial<EligibilityRequest>, Expected][] = [
  // Citizens of the host country
  [
    'a Russian citizen',
    { citizenship: 'RU' },
    { status: 'eligible', regime: 'citizen', passed: ['HOST_CITIZEN'] },
  ],
  [
    'a Russian citizen is not held to the service age for foreigners',
    { citizenship: 'RU', birthDate: '2010-01-01' },
    { status: 'eligible', regime: 'citizen' },
  ],
  // EAEU citizens in Russia, whatever else they hold
  [
    'a Kazakh citizen in Russia',
    { citizenship: 'KZ' },
    { status: 'eligible', regime: 'eaeu', passed: ['EAEU_CITIZEN'] },
  ],
  ['an Armenian citizen in Russia', { citizenship: 'AM' }, { status: 'eligible', regime: 'eaeu' }],
  [
    'a Kyrgyz citizen with a lapsed patent still works as an EAEU citizen',
    { citizenship: 'KG', documents: [patent('RU-MOW', '2026-01-31', '2026-01-01')] },
    { status: 'eligible', regime: 'eaeu' },
  ],
  [
    'a Belarusian citizen with a TRP from another region still works as an EAEU citizen',
    {
      citizenship: 'BY',
      documents: [doc('temporary_residence_permit', 'RU-MOS', '2025-01-01', '2028-01-01')],
    },
    { status: 'eligible', regime: 'eaeu' },
  ],
  // Residence permits
  [
    'a valid residence permit',
    { documents: [doc('residence_permit', undefined, '2024-01-01', '2029-01-01')] },
    { status: 'eligible', regime: 'residence_permit', passed: ['RESIDENCE_PERMIT_VALID'] },
  ],
  [
    'a residence permit valid until exactly the start date',
    { citizenship: 'CN', documents: [doc('residence_permit', undefined, '2021-12-01', START)] },
    { status: 'eligible', regime: 'residence_permit' },
  ],
  [
    'a residence permit that expired the day before the start date',
    { documents: [doc('residence_permit', undefined, '2021-12-01', '2026-11-30')] },
    {
      status: 'conditional',
      regime: 'patent',
      failed: ['RESIDENCE_PERMIT_VALID', 'PATENT_VALID', 'MIGRATION_CARD_PURPOSE'],
      steps: ['CHECK_MIGRATION_CARD', ...FIRST_PATENT],
    },
  ],
  [
    'a Ukrainian citizen with a valid residence permit',
    { citizenship: 'UA', documents: [doc('residence_permit', undefined, '2024-01-01', '2029-01-01')] },
    { status: 'eligible', regime: 'residence_permit' },
  ],
  // Temporary residence permits
  [
    'a TRP for the work region',
    { documents: [doc('temporary_residence_permit', 'RU-MOW', '2025-01-01', '2028-01-01')] },
    { status: 'eligible', regime: 'temporary_residence', passed: ['TEMPORARY_RESIDENCE_VALID'] },
  ],
  [
    'a TRP from another region is a barrier, even with a patent',
    {
      documents: [doc('temporary_residence_permit', 'RU-MOS', '2025-01-01', '2028-01-01'), patent('RU-MOW')],
    },
    { status: 'ineligible', regime: 'temporary_residence', failed: ['TEMPORARY_RESIDENCE_REGION'] },
  ],
  [
    'a TRP that names no region',
    { documents: [doc('temporary_residence_permit', undefined, '2025-01-01', '2028-01-01')] },
    {
      status: 'conditional',
      regime: 'temporary_residence',
      failed: ['TEMPORARY_RESIDENCE_REGION'],
      steps: ['CHECK_DOCUMENT_REGION'],
    },
  ],
  [
    'an expired TRP falls through to a valid patent',
    {
      documents: [doc('temporary_residence_permit', 'RU-MOW', '2023-01-01', '2026-01-01'), patent('RU-MOW')],
    },
    { status: 'eligible', regime: 'patent', failed: ['TEMPORARY_RESIDENCE_VALID'], passed: ['PATENT_VALID'] },
  ],
  // Patents
  [
    'a valid patent for the work region',
    { occupationCode: '7112', documents: [patent('RU-MOW')] },
    { status: 'eligible', regime: 'patent', passed: ['MINIMUM_AGE', 'PATENT_VALID'] },
  ],
  [
    'a patent valid until exactly the start date',
    { documents: [patent('RU-MOW', START)] },
    { status: 'eligible', regime: 'patent', passed: ['PATENT_VALID'] },
  ],
  [
    'a Tajik citizen with a valid patent',
    { citizenship: 'TJ', documents: [patent('RU-MOW')] },
    { status: 'eligible', regime: 'patent' },
  ],
  [
    'a patent for Moscow oblast used in Moscow city',
    { documents: [patent('RU-MOS'), card('work')] },
    { status: 'conditional', regime: 'patent', failed: ['PATENT_REGION'], steps: ['OBTAIN_PATENT'] },
  ],
  [
    'a patent for the region that lapsed the day before the start date',
    { documents: [patent('RU-MOW', '2026-11-30')] },
    { status: 'conditional', regime: 'patent', failed: ['PATENT_VALID'], steps: ['PAY_PATENT_ADVANCE'] },
  ],
  [
    'a patent that takes effect after the start date',
    { documents: [patent('RU-MOW', '2027-06-30', '2026-12-02')] },
    { status: 'conditional', regime: 'patent', failed: ['PATENT_VALID'], steps: ['START_NOT_BEFORE'] },
  ],
  [
    'a patent that names no region',
    { documents: [patent(undefined)] },
    { status: 'conditional', regime: 'patent', failed: ['PATENT_REGION'], steps: ['CHECK_DOCUMENT_REGION'] },
  ],
  [
    'no patent, a work migration card and a language certificate',
    { documents: [card('work'), certificate] },
    {
      status: 'conditional',
      regime: 'patent',
      passed: ['MIGRATION_CARD_PURPOSE', 'LANGUAGE_CERTIFICATE'],
      failed: ['PATENT_VALID'],
      steps: ['MEDICAL_EXAM_AND_FINGERPRINTS', 'OBTAIN_PATENT'],
    },
  ],
  [
    'no patent and a migration card whose purpose is not work',
    { citizenship: 'MD', documents: [card('tourism')] },
    {
      status: 'conditional',
      regime: 'patent',
      failed: ['MIGRATION_CARD_PURPOSE', 'LANGUAGE_CERTIFICATE'],
      steps: ['REENTER_WITH_WORK_PURPOSE', ...FIRST_PATENT],
    },
  ],
  [
    'no documents at all for a patent national',
    { citizenship: 'AZ' },
    { status: 'conditional', regime: 'patent', steps: ['CHECK_MIGRATION_CARD', ...FIRST_PATENT] },
  ],
  // Age: 18 or over on the start date
  [
    'a person turning 18 on the start date',
    { birthDate: '2008-12-01', documents: [patent('RU-MOW')] },
    { status: 'eligible', regime: 'patent', passed: ['MINIMUM_AGE'] },
  ],
  [
    'a person turning 18 the day after the start date',
    { birthDate: '2008-12-02', documents: [patent('RU-MOW')] },
    { status: 'ineligible', regime: 'patent', failed: ['MINIMUM_AGE'] },
  ],
  [
    'a minor without a patent gets no steps, only the barrier',
    { birthDate: '2012-05-05' },
    { status: 'ineligible', regime: 'patent', failed: ['MINIMUM_AGE'] },
  ],
  [
    'someone born on 29 February is still 17 on 28 February of a common year',
    {
      birthDate: '2008-02-29',
      startDate: '2026-02-28',
      documents: [patent('RU-MOW', '2026-03-31', '2026-02-01')],
    },
    { status: 'ineligible', regime: 'patent', failed: ['MINIMUM_AGE'] },
  ],
  [
    'someone born on 29 February is 18 on 1 March of a common year',
    {
      birthDate: '2008-02-29',
      startDate: '2026-03-01',
      documents: [patent('RU-MOW', '2026-03-31', '2026-02-01')],
    },
    { status: 'eligible', regime: 'patent', passed: ['MINIMUM_AGE'] },
  ],
  // Passport
  [
    'an expired passport with a valid patent',
    { documents: [doc('passport', undefined, '2016-01-01', '2026-11-01'), patent('RU-MOW')] },
    { status: 'conditional', regime: 'patent', failed: ['PASSPORT_VALID'], steps: ['RENEW_PASSPORT'] },
  ],
  [
    'a valid passport with a valid patent',
    { documents: [doc('passport', undefined, '2020-01-01', '2030-01-01'), patent('RU-MOW')] },
    { status: 'eligible', regime: 'patent', passed: ['PASSPORT_VALID', 'PATENT_VALID'] },
  ],
  // Highly qualified specialists
  [
    'a patent national with a valid HQS permit for the region',
    { documents: [doc('hqs_permit', 'RU-MOW', '2026-01-01', '2028-01-01')] },
    { status: 'eligible', regime: 'hqs', passed: ['HQS_PERMIT_VALID'] },
  ],
  [
    'a patent national whose HQS permit is for another region keeps the patent regime',
    { documents: [doc('hqs_permit', 'RU-SPE', '2026-01-01', '2028-01-01'), patent('RU-MOW')] },
    { status: 'eligible', regime: 'patent' },
  ],
  [
    'a visa national with a valid HQS permit for the region',
    { citizenship: 'CN', documents: [doc('hqs_permit', 'RU-MOW', '2026-01-01', '2028-01-01')] },
    { status: 'eligible', regime: 'hqs' },
  ],
  [
    'a visa national with no quota and a salary of exactly the HQS threshold',
    { citizenship: 'IN', ...rub(250000), ...company(false) },
    { status: 'conditional', regime: 'hqs', passed: ['HQS_SALARY'], steps: ['OBTAIN_HQS_PERMIT'] },
  ],
  // Work permits (visa nationals)
  [
    'a visa national with no quota and a salary below the HQS threshold',
    { citizenship: 'IN', ...rub(249999), ...company(false) },
    { status: 'ineligible', regime: 'work_permit', failed: ['EMPLOYER_QUOTA', 'HQS_SALARY'] },
  ],
  [
    'a visa national with no quota and a salary in another currency',
    { citizenship: 'CN', monthlySalary: { amount: 5000, currency: 'USD' }, ...company(false) },
    {
      status: 'conditional',
      regime: 'work_permit',
      failed: ['EMPLOYER_QUOTA', 'HQS_SALARY'],
      steps: ['CHECK_HQS_SALARY'],
    },
  ],
  [
    'a visa national whose employer has quota',
    { citizenship: 'VN', ...rub(90000), ...company(true) },
    {
      status: 'conditional',
      regime: 'work_permit',
      passed: ['EMPLOYER_QUOTA'],
      steps: ['OBTAIN_WORK_PERMIT'],
    },
  ],
  [
    'a visa national whose employer has not said whether it has quota',
    { citizenship: 'VN' },
    {
      status: 'conditional',
      regime: 'work_permit',
      failed: ['WORK_PERMIT_VALID', 'EMPLOYER_QUOTA'],
      steps: ['CHECK_EMPLOYER_QUOTA', 'OBTAIN_WORK_PERMIT'],
    },
  ],
  [
    'a visa national with a valid work permit for the region',
    {
      citizenship: 'CN',
      ...company(false),
      documents: [doc('work_permit', 'RU-MOW', '2026-06-01', '2027-06-01')],
    },
    { status: 'eligible', regime: 'work_permit', passed: ['WORK_PERMIT_VALID'] },
  ],
  [
    'a visa national with a work permit for another region',
    {
      citizenship: 'CN',
      ...company(true),
      documents: [doc('work_permit', 'RU-SPE', '2026-06-01', '2027-06-01')],
    },
    {
      status: 'conditional',
      regime: 'work_permit',
      failed: ['WORK_PERMIT_REGION'],
      steps: ['OBTAIN_WORK_PERMIT'],
    },
  ],
  [
    'a visa national whose work permit expired, with no quota and a low salary',
    {
      citizenship: 'CN',
      ...rub(100000),
      ...company(false),
      documents: [doc('work_permit', 'RU-MOW', '2025-06-01', '2026-06-01')],
    },
    {
      status: 'ineligible',
      regime: 'work_permit',
      failed: ['WORK_PERMIT_VALID', 'EMPLOYER_QUOTA', 'HQS_SALARY'],
    },
  ],
  // Citizenships the rule set does not settle
  [
    'a citizen of Ukraine',
    { citizenship: 'UA', documents: [patent('RU-MOW')] },
    { status: 'conditional', regime: null, failed: ['CITIZENSHIP_RULES'], steps: ['LEGAL_ADVICE'] },
  ],
  [
    'a citizenship in no group of the rule set is a visa national (every other foreign national)',
    { citizenship: 'GE' },
    {
      status: 'conditional',
      regime: 'work_permit',
      failed: ['WORK_PERMIT_VALID', 'EMPLOYER_QUOTA'],
      steps: ['CHECK_EMPLOYER_QUOTA', 'OBTAIN_WORK_PERMIT'],
    },
  ],
  [
    'a citizenship in no group of a rule set that refers unlisted ones to legal advice',
    { citizenship: 'GE', startDate: '2027-03-01' },
    { status: 'conditional', regime: null, failed: ['CITIZENSHIP_RULES'], steps: ['LEGAL_ADVICE'] },
  ],
  // Kazakhstan
  ['a Kazakh citizen in Kazakhstan', { ...kz, citizenship: 'KZ' }, { status: 'eligible', regime: 'citizen' }],
  [
    'a Russian citizen in Kazakhstan',
    { ...kz, citizenship: 'RU' },
    { status: 'eligible', regime: 'eaeu', passed: ['EAEU_CITIZEN'] },
  ],
  ['a Kyrgyz citizen in Kazakhstan', { ...kz, citizenship: 'KG' }, { status: 'eligible', regime: 'eaeu' }],
  [
    'a household employer in Kazakhstan, no permit yet',
    { ...kz, employer: { kind: 'individual' } },
    {
      status: 'conditional',
      regime: 'household_permit',
      failed: ['HOUSEHOLD_PERMIT_VALID'],
      steps: ['OBTAIN_HOUSEHOLD_PERMIT'],
    },
  ],
  [
    'a household employer in Kazakhstan and a valid permit for the region',
    {
      ...kz,
      employer: { kind: 'individual' },
      documents: [doc('household_permit', 'KZ-75', '2026-09-01', '2027-08-31')],
    },
    { status: 'eligible', regime: 'household_permit', passed: ['HOUSEHOLD_PERMIT_VALID'] },
  ],
  [
    'a household employer in Kazakhstan and a permit for another region',
    {
      ...kz,
      citizenship: 'TJ',
      employer: { kind: 'individual' },
      documents: [doc('household_permit', 'KZ-71', '2026-09-01', '2027-08-31')],
    },
    {
      status: 'conditional',
      regime: 'household_permit',
      failed: ['HOUSEHOLD_PERMIT_REGION'],
      steps: ['OBTAIN_HOUSEHOLD_PERMIT'],
    },
  ],
  [
    'a company in Kazakhstan holding a permit for the region',
    { ...kz, ...company(true), documents: [doc('work_permit', 'KZ-75', '2026-01-01', '2027-01-01')] },
    { status: 'eligible', regime: 'work_permit', passed: ['WORK_PERMIT_VALID'] },
  ],
  [
    'a company in Kazakhstan with quota but no permit yet',
    { ...kz, ...company(true) },
    { status: 'conditional', regime: 'work_permit', steps: ['OBTAIN_WORK_PERMIT'] },
  ],
  [
    'no employer given in Kazakhstan',
    { ...kz, citizenship: 'CN' },
    { status: 'conditional', regime: 'work_permit', steps: ['CHECK_EMPLOYER_QUOTA', 'OBTAIN_WORK_PERMIT'] },
  ],
  [
    'a company in Kazakhstan without quota: permits outside quota need legal advice',
    { ...kz, citizenship: 'TJ', ...company(false) },
    { status: 'conditional', regime: 'work_permit', failed: ['EMPLOYER_QUOTA'], steps: ['LEGAL_ADVICE'] },
  ],
  [
    'a minor in Kazakhstan',
    { ...kz, birthDate: '2009-06-01', ...company(true) },
    { status: 'ineligible', regime: 'work_permit', failed: ['MINIMUM_AGE'] },
  ],
  // Occupations closed to a regime (test rule set ru-2027-01-01 from __fixtures__)
  [
    'an occupation closed to patent holders in the region',
    {
      startDate: '2027-03-01',
      occupationCode: '5223',
      documents: [patent('RU-MOW', '2027-12-31', '2027-01-01')],
    },
    { status: 'ineligible', regime: 'patent', passed: ['PATENT_VALID'], failed: ['OCCUPATION_OPEN'] },
  ],
  [
    'an occupation not on the closed list',
    {
      startDate: '2027-03-01',
      occupationCode: '7112',
      documents: [patent('RU-MOW', '2027-12-31', '2027-01-01')],
    },
    { status: 'eligible', regime: 'patent', passed: ['OCCUPATION_OPEN'] },
  ],
  [
    'no occupation given where some are closed',
    { startDate: '2027-03-01', documents: [patent('RU-MOW', '2027-12-31', '2027-01-01')] },
    { status: 'conditional', regime: 'patent', failed: ['OCCUPATION_OPEN'], steps: ['STATE_OCCUPATION'] },
  ],
  [
    'a closure on its last day',
    {
      startDate: '2027-06-30',
      workRegion: 'RU-SPE',
      occupationCode: '9313',
      documents: [patent('RU-SPE', '2027-12-31', '2027-01-01')],
    },
    { status: 'ineligible', regime: 'patent', failed: ['OCCUPATION_OPEN'] },
  ],
  [
    'the day after a closure ends',
    {
      startDate: '2027-07-01',
      workRegion: 'RU-SPE',
      occupationCode: '9313',
      documents: [patent('RU-SPE', '2027-12-31', '2027-01-01')],
    },
    { status: 'eligible', regime: 'patent' },
  ],
  [
    'a closure for patent holders does not apply to a work permit holder',
    {
      startDate: '2027-03-01',
      citizenship: 'CN',
      occupationCode: '5223',
      documents: [doc('work_permit', 'RU-MOW', '2027-01-01', '2027-12-31')],
    },
    { status: 'eligible', regime: 'work_permit' },
  ],
  [
    'a closure for work permit holders before it takes effect',
    {
      startDate: '2027-01-31',
      citizenship: 'CN',
      occupationCode: '9112',
      documents: [doc('work_permit', 'RU-MOW', '2027-01-01', '2027-12-31')],
    },
    { status: 'eligible', regime: 'work_permit' },
  ],
  [
    'a closure for work permit holders on the day it takes effect',
    {
      startDate: '2027-02-01',
      citizenship: 'CN',
      occupationCode: '9112',
      documents: [doc('work_permit', 'RU-MOW', '2027-01-01', '2027-12-31')],
    },
    { status: 'ineligible', regime: 'work_permit', failed: ['OCCUPATION_OPEN'] },
  ],
  // The later rule set raises the HQS threshold (invented in the fixture to 300,000 a month)
  [
    'the HQS threshold of the rule set in force on the day before the change',
    { startDate: '2026-12-31', citizenship: 'IN', ...rub(250000), ...company(false) },
    { status: 'conditional', regime: 'hqs', passed: ['HQS_SALARY'], steps: ['OBTAIN_HQS_PERMIT'] },
  ],
  [
    'the raised HQS threshold from the day the later rule set takes effect',
    { startDate: '2027-01-01', citizenship: 'IN', ...rub(250000), ...company(false) },
    { status: 'ineligible', regime: 'work_permit', failed: ['HQS_SALARY'] },
  ],
  ...visaCases(),
];

/**
 * DOMAIN.md's table for visa nationals, row by row, for three visa countries in each host country; `US` is listed
 * in no country group, so it is a visa national as "every other foreign national".
 */
function visaCases(): [string, Partial<EligibilityRequest>, Expected][] {
  const out: [string, Partial<EligibilityRequest>, Expected][] = [];
  const permit = (region: string) => doc('work_permit', region, '2026-06-01', '2027-06-01');
  for (const citizenship of ['US', 'CN', 'IN']) {
    const ru = (name: string, req: Partial<EligibilityRequest>, expected: Expected) =>
      out.push([`Russia, visa national ${citizenship}: ${name}`, { citizenship, ...req }, expected]);
    ru(
      'a work permit for the region',
      { ...company(false), documents: [permit('RU-MOW')] },
      {
        status: 'eligible',
        regime: 'work_permit',
        passed: ['WORK_PERMIT_VALID'],
      },
    );
    ru(
      'a work permit for another region, the employer has quota',
      { ...company(true), documents: [permit('RU-MOS')] },
      {
        status: 'conditional',
        regime: 'work_permit',
        failed: ['WORK_PERMIT_REGION'],
        passed: ['EMPLOYER_QUOTA'],
        steps: ['OBTAIN_WORK_PERMIT'],
      },
    );
    ru(
      'a work permit for another region, quota unknown',
      { documents: [permit('RU-SPE')] },
      {
        status: 'conditional',
        regime: 'work_permit',
        failed: ['WORK_PERMIT_REGION', 'EMPLOYER_QUOTA'],
        steps: ['CHECK_EMPLOYER_QUOTA', 'OBTAIN_WORK_PERMIT'],
      },
    );
    ru(
      'no permit, the employer has quota',
      { ...rub(90000), ...company(true) },
      {
        status: 'conditional',
        regime: 'work_permit',
        failed: ['WORK_PERMIT_VALID'],
        passed: ['EMPLOYER_QUOTA'],
        steps: ['OBTAIN_WORK_PERMIT'],
      },
    );
    ru(
      'no permit, quota unknown',
      { ...rub(90000) },
      {
        status: 'conditional',
        regime: 'work_permit',
        failed: ['WORK_PERMIT_VALID', 'EMPLOYER_QUOTA'],
        steps: ['CHECK_EMPLOYER_QUOTA', 'OBTAIN_WORK_PERMIT'],
      },
    );
    ru(
      'no quota and a salary below the HQS threshold',
      { ...rub(120000), ...company(false) },
      {
        status: 'ineligible',
        regime: 'work_permit',
        failed: ['WORK_PERMIT_VALID', 'EMPLOYER_QUOTA', 'HQS_SALARY'],
      },
    );
    ru(
      'no quota and no salary given',
      { ...company(false) },
      {
        status: 'conditional',
        regime: 'work_permit',
        failed: ['EMPLOYER_QUOTA', 'HQS_SALARY'],
        steps: ['CHECK_HQS_SALARY'],
      },
    );
    ru(
      'an HQS permit for the region',
      { documents: [doc('hqs_permit', 'RU-MOW', '2026-01-01', '2028-01-01')] },
      {
        status: 'eligible',
        regime: 'hqs',
        passed: ['HQS_PERMIT_VALID'],
      },
    );
    ru(
      'a salary at the HQS threshold, no permit yet',
      { ...rub(250000), ...company(false) },
      {
        status: 'conditional',
        regime: 'hqs',
        passed: ['HQS_SALARY'],
        steps: ['OBTAIN_HQS_PERMIT'],
      },
    );
    ru(
      'a residence permit',
      { documents: [doc('residence_permit', undefined, '2024-01-01', '2029-01-01')] },
      {
        status: 'eligible',
        regime: 'residence_permit',
      },
    );
    ru(
      'a TRP from another region',
      {
        documents: [doc('temporary_residence_permit', 'RU-MOS', '2025-01-01', '2028-01-01')],
      },
      { status: 'ineligible', regime: 'temporary_residence', failed: ['TEMPORARY_RESIDENCE_REGION'] },
    );

    const kzPermit = (region: string) => doc('work_permit', region, '2026-01-01', '2027-01-01');
    const kzCase = (name: string, req: Partial<EligibilityRequest>, expected: Expected) =>
      out.push([
        `Kazakhstan, visa national ${citizenship}: ${name}`,
        { ...kz, citizenship, ...req },
        expected,
      ]);
    kzCase(
      'the employer holds a permit for the region',
      { ...company(false), documents: [kzPermit('KZ-75')] },
      {
        status: 'eligible',
        regime: 'work_permit',
        passed: ['WORK_PERMIT_VALID'],
      },
    );
    kzCase(
      'a permit for another region, the employer has quota',
      {
        ...company(true),
        documents: [kzPermit('KZ-71')],
      },
      {
        status: 'conditional',
        regime: 'work_permit',
        failed: ['WORK_PERMIT_REGION'],
        steps: ['OBTAIN_WORK_PERMIT'],
      },
    );
    kzCase(
      'no permit, quota unknown',
      {},
      {
        status: 'conditional',
        regime: 'work_permit',
        failed: ['WORK_PERMIT_VALID', 'EMPLOYER_QUOTA'],
        steps: ['CHECK_EMPLOYER_QUOTA', 'OBTAIN_WORK_PERMIT'],
      },
    );
    kzCase(
      'no permit and no quota: outside the quota only in cases the law names',
      { ...company(false) },
      {
        status: 'conditional',
        regime: 'work_permit',
        failed: ['EMPLOYER_QUOTA'],
        steps: ['LEGAL_ADVICE'],
      },
    );
    kzCase(
      'a household employer and a permit for the region',
      {
        employer: { kind: 'individual' },
        documents: [doc('household_permit', 'KZ-75', '2026-09-01', '2027-08-31')],
      },
      { status: 'eligible', regime: 'household_permit', passed: ['HOUSEHOLD_PERMIT_VALID'] },
    );
    kzCase(
      'a household employer, no permit yet',
      { employer: { kind: 'individual' } },
      {
        status: 'conditional',
        regime: 'household_permit',
        steps: ['OBTAIN_HOUSEHOLD_PERMIT'],
      },
    );
  }
  return out;
}

function evaluate(
  overrides: Partial<EligibilityRequest>,
  lang: (typeof LANGS)[number] = 'en',
): EligibilityResult {
  const request = { ...base, ...overrides };
  const ruleSet = selectRuleSet(withFixtures, request.hostCountry, request.startDate) as RuleSet;
  return evaluateEligibility(request, ruleSet, lang);
}

const codes = (result: EligibilityResult, passed: boolean) =>
  result.checks.filter((check) => check.passed === passed).map((check) => check.code);

describe('evaluateEligibility', () => {
  it.each(cases)('%s', (_name, overrides, expected) => {
    const result = evaluate(overrides);

    expect(result.status).toBe(expected.status);
    expect(result.regime).toBe(expected.regime);
    expect(codes(result, true)).toEqual(expect.arrayContaining(expected.passed ?? []));
    expect(codes(result, false)).toEqual(expect.arrayContaining(expected.failed ?? []));
    expect(result.steps.map((step) => step.code)).toEqual(expected.steps ?? []);
  });

  it.each(cases)('keeps the status contract: %s', (_name, overrides) => {
    const result = evaluate(overrides);

    if (result.status === 'conditional') expect(result.steps.length).toBeGreaterThan(0);
    if (result.status === 'eligible') expect(result.steps).toEqual([]);
    if (result.status === 'ineligible') expect(codes(result, false).length).toBeGreaterThan(0);
    for (const check of result.checks) expect(check.legalBasis).not.toBe('');
  });

  it.each(cases)(
    'renders every message in every language without placeholders left: %s',
    (_name, overrides) => {
      for (const lang of LANGS) {
        const result = evaluate(overrides, lang);
        for (const { message } of [...result.checks, ...result.steps]) {
          expect(message?.trim() ?? '').not.toBe('');
          expect(message).not.toMatch(/\{\w+\}/);
        }
      }
    },
  );

  it.each(cases)(
    'gives the same verdict and first step without rendering the rest: %s',
    (_name, overrides) => {
      const request = { ...base, ...overrides };
      const ruleSet = selectRuleSet(withFixtures, request.hostCountry, request.startDate) as RuleSet;
      for (const lang of LANGS) {
        const full = evaluateEligibility(request, ruleSet, lang);
        const verdict = eligibilityVerdict(request, ruleSet, lang);
        expect(verdict).toEqual({
          status: full.status,
          regime: full.regime,
          ...(full.steps[0] ? { firstStep: full.steps[0].message } : {}),
        });
      }
    },
  );

  it('interpolates the region, dates and document names in the chosen language', () => {
    const result = evaluate(
      { documents: [patent('RU-MOS'), patent('RU-MOW', '2027-03-31', '2026-12-15')] },
      'ru',
    );

    expect(result.checks.find((c) => c.code === 'PATENT_VALID')?.message).toBe(
      'Ваш патент начинает действовать только с 15.12.2026 — это позже даты начала работы (01.12.2026).',
    );
    expect(result.steps).toEqual([
      {
        code: 'START_NOT_BEFORE',
        message:
          'Документ «патент» начинает действовать 15.12.2026. Договоритесь с работодателем, что вы начнёте работать не раньше этой даты.',
      },
    ]);
  });

  it('uses display names from reference data when given', () => {
    const ruleSet = selectRuleSet(production, 'RU', START) as RuleSet;
    const result = evaluateEligibility({ ...base, documents: [patent('RU-MOS')] }, ruleSet, 'en', {
      region: (code) => ({ 'RU-MOW': 'Moscow', 'RU-MOS': 'Moscow Oblast' })[code],
    });

    expect(result.checks.find((c) => c.code === 'PATENT_REGION')?.message).toContain(
      'issued for Moscow Oblast. A patent is valid only in the region that issued it, so it does not allow work in Moscow.',
    );
  });

  it('gives the deadline for the medical examination from the date of entry', () => {
    const result = evaluate({ documents: [card('work', '2026-11-20')] });

    expect(result.steps[0].message).toMatch(/^By 2026-12-20 \(30 days after entry\)/);
  });

  it('formats the HQS threshold for the reader', () => {
    const result = evaluate({ citizenship: 'IN', ...rub(250000), ...company(false) }, 'ru');

    expect(result.checks.find((c) => c.code === 'HQS_SALARY')?.message).toContain('250\u00a0000 рублей');
  });

  it('names the act behind a special citizenship as the legal basis of its referral', () => {
    const result = evaluate({ citizenship: 'UA' });

    expect(result.checks.find((c) => c.code === 'CITIZENSHIP_RULES')).toMatchObject({
      passed: false,
      legalBasis: expect.stringContaining('No. 585 of 27.08.2022'),
    });
  });

  it('names the rule set it applied', () => {
    expect(evaluate({}).ruleSet).toEqual({ id: 'ru-2024-03-01', effectiveFrom: '2024-03-01' });
    expect(evaluate({ startDate: '2027-01-01' }).ruleSet).toEqual({
      id: 'ru-2027-01-01',
      effectiveFrom: '2027-01-01',
    });
  });

  it('refuses a malformed request', () => {
    const ruleSet = selectRuleSet(production, 'RU', START) as RuleSet;

    expect(() => evaluateEligibility({ ...base, startDate: '2026-02-30' }, ruleSet, 'en')).toThrow(
      InvalidEligibilityRequestError,
    );
  });

  it('refuses a rule set for another country or not yet in force', () => {
    const ru = selectRuleSet(production, 'RU', START) as RuleSet;

    expect(() => evaluateEligibility({ ...base, hostCountry: 'KZ', workRegion: 'KZ-75' }, ru, 'en')).toThrow(
      RuleSetNotApplicableError,
    );
    expect(() => evaluateEligibility({ ...base, startDate: '2024-02-29' }, ru, 'en')).toThrow(
      RuleSetNotApplicableError,
    );
  });
});

describe('selectRuleSet', () => {
  it('picks the rule set with the latest effectiveFrom on or before the start date', () => {
    expect(selectRuleSet(withFixtures, 'RU', '2026-12-31')?.id).toBe('ru-2024-03-01');
    expect(selectRuleSet(withFixtures, 'RU', '2027-01-01')?.id).toBe('ru-2027-01-01');
    expect(selectRuleSet(withFixtures, 'RU', '2030-05-05')?.id).toBe('ru-2027-01-01');
    expect(selectRuleSet(withFixtures, 'KZ', '2027-01-01')?.id).toBe('kz-2024-01-01');
  });

  it('returns undefined before the first rule set and for a host country without one', () => {
    expect(selectRuleSet(production, 'RU', '2024-02-29')).toBeUndefined();
    expect(selectRuleSet(production, 'TJ', '2023-12-31')).toBeUndefined();
    expect(selectRuleSet(production, 'AM', START)).toBeUndefined();
  });

  it('does not load test fixtures in production', () => {
    expect(production.map((set) => set.id).sort()).toEqual([
      'kg-2024-01-01',
      'kz-2024-01-01',
      'ru-2024-03-01',
      'tj-2024-01-01',
      'uz-2024-01-01',
    ]);
  });
});
