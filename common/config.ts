import { z } from 'zod';

/** Settings as environment variables: `process.env`, or what an in-process stack hands each service. */
export type Env = Record<string, string | undefined>;

/**
 * Configuration is read once at boot into a typed object. A bad value stops the process with
 * one message naming every offending variable, instead of failing later on first use.
 */
export function readConfig<S extends z.ZodType>(schema: S, env: Env = process.env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
/** An optional setting where empty counts as unset, as docker-compose passes a variable it has no value for. */
export const unsetIfEmpty = (schema: z.ZodString) => schema.optional().or(z.literal('').transform(() => undefined));

export const optionalUrl = z
  .string()
  .url()
  .optional()
  .or(z.literal('').transform(() => undefined));
export const milliseconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const DEFAULT_STATEMENT_TIMEOUT_MS = 6_000;

/** Connection settings shared by every subgraph, with per-service overrides (USERS_DATABASE_URL, ...). */
export const databaseEnv = (service: string) => {
  const prefix = service.toUpperCase();
  const serviceUrls: z.ZodType<Record<string, string | undefined>> = z.object({
    [`${prefix}_DATABASE_URL`]: optionalUrl,
    [`${prefix}_DATABASE_MIGRATION_URL`]: optionalUrl,
  });
  return z
    .object({
      DATABASE_URL: optionalUrl,
      DATABASE_MIGRATION_URL: optionalUrl,
      CARREL_DATA_DIR: z.string().default('.data'),
      // Past the router's subgraph timeout a statement's answer reaches no one: PostgreSQL
      // cancels it rather than leave it holding a connection and locks.
      DATABASE_STATEMENT_TIMEOUT_MS: milliseconds(DEFAULT_STATEMENT_TIMEOUT_MS),
    })
    .and(serviceUrls)
    .transform((env): DatabaseConfig => {
      const url = env[`${prefix}_DATABASE_URL`] ?? env.DATABASE_URL;
      if (!url) return { kind: 'pglite', dataDir: env.CARREL_DATA_DIR === ':memory:' ? undefined : `${env.CARREL_DATA_DIR}/${service}` };
      const migrationUrl = env[`${prefix}_DATABASE_MIGRATION_URL`] ?? env.DATABASE_MIGRATION_URL ?? url;
      return { kind: 'postgres', url, migrationUrl, schema: service, statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS };
    });
};

export type DatabaseConfig =
  | { kind: 'pglite'; /** undefined keeps the database in memory */ dataDir: string | undefined }
  | {
      kind: 'postgres';
      url: string;
      migrationUrl: string;
      schema: string;
      /** How long one statement of the application's may run; migrations are not limited. */
      statementTimeoutMs: number;
    };
