import { Kind, parse, print, type FieldNode, type FormattedExecutionResult, type GraphQLFormattedError, type OperationDefinitionNode, type VariableDefinitionNode } from 'graphql';
import { EVENT_ID_VARIABLE } from './hydration-query.js';

/**
 * One subscription's hydration query for several events at once: the event field repeated under
 * an alias per event (`_0`, `_1`, ...), each with its own event id, so the gateway plans and runs
 * one operation and the owning subgraph reads every event in one request (other subgraphs' fields
 * are still fetched per alias: the query planner does not merge fetches at different paths). The
 * answer is split back into what the single-event query would have answered for each. A batch of
 * one is the single-event query itself.
 */
export class BatchedHydration {
  private readonly document: ReturnType<typeof parse>;
  private readonly operation: OperationDefinitionNode;
  private readonly root: FieldNode;
  /** Where the single-event query puts its result: the subscriber's alias, or the field's name. */
  private readonly responseKey: string;
  private readonly texts = new Map<number, string>();

  constructor(private readonly single: string) {
    this.document = parse(single);
    this.operation = this.document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)!;
    this.root = this.operation.selectionSet.selections[0] as FieldNode;
    this.responseKey = this.root.alias?.value ?? this.root.name.value;
  }

  query(size: number): string {
    if (size === 1) return this.single;
    let text = this.texts.get(size);
    if (!text) {
      const indexes = Array.from({ length: size }, (_, index) => index);
      const eventIds: VariableDefinitionNode[] = indexes.map((index) => ({
        kind: Kind.VARIABLE_DEFINITION,
        variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: eventIdVariable(index) } },
        type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } } },
      }));
      const fields: FieldNode[] = indexes.map((index) => ({
        ...this.root,
        alias: { kind: Kind.NAME, value: aliasOf(index) },
        arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'eventId' }, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: eventIdVariable(index) } } }],
      }));
      const operation: OperationDefinitionNode = {
        ...this.operation,
        variableDefinitions: [...eventIds, ...(this.operation.variableDefinitions ?? []).filter((definition) => definition.variable.name.value !== EVENT_ID_VARIABLE)],
        selectionSet: { kind: Kind.SELECTION_SET, selections: fields },
      };
      text = print({ ...this.document, definitions: this.document.definitions.map((definition) => (definition === this.operation ? operation : definition)) });
      this.texts.set(size, text);
    }
    return text;
  }

  variables(subscriptionVariables: Record<string, unknown>, eventIds: readonly string[]): Record<string, unknown> {
    if (eventIds.length === 1) return { ...subscriptionVariables, [EVENT_ID_VARIABLE]: eventIds[0] };
    return { ...subscriptionVariables, ...Object.fromEntries(eventIds.map((eventId, index) => [eventIdVariable(index), eventId])) };
  }

  /**
   * Each event's share of a batch's answer: its alias's data under the subscriber's response key,
   * the errors whose path starts there (re-rooted the same way), and the errors of no one event
   * (a failed request, say) for every event, as each single query would have met them.
   */
  split(result: FormattedExecutionResult, size: number): FormattedExecutionResult[] {
    if (size === 1) return [result];
    const errorsByEvent: GraphQLFormattedError[][] = Array.from({ length: size }, () => []);
    for (const error of result.errors ?? []) {
      const index = typeof error.path?.[0] === 'string' ? indexOfAlias(error.path[0]) : undefined;
      if (index !== undefined && index < size) errorsByEvent[index]!.push({ ...error, path: [this.responseKey, ...error.path!.slice(1)] });
      else for (const errors of errorsByEvent) errors.push(error);
    }
    return errorsByEvent.map((errors, index) => {
      const alias = aliasOf(index);
      const data = result.data == null ? result.data : alias in result.data ? { [this.responseKey]: result.data[alias] } : {};
      return {
        ...(data !== undefined ? { data } : {}),
        ...(errors.length > 0 ? { errors } : {}),
        ...(result.extensions ? { extensions: result.extensions } : {}),
      };
    });
  }
}

const aliasOf = (index: number) => `_${index}`;
const eventIdVariable = (index: number) => `${EVENT_ID_VARIABLE}_${index}`;

function indexOfAlias(key: string): number | undefined {
  const match = /^_(\d+)$/.exec(key);
  return match ? Number(match[1]) : undefined;
}
