import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { placeholdersOf } from 'src/modules/eligibility/eligibility.catalogue';
import { LANGS, LocalizedText, RuleSet } from 'src/modules/eligibility/eligibility.types';
import { loadRuleSets, RULE_SET_DIR } from 'src/modules/eligibility/rule-set.loader';
import { RuleSetValidationError, validateRuleSet } from 'src/modules/eligibility/rule-set.validator';

/** Every rule file, the test fixtures included, so that they cannot rot. */
function ruleFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ruleFiles(full);
    return entry.name.endsWith('.json') ? [full] : [];
  });
}

const files = ruleFiles(RULE_SET_DIR).map((file) => ({
  name: path.relative(RULE_SET_DIR, file),
  ruleSet: JSON.parse(fs.readFileSync(file, 'utf8')) as RuleSet,
}));

/** [where, text] for every message of a rule set. */
function messagesOf(ruleSet: RuleSet): [string, LocalizedText][] {
  const out: [string, LocalizedText][] = [];
  for (const kind of ['checks', 'steps'] as const) {
    for (const [code, definition] of Object.entries(ruleSet[kind])) {
      for (const [variant, text] of Object.entries(definition.messages))
        out.push([`${kind}.${code}.${variant}`, text]);
    }
  }
  return out;
}

const production = (ruleSet: RuleSet) => JSON.parse(JSON.stringify(ruleSet)) as Record<string, unknown>;
const ru = () => production(files.find((f) => f.name === 'ru-2024-03-01.json')!.ruleSet);

