import { badUserInput } from '../../../../common/errors.js';

/** What a template's `{{placeholder}}` may name, filled in per recipient. */
const PLACEHOLDERS = {
  displayName: (recipient: { name: string }) => recipient.name,
  firstName: (recipient: { name: string }) => recipient.name.split(/\s+/)[0] ?? recipient.name,
} as const;

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** Refuses text naming a placeholder there is no value for, so no recipient ever reads a raw `{{…}}`. */
export function checkPlaceholders(text: string, field: string): string {
  for (const [, name] of text.matchAll(PLACEHOLDER)) {
    if (!(name! in PLACEHOLDERS)) throw badUserInput(`Unknown placeholder {{${name}}}; use ${Object.keys(PLACEHOLDERS).map((known) => `{{${known}}}`).join(' or ')}.`, field);
  }
  return text;
}

/** The text as one recipient reads it. */
export function fillPlaceholders(text: string, recipient: { name: string }): string {
  return text.replace(PLACEHOLDER, (_match, name: string) => PLACEHOLDERS[name as keyof typeof PLACEHOLDERS]?.(recipient) ?? '');
}
