import { isTenantStaff, type Viewer } from '../../../common/auth/viewer.js';
import type { PaymentRow } from './db/payments.js';

/**
 * Who sees a payment: platform admins any, staff and owners their tenant's, students their own.
 * Row-level security has already removed other tenants' rows.
 */
export function canSeePayment(viewer: Viewer | null, payment: Pick<PaymentRow, 'tenant_id' | 'user_id'>): boolean {
  if (!viewer) return false;
  if (viewer.role === 'PLATFORM_ADMIN') return true;
  if (payment.tenant_id !== viewer.tenantId) return false;
  return isTenantStaff(viewer) || payment.user_id === viewer.userId;
}

/** Fees and net are the business's: owners and platform admins, not staff or students. */
export const canSeeFees = (viewer: Viewer | null): boolean => viewer?.role === 'OWNER' || viewer?.role === 'PLATFORM_ADMIN';

/** Whether the viewer may see a user's payments at all. */
export const canSeePaymentsOf = (viewer: Viewer | null, userId: string): boolean =>
  viewer !== null && (viewer.role === 'PLATFORM_ADMIN' || isTenantStaff(viewer) || viewer.userId === userId);

/** The checkout secret is the payer's alone, and only while there is something to pay. */
export const canSeeCheckout = (viewer: Viewer | null, payment: Pick<PaymentRow, 'user_id' | 'created_by' | 'status'>): boolean =>
  viewer !== null && payment.status === 'PENDING' && (viewer.userId === payment.user_id || viewer.userId === payment.created_by);
