import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * A phone number in E.164 form (+79161234567), or undefined when the input is not a valid number.
 * A national number ("8 916 123-45-67") is read in `defaultCountry`; Russia and Kazakhstan share +7
 * and are told apart by the number's area code.
 */
export function normalizePhone(input: string, defaultCountry?: CountryCode): string | undefined {
  if (!input || input.length > 64) return undefined;
  const phone = parsePhoneNumberFromString(input.trim(), defaultCountry);
  if (!phone || !phone.isValid()) return undefined;
  return phone.number;
}
