/** bigint columns arrive as strings from pg; amounts stay exact below 2^53 (the SafeInt scalar). */
export function money(amountMinor: string | number | bigint, currency: string) {
  const amount = Number(amountMinor);
  if (!Number.isSafeInteger(amount)) throw new Error(`amount ${amountMinor} is beyond SafeInt`);
  return { amountMinor: amount, currency };
}
