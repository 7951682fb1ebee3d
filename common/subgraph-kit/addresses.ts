import { SUBGRAPHS, type SubgraphName } from '../../subgraphs/index.js';
import { z } from 'zod';
import { readConfig, type Env } from '../config.js';
import { PLATFORM_ENDPOINTS, type PlatformEndpoint } from './platform-endpoints.js';

type Upper = Uppercase<SubgraphName>;

/** `<NAME>_PORT`: where a subgraph listens. */
export const portVariable = (name: SubgraphName) => `${name.toUpperCase() as Upper}_PORT` as const;
/** `<NAME>_URL`: where the router finds a subgraph, overriding the supergraph's URL. */
export const urlVariable = (name: SubgraphName) => `${name.toUpperCase() as Upper}_URL` as const;

export const defaultGraphqlUrl = (name: SubgraphName) => `http://localhost:${entryOf(name).port}/graphql`;

/** The registry in the order to start it: the access-token issuer first, as the others are told where its keys are. */
export const startOrder = () => [...SUBGRAPHS].sort((a, b) => Number(issuesTokens(b)) - Number(issuesTokens(a)));
const issuesTokens = (entry: (typeof SUBGRAPHS)[number]) => (entry.serves as readonly PlatformEndpoint[]).includes('tokenKeys');

export function entryOf(name: string) {
  const entry = SUBGRAPHS.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`No subgraph named "${name}" in subgraphs/index.ts; there are ${SUBGRAPHS.map((known) => known.name).join(', ')}.`);
  return entry;
}

/**
 * Where a platform endpoint is: its variable (`JWKS_URL`, ...) when set, else on the subgraph the
 * registry says serves it, at the origin of that subgraph's `<NAME>_URL` or its default port.
 */
export function endpointUrl(endpoint: PlatformEndpoint, env: Env): string {
  const { path, variable } = PLATFORM_ENDPOINTS[endpoint];
  const configured = env[variable];
  if (configured) return readConfig(z.object({ [variable]: z.string().url() }), env)[variable] as string;
  const provider = SUBGRAPHS.find((entry) => (entry.serves as readonly PlatformEndpoint[]).includes(endpoint));
  if (!provider) throw new Error(`Set ${variable}: no subgraph in subgraphs/index.ts serves the ${endpoint} endpoint.`);
  return new URL(path, env[urlVariable(provider.name)] ?? defaultGraphqlUrl(provider.name)).href;
}
