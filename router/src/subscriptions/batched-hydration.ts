import { Kind, parse, type FieldNode, type FormattedExecutionResult, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';
import { EVENT_IDS_VARIABLE } from './hydration-query.js';

/**
 * One subscription's hydration query, run for a batch of events at once: its `events` field takes
 * the batch's ids and answers a list, so the gateway plans one query for every batch size and
 * each subgraph the selection reaches is asked once per batch (one `_entities` call with every
 * event's representations). The answer is split back into what each event's subscribers get.
 */
export class BatchedHydration {
  /** Where the subscriber's result goes: the subscription's alias, or the field's name. */
  private readonly responseKey: string;

  constructor(readonly query: string) {
    const operation = parse(query).definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)!;
    const root = operation.selectionSet.selections[0] as FieldNode;
    this.responseKey = root.alias?.value ?? root.name.value;
  }

  variables(subscriptionVariables: Record<string, unknown>, eventIds: readonly string[]): Record<string, unknown> {
    return { ...subscriptionVariables, [EVENT_IDS_VARIABLE]: eventIds };
  }

  /**
   * Each event's share of a batch's answer: its item of the list under the response key, the
   * errors whose path goes through that item (re-rooted at the response key, as a subscription's
   * result has them), and the errors of no one event (a failed request, say) for every event.
   */
  split(result: FormattedExecutionResult, size: number): FormattedExecutionResult[] {
    const errorsByEvent: GraphQLFormattedError[][] = Array.from({ length: size }, () => []);
    for (const error of result.errors ?? []) {
      const index = error.path?.[0] === this.responseKey ? error.path[1] : undefined;
      if (typeof index === 'number' && index < size) errorsByEvent[index]!.push({ ...error, path: [this.responseKey, ...error.path!.slice(2)] });
      else for (const errors of errorsByEvent) errors.push(error);
    }
    const items = result.data?.[this.responseKey] as unknown[] | null | undefined;
    return errorsByEvent.map((errors, index) => {
      const data = result.data == null ? result.data : { [this.responseKey]: items?.[index] ?? null };
      return {
        ...(data !== undefined ? { data } : {}),
        ...(errors.length > 0 ? { errors } : {}),
        ...(result.extensions ? { extensions: result.extensions } : {}),
      };
    });
  }
}
