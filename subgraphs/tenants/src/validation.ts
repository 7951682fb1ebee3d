import { badUserInput } from '../../../common/errors.js';
import { requireCurrency, requireText, requireTimeZone } from '../../../common/validation.js';
import type { TenantBrandingInput, TenantSettingsInput } from './__generated__/resolvers-types.js';

const SLUG = /^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/;
const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

export function requireSlug(slug: string): string {
  if (!SLUG.test(slug)) throw badUserInput('The slug must be 3 to 40 lowercase letters, digits or hyphens, not starting or ending with a hyphen.', 'slug');
  return slug;
}

export function settingsColumns(settings: TenantSettingsInput) {
  return { timezone: requireTimeZone(settings.timezone, 'settings.timezone'), currency: requireCurrency(settings.currency, 'settings.currency') };
}

export function brandingColumns(branding: TenantBrandingInput) {
  const { logoUrl, primaryColor } = branding;
  if (logoUrl != null && !/^https:\/\/[^\s]+$/.test(logoUrl)) throw badUserInput('The logo URL must be an https URL.', 'branding.logoUrl');
  if (primaryColor != null && !HEX_COLOUR.test(primaryColor)) throw badUserInput('The primary colour must look like #1d4ed8.', 'branding.primaryColor');
  return { logo_url: logoUrl ?? null, primary_color: primaryColor ?? null };
}

export const tenantName = (name: string) => requireText(name, 'name', { max: 120 });
