import { badUserInput } from '../../../../common/errors.js';

/**
 * A phone number as E.164: `+`, a country code that does not start with 0, then the subscriber
 * number, 8 to 15 digits in all. Spaces, dashes and brackets people type are dropped first; an
 * empty string means "no number".
 */
export function phoneNumber(input: string): string | null {
  const compact = input.replace(/[\s\-()]/g, '');
  if (compact === '') return null;
  if (!/^\+[1-9]\d{7,14}$/.test(compact)) throw badUserInput('phone must be in international form, e.g. +919876543210.', 'phone');
  return compact;
}
