import { readFileSync } from 'node:fs';
import type { CodegenConfig } from '@graphql-codegen/cli';
import ts from 'typescript';
import { SUBGRAPHS } from './subgraphs/index.js';

/**
 * Every `<Type>Mapper` a subgraph's `src/mappers.ts` exports, as codegen mappers: resolvers of
 * `<Type>` then receive that type (a Kysely row, a reference) as their parent, with no casts.
 */
function mappersOf(name: string): Record<string, string> {
  const path = `subgraphs/${name}/src/mappers.ts`;
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022);
  const exported: string[] = [];
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      exported.push(...statement.exportClause.elements.map((element) => element.name.text));
    } else if ((ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement)) && statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) {
      exported.push(statement.name.text);
    }
  }
  return Object.fromEntries(exported.filter((mapper) => mapper.endsWith('Mapper')).map((mapper) => [mapper.slice(0, -'Mapper'.length), `../mappers.js#${mapper}`]));
}

/** Typed resolvers for one subgraph: its schema, its context (`<Name>Context` in `src/context.ts`) and mappers. */
function resolverTypes(name: string): CodegenConfig['generates'] {
  const context = `${name[0]!.toUpperCase()}${name.slice(1)}Context`;
  return {
    [`subgraphs/${name}/src/__generated__/resolvers-types.ts`]: {
      schema: `subgraphs/${name}/schema.graphql`,
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: `../context.js#${context}`,
        mappers: mappersOf(name),
        scalars: { DateTime: { input: 'Date', output: 'Date | string' }, SafeInt: 'number' },
      },
    },
  };
}

const config: CodegenConfig = {
  overwrite: true,
  generates: {
    ...Object.assign({}, ...SUBGRAPHS.map(({ name }) => resolverTypes(name))),
    'test/__generated__/operations.ts': {
      schema: 'schema/api.graphql',
      documents: ['test/operations/**/*.graphql'],
      plugins: ['typescript-operations', 'typed-document-node'],
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string', SafeInt: 'number' } },
    },
    // The portals' operations: typed documents for their code, and the trusted-documents manifest
    // (sha256 of each document, as the router and APQ clients compute it) the router may hold
    // portal browsers to.
    'portals/__generated__/': {
      schema: 'schema/api.graphql',
      documents: ['portals/*/**/*.graphql'],
      preset: 'client',
      presetConfig: { fragmentMasking: false, persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' } },
      config: { useTypeImports: true, enumsAsTypes: true, importExtension: '.js', scalars: { DateTime: 'string', SafeInt: 'number' } },
    },
  },
};

export default config;
