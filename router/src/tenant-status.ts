import { serviceProofHeaders } from '../../common/auth/service-proof.js';
import type { EventType } from '../../common/events/catalogue.js';
import type { CarrelEvent, EventBus } from '../../common/events/event.js';
import { logger } from '../../common/logger.js';

export const SUSPENDED: EventType = 'TENANT_SUSPENDED';
const REACTIVATED: EventType = 'TENANT_REACTIVATED';

/**
 * Which tenants are suspended, as this router replica knows it. Events make the change visible
 * within milliseconds on every replica; a periodic re-read of the tenant status endpoint repairs a
 * lost event or a replica that started while events were flowing.
 */
export class TenantStatusCache {
  private suspended = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => Promise<void>) | undefined;
  private eventsDuringRefresh: CarrelEvent[] | null = null;
  private readonly suspendedListeners = new Set<(tenantId: string) => void>();

  constructor(
    private readonly bus: EventBus,
    private readonly suspendedTenantsUrl: string,
    private readonly refreshIntervalMs: number,
    /** The deployment's SERVICE_SECRET, which the internal endpoint asks for. */
    private readonly serviceSecret: string,
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

  /** Called whenever a tenant is found newly suspended, by event or by the periodic re-read. */
  onSuspended(listener: (tenantId: string) => void): void {
    this.suspendedListeners.add(listener);
  }

  private replace(suspended: Set<string>) {
    const newly = [...suspended].filter((tenantId) => !this.suspended.has(tenantId));
    this.suspended = suspended;
    for (const tenantId of newly) for (const listener of this.suspendedListeners) listener(tenantId);
  }

  private apply(event: CarrelEvent) {
    if (event.type === SUSPENDED) this.replace(new Set([...this.suspended, event.tenantId]));
    if (event.type === REACTIVATED) this.suspended = new Set([...this.suspended].filter((tenantId) => tenantId !== event.tenantId));
  }

  private async refresh(): Promise<void> {
    this.eventsDuringRefresh = [];
    try {
      const response = await fetch(this.suspendedTenantsUrl, { headers: serviceProofHeaders(this.serviceSecret), signal: AbortSignal.timeout(2_000) });
      if (!response.ok) throw new Error(`the tenant status endpoint answered ${response.status}`);
      const { suspendedTenantIds } = (await response.json()) as { suspendedTenantIds: string[] };
      this.replace(new Set(suspendedTenantIds));
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
