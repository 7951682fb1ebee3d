import type { TransactionSettings } from 'kysely';

/** The statement that opens a transaction with Kysely's settings, for our own drivers. */
export function beginStatement({ isolationLevel, accessMode }: TransactionSettings): string {
  const options = [isolationLevel && `isolation level ${isolationLevel}`, accessMode].filter(Boolean).join(' ');
  return options ? `start transaction ${options}` : 'begin';
}
