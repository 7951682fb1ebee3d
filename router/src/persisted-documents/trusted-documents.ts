import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { getOperationAST, parse } from 'graphql';

interface TrustedDocument {
  body: string;
  /** The operation's name, for metric labels: trusted names are a bounded, known set. */
  operationName: string | undefined;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The documents the portals were built with, from the manifests `npm run codegen` writes
 * (`{ "sha256:<hex>": "<document>" }`, as @graphql-codegen's client preset emits them), found by
 * the sha256 of their text: the same hash an APQ client sends.
 */
export class TrustedDocuments {
  private constructor(private readonly byHash: ReadonlyMap<string, TrustedDocument>) {}

  static readonly NONE = new TrustedDocuments(new Map());

  /** Reads the manifests; a file missing, not JSON, or whose key is not its document's hash stops the router. */
  static load(paths: readonly string[]): TrustedDocuments {
    const byHash = new Map<string, TrustedDocument>();
    for (const path of paths) {
      if (!existsSync(path)) throw new Error(`Trusted documents: ${path} does not exist; run npm run codegen, or point TRUSTED_DOCUMENTS at the manifest.`);
      const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      for (const [key, body] of Object.entries(manifest)) {
        const hash = key.replace(/^sha256:/, '');
        if (typeof body !== 'string' || sha256(body) !== hash) throw new Error(`Trusted documents: ${path} lists ${key} for a document of another hash; regenerate it with npm run codegen.`);
        byHash.set(hash, { body, operationName: getOperationAST(parse(body))?.name?.value });
      }
    }
    return new TrustedDocuments(byHash);
  }

  get size(): number {
    return this.byHash.size;
  }

  has(hash: string | undefined): boolean {
    return hash !== undefined && this.byHash.has(hash);
  }

  body(hash: string): string | undefined {
    return this.byHash.get(hash)?.body;
  }

  operationName(hash: string | undefined): string | undefined {
    return hash === undefined ? undefined : this.byHash.get(hash)?.operationName;
  }

  /** Whether a document sent as text is one of them. */
  includesText(query: string): boolean {
    return this.byHash.has(sha256(query));
  }
}
