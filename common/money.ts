import { badUserInput } from './errors.js';
import { requireCurrency } from './validation.js';

/** An amount in integer minor units (paise, pence, cents) of an ISO 4217 currency: the `Money` type. */
export interface Money {
  amountMinor: number;
  currency: string;
}

/** Money from a row: bigint columns arrive as strings from pg, and stay exact below 2^53 (the SafeInt scalar). */
export function money(amountMinor: string | number | bigint, currency: string): Money {
  const amount = Number(amountMinor);
  if (!Number.isSafeInteger(amount)) throw new Error(`amount ${amountMinor} is beyond SafeInt`);
  return { amountMinor: amount, currency };
}

/** A `MoneyInput` checked: whole minor units from 0 to `max`, and a real currency code. */
export function requireMoney(input: Money, field: string, { max }: { max: number }): Money {
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor < 0 || input.amountMinor > max) {
    throw badUserInput(`The amount must be a whole number of minor units from 0 to ${max}.`, `${field}.amountMinor`);
  }
  return { amountMinor: input.amountMinor, currency: requireCurrency(input.currency, `${field}.currency`) };
}
