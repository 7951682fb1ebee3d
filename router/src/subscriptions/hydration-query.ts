import {
  Kind,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
} from 'graphql';

export const EVENT_ID_VARIABLE = '__carrelEventId';

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

/**
 * Turns a subscription into the query that hydrates one of its events: the root field becomes
 * the owning subgraph's `<hydrationField>(eventId: $__carrelEventId)` under the same response key,
 * with the subscriber's selection, fragments, directives and variables as they were. The gateway
 * then plans and runs it like any query, across every subgraph the selection touches.
 */
export function hydrationQuery(document: DocumentNode, operation: OperationDefinitionNode, hydrationField: string): string {
  const root = operation.selectionSet.selections[0] as FieldNode;
  const field: FieldNode = {
    ...root,
    alias: { kind: Kind.NAME, value: root.alias?.value ?? root.name.value },
    name: { kind: Kind.NAME, value: hydrationField },
    arguments: [
      {
        kind: Kind.ARGUMENT,
        name: { kind: Kind.NAME, value: 'eventId' },
        value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: EVENT_ID_VARIABLE } },
      },
    ],
  };
  const fragments = document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION);
  const query: OperationDefinitionNode = {
    ...operation,
    operation: 'query' as OperationDefinitionNode['operation'],
    selectionSet: { kind: Kind.SELECTION_SET, selections: [field] },
  };
  // The subscription's own arguments (filters) are gone; keep only variables still used.
  const used = usedVariables([query, ...fragments]);
  const variableDefinitions: VariableDefinitionNode[] = [
    {
      kind: Kind.VARIABLE_DEFINITION,
      variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: EVENT_ID_VARIABLE } },
      type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } } },
    },
    ...(operation.variableDefinitions ?? []).filter((definition) => used.has(definition.variable.name.value)),
  ];
  return print({ kind: Kind.DOCUMENT, definitions: [{ ...query, variableDefinitions }, ...fragments] });
}

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
