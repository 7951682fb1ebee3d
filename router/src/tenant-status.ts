import type { CarrelEvent, EventBus } from '../../common/events/event.js';
import { logger } from '../../common/logger.js';

/**
 * Which tenants are suspended, as this router replica knows it. Events make the change visible
 * within milliseconds on every replica; a periodic re-read from the tenants subgraph repairs a
 * lost event or a replica that started while events were flowing.
 */
export class TenantStatusCache {
  private suspended = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => Promise<void>) | undefined;
  private eventsDuringRefresh: CarrelEvent[] | null = null;

  constructor(
    private readonly bus: EventBus,
    private readonly suspendedTenantsUrl: string,
    private readonly refreshIntervalMs: number,
  ) {}

  async start(): Promise<void> {
    this.unsubscribe = this.bus.subscribe((event) => {
      this.eventsDuringRefresh?.push(event);
      this.apply(event);
    });
    await this.refresh().catch((error) => logger.warn({ err: error }, 'could not read suspended tenants at start'));
    this.timer = setInterval(() => void this.refresh().catch((error) => logger.warn({ err: error }, 'could not re-read suspended tenants')), this.refreshIntervalMs);
    this.timer.unref();
  }

  isSuspended(tenantId: string): boolean {
    return this.suspended.has(tenantId);
  }

  private apply(event: CarrelEvent) {
    if (event.type === 'TENANT_SUSPENDED') this.suspended.add(event.tenantId);
    if (event.type === 'TENANT_REACTIVATED') this.suspended.delete(event.tenantId);
  }

  private async refresh(): Promise<void> {
    this.eventsDuringRefresh = [];
    try {
      const response = await fetch(this.suspendedTenantsUrl, { signal: AbortSignal.timeout(2_000) });
      if (!response.ok) throw new Error(`tenants subgraph answered ${response.status}`);
      const { suspendedTenantIds } = (await response.json()) as { suspendedTenantIds: string[] };
      this.suspended = new Set(suspendedTenantIds);
      // Events that arrived while the answer was on its way are newer than it.
      for (const event of this.eventsDuringRefresh) this.apply(event);
    } finally {
      this.eventsDuringRefresh = null;
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.unsubscribe?.();
  }
}
