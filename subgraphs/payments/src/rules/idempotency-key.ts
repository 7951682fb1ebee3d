import { badUserInput } from '../../../../common/errors.js';

/** A client's idempotency key: a UUID or similar token, not free text. */
export function requireIdempotencyKey(key: string): string {
  if (!/^[A-Za-z0-9_.:-]{8,100}$/.test(key)) throw badUserInput('idempotencyKey must be 8 to 100 letters, digits or -_.: (a UUID will do).', 'idempotencyKey');
  return key;
}
