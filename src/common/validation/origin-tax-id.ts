/**
 * Taxpayer numbers of the countries of origin. Format only: no check-digit algorithm is published in an act we
 * can cite, so a well-formed number is accepted and the registry lookup (as for RU and KZ) is a separate step.
 * - TJ: ИНН, 9 digits, assigned by the tax authority (Tax Code of the Republic of Tajikistan, taxpayer
 *   registration).
 * - UZ: СТИР / INN, 9 digits (Tax Code of the Republic of Uzbekistan, taxpayer identification number).
 * - KG: ИНН, 14 digits (Tax Code of the Kyrgyz Republic, taxpayer registration); an individual's begins with
 *   1 or 2, an organisation's with 0.
 */
export const ORIGIN_TAX_ID_FORMATS = {
  TJ: /^\d{9}$/,
  UZ: /^\d{9}$/,
  KG: /^[0-2]\d{13}$/,
} as const;

export type OriginTaxIdCountry = keyof typeof ORIGIN_TAX_ID_FORMATS;

export function isOriginTaxIdCountry(country: string): country is OriginTaxIdCountry {
  return Object.prototype.hasOwnProperty.call(ORIGIN_TAX_ID_FORMATS, country);
}

export function isValidOriginTaxId(country: OriginTaxIdCountry, s: string): boolean {
  return ORIGIN_TAX_ID_FORMATS[country].test(s.trim());
}
