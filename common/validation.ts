import { badUserInput } from './errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

/** Ids that cannot exist are dropped before they reach SQL, where they would be a type error. */
export const existingIdsOnly = (ids: readonly string[]): string[] => ids.filter(isUuid);

export function requireText(value: string, field: string, { min = 1, max = 200 } = {}): string {
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max) {
    throw badUserInput(`${field} must be between ${min} and ${max} characters.`, field);
  }
  return trimmed;
}

export function requireEmail(value: string, field = 'email'): string {
  const email = value.trim().toLowerCase();
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw badUserInput('That is not an email address.', field);
  return email;
}

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export function requireCurrency(code: string, field: string): string {
  if (!CURRENCIES.has(code)) throw badUserInput(`${code} is not an ISO 4217 currency code.`, field);
  return code;
}

export function requireTimeZone(timeZone: string, field: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    throw badUserInput(`${timeZone} is not an IANA time zone.`, field);
  }
}
