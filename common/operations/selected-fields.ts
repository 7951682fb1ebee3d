import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The names of the fields a resolver's caller selects at `path` below the field being resolved
 * (`['nodes']` for a page's items), through fragments of every kind. `@skip` and `@include` are
 * not weighed: a field that might be selected counts, which only ever prefetches a little more.
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  let level: FieldNode[] = [...info.fieldNodes];
  for (const name of path) level = fieldsOf(level, info).filter((field) => field.name.value === name);
  return new Set(fieldsOf(level, info).map((field) => field.name.value));
}

function fieldsOf(fields: readonly FieldNode[], info: GraphQLResolveInfo): FieldNode[] {
  const found: FieldNode[] = [];
  const visit = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) found.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const field of fields) visit(field.selectionSet);
  return found;
}
