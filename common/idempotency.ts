import { createHash } from 'node:crypto';

/**
 * What a request asked, as a digest stored beside its idempotency key or reference: a replay with
 * the same digest gets the first result; another digest under the same key is
 * IDEMPOTENCY_KEY_REUSED (`idempotencyKeyReused` in errors.ts).
 */
export const requestHash = (request: unknown): string => createHash('sha256').update(JSON.stringify(request)).digest('hex');
