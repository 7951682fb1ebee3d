import { randomBytes, randomUUID } from 'node:crypto';
import type { CarrelEvent, EventBus } from '../../common/events/event.js';

/**
 * Collects what the bus delivers from now on. With Redis a live reader starts at the stream's
 * tail once connected, so we publish a probe until it comes back before trusting the recording.
 */
export async function recordEvents(bus: EventBus) {
  const probeType = `TEST_PROBE_${randomBytes(4).toString('hex')}`;
  const events: CarrelEvent[] = [];
  let listening = false;
  const stop = bus.subscribe((event) => {
    if (event.type === probeType) listening = true;
    else events.push(event);
  });
  const deadline = Date.now() + 5_000;
  while (!listening && Date.now() < deadline) {
    await bus.publish([{ id: randomUUID(), tenantId: randomUUID(), type: probeType, occurredAt: new Date().toISOString(), keys: {} }]);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!listening) throw new Error('the event recorder never saw its own probe');
  return { events, stop };
}

export type EventRecorder = Awaited<ReturnType<typeof recordEvents>>;
