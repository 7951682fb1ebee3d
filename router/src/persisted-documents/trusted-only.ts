import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { withHttpStatus } from '../../../common/errors.js';
import type { TrustedDocuments } from './trusted-documents.js';

const NOT_TRUSTED_CODE = 'PERSISTED_QUERY_NOT_IN_LIST';

const notTrusted = () => new GraphQLError('This portal may run only the operations it was built with (its trusted documents).', { extensions: { code: NOT_TRUSTED_CODE } });

/** Whether a request from `origin` must run a trusted document: a portal's page, when the setting says so. */
export function portalHeldToTrusted(onlyForPortals: boolean, portalOrigins: readonly string[]) {
  const portals = new Set(portalOrigins);
  return (origin: string | null | undefined): boolean => onlyForPortals && !!origin && portals.has(origin);
}

/**
 * Holds browsers of the portals' origins to the trusted documents: a page running something else
 * (injected script, a tampered build) is refused before planning. Other callers (integrators'
 * servers, the router's own explorer) are unaffected; the cost and rate limits hold them.
 */
export function trustedOnlyPlugin<Context extends object>(trusted: TrustedDocuments, heldToTrusted: (origin: string | null | undefined) => boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, queryHash }) {
          if (heldToTrusted(request.http?.headers.get('origin')) && !trusted.has(queryHash)) throw withHttpStatus(notTrusted());
        },
      };
    },
  };
}

/** What a subscriber sends over graphql-ws: the document's text, or `''` and its hash. */
export interface SubscribePayload {
  query: string;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } } | null;
}

/**
 * The document a subscribe message asks for: its text, or the trusted document of its hash
 * (graphql-ws requires a `query` string, so a portal sends `''` with the hash, as over HTTP).
 * Held to the trusted documents when the socket was opened by a portal's page held to them.
 */
export function subscriptionDocument(trusted: TrustedDocuments, heldToTrusted: (origin: string | undefined) => boolean) {
  return (payload: SubscribePayload, origin: string | undefined): string | GraphQLError => {
    const hash = payload.extensions?.persistedQuery?.sha256Hash;
    const query = payload.query || (typeof hash === 'string' ? trusted.body(hash) : undefined);
    if (query === undefined) return new GraphQLError('PersistedQueryNotFound', { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
    if (heldToTrusted(origin) && !trusted.includesText(query)) return notTrusted();
    return query;
  };
}
