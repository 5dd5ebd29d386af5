import {
  isOriginTaxIdCountry,
  isValidOriginTaxId,
  OriginTaxIdCountry,
} from 'src/common/validation/origin-tax-id';

/**
 * Checksums of employer tax identifiers. A valid checksum says the number is well formed, not that the
 * organisation exists: registry lookups are a separate step.
 */

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN11_WEIGHTS = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

const BIN_WEIGHTS_1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const BIN_WEIGHTS_2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

function digitsOf(s: string): number[] {
  return [...s].map(Number);
}

function weighted(digits: number[], weights: number[]): number {
  return weights.reduce((sum, w, i) => sum + w * digits[i], 0);
}

function innCheckDigit(digits: number[], weights: number[]): number {
  return (weighted(digits, weights) % 11) % 10;
}

/**
 * Russian taxpayer number (ИНН): 10 digits for an organisation, 12 for an individual entrepreneur or
 * any individual, with the check digits of the Federal Tax Service (order of the Ministry of Taxes
 * БГ-3-09/178 of 03.03.2004). The first two digits are a tax office region code and cannot be 00.
 */
export function isValidInn(s: string): boolean {
  const value = s.trim();
  if (!/^\d{10}$|^\d{12}$/.test(value) || value.startsWith('00')) return false;
  const d = digitsOf(value);
  if (d.length === 10) return innCheckDigit(d, INN10_WEIGHTS) === d[9];
  return innCheckDigit(d, INN11_WEIGHTS) === d[10] && innCheckDigit(d, INN12_WEIGHTS) === d[11];
}

/** The 12th digit of a Kazakh BIN/IIN from its first 11 digits, or undefined when none exists. */
export function kzCheckDigit(first11: string): number | undefined {
  if (!/^\d{11}$/.test(first11)) return undefined;
  const d = digitsOf(first11);
  let c = weighted(d, BIN_WEIGHTS_1) % 11;
  if (c === 10) c = weighted(d, BIN_WEIGHTS_2) % 11;
  // Numbers whose second pass also gives 10 are never issued.
  return c === 10 ? undefined : c;
}

/**
 * Kazakh business identification number (БИН) or individual identification number (ИИН): 12 digits,
 * the last a check digit over weights 1..11, with a second pass over weights 3..11,1,2 when the first
 * gives 10.
 */
export function isValidBin(s: string): boolean {
  const value = s.trim();
  if (!/^\d{12}$/.test(value)) return false;
  const check = kzCheckDigit(value.slice(0, 11));
  return check !== undefined && check === Number(value[11]);
}

export type TaxIdCountry = 'RU' | 'KZ' | OriginTaxIdCountry;

/** The employer's tax identifier for its country: ИНН in Russia, БИН/ИИН in Kazakhstan. */
export function isValidTaxId(country: TaxIdCountry, s: string): boolean {
  if (country === 'RU') return isValidInn(s);
  if (country === 'KZ') return isValidBin(s);
  if (isOriginTaxIdCountry(country)) return isValidOriginTaxId(country, s);
  return false;
}