describe.each(files)('rule file $name', ({ name, ruleSet }) => {
  it('passes the schema', () => {
    expect(validateRuleSet(ruleSet)).toEqual([]);
    expect(path.basename(name, '.json')).toBe(ruleSet.id);
  });

  it('has every check and step message in all five languages', () => {
    const messages = messagesOf(ruleSet);
    expect(messages.length).toBeGreaterThan(0);
    for (const [where, text] of messages) {
      for (const lang of LANGS)
        expect({ where, lang, text: text[lang]?.trim() || '' }).not.toMatchObject({ text: '' });
    }
  });

  it('gives a legal basis for every check', () => {
    for (const [code, check] of Object.entries(ruleSet.checks)) {
      expect({ code, legalBasis: check.legalBasis?.trim() || '' }).not.toMatchObject({ legalBasis: '' });
    }
    for (const closure of ruleSet.closedOccupations) expect(closure.legalBasis.trim()).not.toBe('');
  });

  it('uses the same parameters in every translation of a message', () => {
    for (const [where, text] of messagesOf(ruleSet)) {
      const expected = placeholdersOf(text.en).sort();
      for (const lang of LANGS)
        expect({ where, lang, params: placeholdersOf(text[lang]).sort() }).toEqual({
          where,
          lang,
          params: expected,
        });
    }
  });

  it('writes Uzbek with oʻ/gʻ and Tajik, Kyrgyz and Russian in Cyrillic', () => {
    const texts = [
      ...messagesOf(ruleSet).map(([where, text]) => [where, text] as const),
      ...Object.entries(ruleSet.documentNames),
    ];
    for (const [where, text] of texts) {
      // An ASCII apostrophe or backtick after o/g is the common misspelling of oʻ/gʻ.
      expect({ where, uz: /[oOgG]['`‘’]/.test(text.uz) }).toEqual({ where, uz: false });
      for (const lang of ['ru', 'tg', 'ky'] as const) {
        const withoutParams = text[lang].replace(/\{\w+\}/g, '');
        expect({ where, lang, latin: /[A-Za-z]/.test(withoutParams) }).toEqual({ where, lang, latin: false });
      }
    }
  });
});

describe('validateRuleSet', () => {
  it('names the field of a missing translation', () => {
    const broken = ru() as { checks: Record<string, { messages: Record<string, Partial<LocalizedText>> }> };
    delete broken.checks.PATENT_REGION.messages.failed.uz;

    expect(validateRuleSet(broken)).toEqual([
      'checks.PATENT_REGION.messages.failed.uz: must be a non-empty string',
    ]);
  });

  it('names the field of a check without a legal basis', () => {
    const broken = ru() as { checks: Record<string, { legalBasis?: string }> };
    broken.checks.HQS_SALARY.legalBasis = ' ';

    expect(validateRuleSet(broken)).toEqual(['checks.HQS_SALARY.legalBasis: must be a non-empty string']);
  });

  it('reports a message the engine needs but the rule set lacks', () => {
    const broken = ru() as { steps: Record<string, unknown> };
    delete broken.steps.OBTAIN_PATENT;

    expect(validateRuleSet(broken)).toEqual([
      'steps.OBTAIN_PATENT: missing; the engine reports it for this rule set',
    ]);
  });

  it('rejects an unknown parameter in a message', () => {
    const broken = ru() as { steps: Record<string, { messages: Record<string, Record<string, string>> }> };
    broken.steps.OBTAIN_PATENT.messages.default.en = 'Apply for a patent for {regoin}.';

    expect(validateRuleSet(broken)).toEqual([
      'steps.OBTAIN_PATENT.messages.default.en: unknown parameter {regoin}; allowed: {region}',
    ]);
  });

  it('rejects bad values and dates in the law data', () => {
    const broken = ru();
    broken.effectiveFrom = '2024-02-30';
    broken.hqs = { quarterlySalaryThreshold: -1 };
    broken.countryGroups = {
      eaeu: ['AM', 'BY', 'KZ', 'KG'],
      patent: ['UZ', 'KG'],
      visa: [],
      legalAdvice: ['RU'],
    };
    broken.specialCitizenships = { RU: { legalBasis: 'an act', since: '2022-08-27', note: 'why' } };
    broken.closedOccupations = [
      {
        regime: 'patent',
        region: 'KZ-75',
        occupationCodes: ['512'],
        from: '2027-02-01',
        until: '2027-01-01',
        legalBasis: '',
      },
    ];

    expect(validateRuleSet(broken)).toEqual([
      'effectiveFrom: must be an existing date written YYYY-MM-DD',
      'countryGroups.patent[1]: KG is already in countryGroups.eaeu',
      'countryGroups.legalAdvice[0]: RU is the host country; its citizens need no group',
      'hqs.quarterlySalaryThreshold: must be a positive amount in the rule set currency',
      'closedOccupations[0].region: must be a region of RU',
      'closedOccupations[0].occupationCodes[0]: must be a 4-digit ISCO-08 unit group',
      'closedOccupations[0].until: must not be before from',
      'closedOccupations[0].legalBasis: must be a non-empty string',
    ]);
  });

  it('names the act behind every citizenship referred to legal advice, and only those', () => {
    const missing = ru();
    delete missing.specialCitizenships;
    expect(validateRuleSet(missing)).toEqual([
      'countryGroups.legalAdvice[0]: UA needs an entry in specialCitizenships',
    ]);

    const unlisted = ru() as { specialCitizenships: Record<string, unknown> };
    unlisted.specialCitizenships.GE = { legalBasis: '', since: '2023-02-30', note: 'x' };
    expect(validateRuleSet(unlisted)).toEqual([
      'specialCitizenships.GE: GE is not listed in countryGroups.legalAdvice',
      'specialCitizenships.GE.legalBasis: must be a non-empty string',
      'specialCitizenships.GE.since: must be an existing date written YYYY-MM-DD',
    ]);
  });

  it('rejects unknown fields and codes, which are usually typos', () => {
    const broken = ru() as Record<string, unknown> & { checks: Record<string, unknown> };
    broken.efectiveFrom = '2024-03-01';
    broken.checks.PATENT_VALIDD = broken.checks.PATENT_VALID;

    const errors = validateRuleSet(broken);
    expect(errors).toContain('efectiveFrom: unknown field');
    expect(errors.some((e) => e.startsWith('checks.PATENT_VALIDD: unknown code'))).toBe(true);
  });
});

describe('loadRuleSets', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rule-sets-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('fails on a broken file, naming the file and the field', () => {
    const broken = ru() as { regimeOrder: string[] };
    broken.regimeOrder = ['citizen', 'patnet'];
    fs.writeFileSync(path.join(dir, 'ru-2024-03-01.json'), JSON.stringify(broken));

    expect(() => loadRuleSets(dir)).toThrow(RuleSetValidationError);
    expect(() => loadRuleSets(dir)).toThrow(
      /ru-2024-03-01\.json[\s\S]*regimeOrder\[1\]: must be one of citizen/,
    );
  });

  it('fails on a file whose name is not its id', () => {
    fs.writeFileSync(path.join(dir, 'ru-latest.json'), JSON.stringify(ru()));

    expect(() => loadRuleSets(dir)).toThrow(/ru-latest\.json[\s\S]*id: must equal the file name/);
  });

  it('fails on invalid JSON', () => {
    fs.writeFileSync(path.join(dir, 'ru-2024-03-01.json'), '{ "id": ');

    expect(() => loadRuleSets(dir)).toThrow(/ru-2024-03-01\.json[\s\S]*not readable JSON/);
  });

  it('loads only the files directly in the folder', () => {
    fs.mkdirSync(path.join(dir, '__fixtures__'));
    fs.writeFileSync(path.join(dir, '__fixtures__', 'broken.json'), '{}');
    fs.writeFileSync(path.join(dir, 'ru-2024-03-01.json'), JSON.stringify(ru()));

    expect(loadRuleSets(dir).map((set) => set.id)).toEqual(['ru-2024-03-01']);
  });
});
