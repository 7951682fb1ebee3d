import {
  Kind,
  parse,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';
import type { EventSubscriptionDeclaration } from '../../../common/events/subscription-declarations.js';

export const EVENT_IDS_VARIABLE = '__carrelEventIds';

export interface SubscriptionShape {
  /** The subscription root field, e.g. `bookingEvents`. */
  fieldName: string;
  /** Where the result goes in the payload: the alias, or the field name. */
  responseKey: string;
  arguments: FieldNode['arguments'];
}

/** The single root field of a subscription operation (validation has ensured there is one). */
export function subscriptionShape(operation: OperationDefinitionNode): SubscriptionShape | null {
  const [selection] = operation.selectionSet.selections;
  if (operation.selectionSet.selections.length !== 1 || selection?.kind !== Kind.FIELD) return null;
  return { fieldName: selection.name.value, responseKey: selection.alias?.value ?? selection.name.value, arguments: selection.arguments };
}

/** The queries that serve one subscription: which events it receives, and one event's payload. */
export interface SubscriptionQueries {
  /** `{ filter: <filter field>(<the subscription's arguments>) { ... } }`, run once at subscribe time. */
  filter: string;
  /** The subscription as a query of events by `$__carrelEventIds`, run for each batch of events it receives. */
  hydration: string;
  /** The subscription's variables the hydration query still uses (not those only its arguments did). */
  hydrationVariables: string[];
}

const FILTER_SELECTION = (parse('{ tenantId eventTypes keys { key values } audience }').definitions[0] as OperationDefinitionNode).selectionSet;

/**
 * Turns a subscription into the queries the owning subgraph declared for it. The filter query
 * passes the root field's arguments, as written, to the `filter` field. The hydration query puts
 * the `events` field `(eventIds: $__carrelEventIds)` where the root field was, under the same
 * response key, with the subscriber's selection, fragments, directives and variables as they
 * were; the gateway then plans and runs it like any query, across every subgraph it touches.
 */
export function subscriptionQueries(document: DocumentNode, operation: OperationDefinitionNode, declaration: EventSubscriptionDeclaration): SubscriptionQueries {
  const root = operation.selectionSet.selections[0] as FieldNode;
  const fragments = document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION);
  const filter: FieldNode = { kind: Kind.FIELD, alias: name('filter'), name: name(declaration.filter), arguments: root.arguments ?? [], selectionSet: FILTER_SELECTION };
  const hydration: FieldNode = {
    ...root,
    alias: name(root.alias?.value ?? root.name.value),
    name: name(declaration.events),
    arguments: [{ kind: Kind.ARGUMENT, name: name('eventIds'), value: { kind: Kind.VARIABLE, name: name(EVENT_IDS_VARIABLE) } }],
  };
  const id = { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: name('ID') } } as const;
  const eventIds: VariableDefinitionNode = {
    kind: Kind.VARIABLE_DEFINITION,
    variable: { kind: Kind.VARIABLE, name: name(EVENT_IDS_VARIABLE) },
    type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.LIST_TYPE, type: id } },
  };
  const hydrationQuery = queryOf(operation, hydration, fragments, [eventIds]);
  return { filter: queryOf(operation, filter, []).text, hydration: hydrationQuery.text, hydrationVariables: hydrationQuery.variables };
}

/** A query with one root field, the subscription's variables that it still uses, and the fragments given. */
function queryOf(operation: OperationDefinitionNode, field: FieldNode, fragments: FragmentDefinitionNode[], extraVariables: VariableDefinitionNode[] = []) {
  const selectionSet: SelectionSetNode = { kind: Kind.SELECTION_SET, selections: [field] };
  const query: OperationDefinitionNode = { ...operation, operation: 'query' as OperationDefinitionNode['operation'], selectionSet };
  const used = usedVariables([query, ...fragments]);
  const kept = (operation.variableDefinitions ?? []).filter((definition) => used.has(definition.variable.name.value));
  return {
    text: print({ kind: Kind.DOCUMENT, definitions: [{ ...query, variableDefinitions: [...extraVariables, ...kept] }, ...fragments] }),
    variables: kept.map((definition) => definition.variable.name.value),
  };
}

const name = (value: string) => ({ kind: Kind.NAME, value }) as const;

function usedVariables(nodes: (OperationDefinitionNode | FragmentDefinitionNode)[]): Set<string> {
  const names = new Set<string>();
  for (const node of nodes) {
    visit(node, {
      VariableDefinition: () => false,
      Variable: (variable) => {
        names.add(variable.name.value);
      },
    });
  }
  return names;
}
