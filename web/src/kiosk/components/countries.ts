/** The citizenships offered by touch, most frequent first, and the phone prefix each one starts the phone with. */
export const MAIN_COUNTRIES = ['UZ', 'TJ', 'KG', 'KZ', 'AZ', 'MD', 'AM', 'BY'] as const;
export const PHONE_PREFIX: Record<string, string> = {
  UZ: '+998',
  TJ: '+992',
  KG: '+996',
  KZ: '+7',
  AZ: '+994',
  MD: '+373',
  AM: '+374',
  BY: '+375',
};
