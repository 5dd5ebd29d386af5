import { validateEligibilityRequest } from 'src/modules/eligibility/eligibility-request.validator';

const valid = {
  hostCountry: 'RU',
  workRegion: 'RU-MOW',
  citizenship: 'UZ',
  birthDate: '1996-03-14',
  startDate: '2026-12-01',
  occupationCode: '7112',
  monthlySalary: { amount: 90000, currency: 'RUB' },
  employer: { kind: 'company', quotaAvailable: true },
  documents: [
    { type: 'patent', region: 'RU-MOS', validFrom: '2026-06-01', validUntil: '2026-12-31' },
    { type: 'migration_card', purpose: 'work', issuedAt: '2026-05-20' },
  ],
};

describe('validateEligibilityRequest', () => {
  it('accepts the example request from the issue', () => {
    expect(validateEligibilityRequest(valid)).toEqual([]);
  });

  it('accepts a request with only the required fields', () => {
    const { hostCountry, workRegion, citizenship, birthDate, startDate } = valid;
    expect(
      validateEligibilityRequest({ hostCountry, workRegion, citizenship, birthDate, startDate }),
    ).toEqual([]);
  });

  it.each([
    [
      'an impossible date',
      { startDate: '2026-02-30' },
      'startDate',
      'must be an existing date written YYYY-MM-DD',
    ],
    [
      '29 February of a common year',
      { birthDate: '2001-02-29' },
      'birthDate',
      'must be an existing date written YYYY-MM-DD',
    ],
    [
      'a date in another format',
      { startDate: '01.12.2026' },
      'startDate',
      'must be an existing date written YYYY-MM-DD',
    ],
    ['a birth after the start', { birthDate: '2027-01-01' }, 'birthDate', 'must not be after startDate'],
    [
      'a lower-case country code',
      { citizenship: 'uz' },
      'citizenship',
      'must be an ISO 3166-1 alpha-2 code such as UZ',
    ],
    ['a region of another country', { workRegion: 'KZ-75' }, 'workRegion', 'must be a region of RU'],
    [
      'a 3-digit occupation',
      { occupationCode: '711' },
      'occupationCode',
      'must be a 4-digit ISCO-08 unit group such as 7112',
    ],
    [
      'a negative salary',
      { monthlySalary: { amount: -1, currency: 'RUB' } },
      'monthlySalary.amount',
      'must be a number, 0 or more',
    ],
    [
      'an unknown employer kind',
      { employer: { kind: 'agency' } },
      'employer.kind',
      'must be one of company, individual',
    ],
    [
      'a quota that is not a boolean',
      { employer: { kind: 'company', quotaAvailable: 'yes' } },
      'employer.quotaAvailable',
      'must be true or false',
    ],
    ['documents that are not a list', { documents: {} }, 'documents', 'must be an array'],
    ['a misspelt field', { startdate: '2026-12-01' }, 'startdate', 'unknown field'],
  ])('reports %s', (_name, change, field, message) => {
    expect(validateEligibilityRequest({ ...valid, ...change })).toEqual([{ field, message }]);
  });

  it.each([
    [
      'validFrom after validUntil',
      { validFrom: '2027-01-01', validUntil: '2026-12-31' },
      'documents[0].validFrom',
      'must not be after validUntil',
    ],
    [
      'an impossible validUntil',
      { validUntil: '2026-11-31' },
      'documents[0].validUntil',
      'must be an existing date written YYYY-MM-DD',
    ],
    [
      'an unknown type',
      { type: 'visa' },
      'documents[0].type',
      expect.stringMatching(/^must be one of passport, /),
    ],
    [
      'a purpose on a patent',
      { purpose: 'work' },
      'documents[0].purpose',
      'applies only to a migration_card',
    ],
    ['a misspelt bound', { validUntill: '2026-12-31' }, 'documents[0].validUntill', 'unknown field'],
    ['a region of another country', { region: 'KZ-71' }, 'documents[0].region', 'must be a region of RU'],
  ])('reports a document with %s', (_name, change, field, message) => {
    const documents = [{ ...valid.documents[0], ...change }, valid.documents[1]];
    expect(validateEligibilityRequest({ ...valid, documents })).toEqual([{ field, message }]);
  });

  it('reports a migration card purpose outside the list', () => {
    const documents = [valid.documents[0], { ...valid.documents[1], purpose: 'holiday' }];
    expect(validateEligibilityRequest({ ...valid, documents })).toEqual([
      { field: 'documents[1].purpose', message: 'must be one of work, study, private, tourism, business' },
    ]);
  });

  it('refuses something that is not an object', () => {
    expect(validateEligibilityRequest(null)).toEqual([{ field: '', message: 'must be an object' }]);
  });
});
