import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be mistaken for one another on a screen or a phone keypad (no I/L/1, O/0). */
export const ACCESS_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ACCESS_CODE_LENGTH = 8;

/** A fresh random access code: 8 characters of a 31-letter alphabet, about 40 bits. */
export function generateAccessCode(): string {
  let code = '';
  for (let i = 0; i < ACCESS_CODE_LENGTH; i++)
    code += ACCESS_CODE_ALPHABET[randomInt(ACCESS_CODE_ALPHABET.length)];
  return code;
}
