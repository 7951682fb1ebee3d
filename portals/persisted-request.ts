import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { getOperationAST, type DocumentNode } from 'graphql';

/** A generated document (portals/__generated__/graphql.ts) carries the hash the manifest lists it under. */
type WithHash = { __meta__?: { hash?: string } };

/** The APQ extension naming a document by hash, as the router (and Apollo Server) reads it. */
export function persistedQueryExtension(document: DocumentNode & WithHash) {
  const hash = document.__meta__?.hash;
  if (!hash?.startsWith('sha256:')) throw new Error('Not a persisted document: generate it with npm run codegen (portals/__generated__).');
  return { persistedQuery: { version: 1, sha256Hash: hash.slice('sha256:'.length) } };
}

/**
 * The body of a `POST /graphql` that runs a trusted document by its hash alone: what a portal
 * sends instead of the document's text.
 */
export function persistedRequestBody<Result, Variables>(document: TypedDocumentNode<Result, Variables> & WithHash, variables?: Variables) {
  return {
    operationName: getOperationAST(document)?.name?.value,
    ...(variables ? { variables } : {}),
    extensions: persistedQueryExtension(document),
  };
}
