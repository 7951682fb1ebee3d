import { Kind, type ConstDirectiveNode, type DocumentNode } from 'graphql';

/** The name each `join__Graph` value stands for, e.g. `USERS` → `users`. */
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
