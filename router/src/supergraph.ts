import { Kind, type ConstDirectiveNode, type DocumentNode } from 'graphql';

/** The subgraph name each `join__Graph` value stands for, e.g. `ACCOUNTS` → `accounts`. */
export function subgraphNames(supergraph: DocumentNode): Map<string, string> {
  const names = new Map<string, string>();
  for (const definition of supergraph.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const name = argument(value.directives?.find((directive) => directive.name.value === 'join__graph'), 'name');
      if (name?.kind === Kind.STRING) names.set(value.name.value, name.value);
    }
  }
  return names;
}

/** The subgraph that resolves `type.field`, as the supergraph's `@join__field` (or the type's only `@join__type`) says. */
export function owningSubgraph(supergraph: DocumentNode, type: string, field: string): string | undefined {
  const names = subgraphNames(supergraph);
  for (const definition of supergraph.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION || definition.name.value !== type) continue;
    const fieldNode = definition.fields?.find((candidate) => candidate.name.value === field);
    const graph =
      argument(fieldNode?.directives?.find((directive) => directive.name.value === 'join__field'), 'graph') ??
      argument(definition.directives?.find((directive) => directive.name.value === 'join__type'), 'graph');
    return graph?.kind === Kind.ENUM ? names.get(graph.value) : undefined;
  }
  return undefined;
}

export const argument = (directive: ConstDirectiveNode | undefined, name: string) => directive?.arguments?.find((candidate) => candidate.name.value === name)?.value;

/** Every (entity type, subgraph) pair of the supergraph where the subgraph resolves the type by a key. */
export function resolvableEntities(supergraph: DocumentNode): { type: string; subgraph: string }[] {
  const names = subgraphNames(supergraph);
  const entities: { type: string; subgraph: string }[] = [];
  for (const definition of supergraph.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'join__type') continue;
      const graph = argument(directive, 'graph');
      const resolvable = argument(directive, 'resolvable');
      if (!argument(directive, 'key') || graph?.kind !== Kind.ENUM) continue;
      if (resolvable?.kind === Kind.BOOLEAN && !resolvable.value) continue;
      entities.push({ type: definition.name.value, subgraph: names.get(graph.value) ?? `unknown graph ${graph.value}` });
    }
  }
  return entities;
}

/** Every Query and Mutation field of the supergraph, with the subgraph that resolves it and whether it is internal (`@inaccessible`). */
export function rootFieldsOf(supergraph: DocumentNode): { root: 'Query' | 'Mutation'; field: string; subgraph: string; internal: boolean }[] {
  return supergraph.definitions.flatMap((definition) =>
    definition.kind === Kind.OBJECT_TYPE_DEFINITION && (definition.name.value === 'Query' || definition.name.value === 'Mutation')
      ? (definition.fields ?? []).map((field) => ({
          root: definition.name.value as 'Query' | 'Mutation',
          field: field.name.value,
          subgraph: owningSubgraph(supergraph, definition.name.value, field.name.value) ?? 'unknown',
          internal: Boolean(field.directives?.some((directive) => directive.name.value === 'inaccessible')),
        }))
      : [],
  );
}
