import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SUBGRAPHS } from '../../subgraphs/index.js';

const repository = fileURLToPath(new URL('../../', import.meta.url));
/** Platform code: it may know subgraphs only through `subgraphs/index.ts`. Its tests may name them. */
const PLATFORM = ['router/src', 'common', 'stack', 'bench', 'scripts', 'codegen.ts'];

function sourceFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return /\.(ts|mts|js)$/.test(path) ? [path] : [];
  return readdirSync(path).flatMap((entry) => sourceFiles(join(path, entry)));
}

/** The code without its comments, which may speak of users and tenants in English. */
function code(file: string): string {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true, file.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  return ts.createPrinter({ removeComments: true }).printFile(source);
}

/** How code names a subgraph: as a string or path segment, by its variables, or as a key of a subgraph map. */
const references = (name: string) => [
  new RegExp(`(['"\`/])${name}\\1`),
  new RegExp(`subgraphs/${name}\\b`),
  new RegExp(`\\b${name.toUpperCase()}_[A-Z]`),
  new RegExp(`subgraphs(\\??\\.|\\[['"\`])${name}\\b`),
];

describe('platform code', () => {
  it('names no subgraph: router, common, stack, bench, scripts and codegen learn them from the registry', () => {
    const named: string[] = [];
    for (const file of PLATFORM.flatMap((path) => sourceFiles(join(repository, path)))) {
      const text = code(file);
      for (const { name } of SUBGRAPHS) {
        for (const pattern of references(name)) {
          const match = pattern.exec(text);
          if (match) named.push(`${relative(repository, file)}: ${match[0]}`);
        }
      }
    }
    expect(named).toEqual([]);
  });
});
