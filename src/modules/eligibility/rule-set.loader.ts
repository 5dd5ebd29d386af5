/** Reads the rule sets (law as data) from JSON files and picks the one in force on a date. */
import * as fs from 'fs';
import * as path from 'path';
import { IsoDate, RuleSet } from 'src/modules/eligibility/eligibility.types';
import { assertValidRuleSet, RuleSetValidationError } from 'src/modules/eligibility/rule-set.validator';

/**
 * The rule-set folder: beside this file under ts-jest and ts-node, otherwise
 * `src/modules/eligibility/rule-sets` under the nearest folder with a package.json, since tsc does not copy
 * the JSON files to `dist/src/`.
 */
export function resolveRuleSetDir(start: string = __dirname): string {
  const beside = path.join(start, 'rule-sets');
  if (fs.existsSync(beside)) return beside;
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) {
      const candidate = path.join(dir, 'src', 'modules', 'eligibility', 'rule-sets');
      if (fs.existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(
    `Rule-set folder not found from ${start}: ship src/modules/eligibility/rule-sets with the build`,
  );
}

/** Only the JSON files directly in this folder are production rule sets; sub-folders (test fixtures) are not read. */
export const RULE_SET_DIR = resolveRuleSetDir();

export function loadRuleSetFile(file: string): RuleSet {
  const source = path.basename(file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new RuleSetValidationError(source, [`not readable JSON: ${(error as Error).message}`]);
  }
  const ruleSet = assertValidRuleSet(parsed, source);
  // The file name is how people find a rule set; keeping it equal to the id avoids two names for one thing.
  if (ruleSet.id !== path.basename(file, '.json')) {
    throw new RuleSetValidationError(source, [
      `id: must equal the file name without .json, got "${ruleSet.id}"`,
    ]);
  }
  return ruleSet;
}

/** Loads and validates every `*.json` file in `dir`; fails on the first invalid file, naming it and its fields. */
export function loadRuleSets(dir: string = RULE_SET_DIR): RuleSet[] {
  const files = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => entry.name)
    .sort();
  const sets = files.map((name) => loadRuleSetFile(path.join(dir, name)));
  const seen = new Map<string, string>();
  for (const set of sets) {
    const key = `${set.hostCountry} ${set.effectiveFrom}`;
    const other = seen.get(key);
    if (other) {
      throw new RuleSetValidationError(`${set.id}.json`, [
        `effectiveFrom: ${other}.json already takes effect for ${set.hostCountry} on ${set.effectiveFrom}`,
      ]);
    }
    seen.set(key, set.id);
  }
  return sets;
}

/** The rule set in force on `startDate`: the latest effectiveFrom on or before it. Undefined when none covers it. */
export function selectRuleSet(
  sets: readonly RuleSet[],
  hostCountry: string,
  startDate: IsoDate,
): RuleSet | undefined {
  let chosen: RuleSet | undefined;
  for (const set of sets) {
    if (set.hostCountry !== hostCountry || set.effectiveFrom > startDate) continue;
    if (!chosen || set.effectiveFrom > chosen.effectiveFrom) chosen = set;
  }
  return chosen;
}
