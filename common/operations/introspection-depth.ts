import { GraphQLError, Kind, type FragmentDefinitionNode, type SelectionSetNode, type ValidationRule } from 'graphql';

/**
 * Deep enough for GraphiQL and codegen (graphql-js's introspection query goes 14 deep, nine of
 * them `ofType`), not for a chain built to make the server walk.
 */
export const MAX_INTROSPECTION_DEPTH = 15;

/**
 * Limits the depth of `__schema` and `__type` selections, which depth limits meant for data
 * (graphql-armor's) let through.
 */
export const introspectionDepthRule =
  (max = MAX_INTROSPECTION_DEPTH): ValidationRule =>
  (context) => {
    const fragments = new Map(context.getDocument().definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [])));
    return {
      Field(node) {
        if (node.name.value !== '__schema' && node.name.value !== '__type') return;
        const depth = 1 + depthOf(node.selectionSet, fragments, new Set());
        if (depth > max) context.reportError(new GraphQLError(`Introspection depth limit of ${max} exceeded, found ${depth}.`, { nodes: [node] }));
        return false;
      },
    };
  };

function depthOf(selectionSet: SelectionSetNode | undefined, fragments: ReadonlyMap<string, FragmentDefinitionNode>, visiting: Set<string>): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, fragments, visiting));
    else if (selection.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, visiting));
    else if (!visiting.has(selection.name.value)) {
      visiting.add(selection.name.value);
      deepest = Math.max(deepest, depthOf(fragments.get(selection.name.value)?.selectionSet, fragments, visiting));
      visiting.delete(selection.name.value);
    }
  }
  return deepest;
}
