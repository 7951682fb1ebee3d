import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { withHttpStatus } from '../../common/errors.js';
import type { RouterContext } from './context.js';
import type { RateLimits } from './rate-limits.js';

/**
 * Counts an operation that selects a `@credentialLimited` mutation field (sign-in, sign-up, a
 * password change) against the tighter per-IP limit, once the operation is known and before any
 * subgraph is called.
 */
export function credentialLimitPlugin(fields: ReadonlySet<string>, limits: RateLimits): ApolloServerPlugin<RouterContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (operation?.operation !== 'mutation') return;
          const fragments = new Map(document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [])));
          if (!selectsAny(operation.selectionSet, fields, fragments)) return;
          try {
            await limits.consume('credentials', contextValue.clientIp ?? 'unknown');
          } catch (error) {
            throw withHttpStatus(error as never);
          }
        },
      };
    },
  };
}

/** Whether the root selection reaches one of `fields`, through inline fragments and fragment spreads too. */
function selectsAny(selectionSet: SelectionSetNode, fields: ReadonlySet<string>, fragments: ReadonlyMap<string, FragmentDefinitionNode>, seen = new Set<string>()): boolean {
  return selectionSet.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) return fields.has(selection.name.value);
    if (selection.kind === Kind.INLINE_FRAGMENT) return selectsAny(selection.selectionSet, fields, fragments, seen);
    const fragment = fragments.get(selection.name.value);
    if (!fragment || seen.has(fragment.name.value)) return false;
    seen.add(fragment.name.value);
    return selectsAny(fragment.selectionSet, fields, fragments, seen);
  });
}
