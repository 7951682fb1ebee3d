import { describe, expect, it } from 'vitest';
import { BatchedHydration } from '../src/subscriptions/batched-hydration.js';

const QUERY = `query Dashboard($__carrelEventIds: [ID!]!) { live: bookingEventsByIds(eventIds: $__carrelEventIds) { eventId booking { user { displayName } } } }`;

describe('a batch of events hydrated in one query', () => {
  const hydration = new BatchedHydration(QUERY);

  it('asks for every event of the batch by id, beside the subscription’s own variables', () => {
    expect(hydration.variables({ libraryId: 'l1' }, ['e1', 'e2'])).toEqual({ libraryId: 'l1', __carrelEventIds: ['e1', 'e2'] });
  });

  it('gives each event its item of the list under the subscriber’s alias, null where it may not be seen', () => {
    const items = [{ eventId: 'e1', booking: null }, null, { eventId: 'e3', booking: { user: { displayName: 'Ada' } } }];
    expect(hydration.split({ data: { live: items } }, 3)).toEqual([{ data: { live: items[0] } }, { data: { live: null } }, { data: { live: items[2] } }]);
  });

  it('gives an error to the event whose item it is on, re-rooted as a subscription’s result has it, and one of no event to all', () => {
    const onSecond = { message: 'Something went wrong on our side.', path: ['live', 1, 'booking', 'user'], extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    const onNone = { message: 'The users service is unavailable.', extensions: { code: 'SERVICE_UNAVAILABLE' } };
    const [first, second] = hydration.split({ data: { live: [{ eventId: 'e1', booking: null }, { eventId: 'e2', booking: { user: null } }] }, errors: [onSecond, onNone] }, 2);
    expect(first).toEqual({ data: { live: { eventId: 'e1', booking: null } }, errors: [onNone] });
    expect(second).toEqual({ data: { live: { eventId: 'e2', booking: { user: null } } }, errors: [{ ...onSecond, path: ['live', 'booking', 'user'] }, onNone] });
  });

  it('gives every event a failed request’s answer', () => {
    const failed = { data: null, errors: [{ message: 'Something went wrong on our side.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
    expect(hydration.split(failed, 2)).toEqual([failed, failed]);
  });
});
