import type { ApolloServerPlugin } from '@apollo/server';
import { visit, type DocumentNode } from 'graphql';
import { badUserInput, withHttpStatus } from '../errors.js';

/**
 * C0 controls but tab, line feed and carriage return, and DEL: no one types them, PostgreSQL
 * refuses NUL in text (22021), and the rest end up in names, logs and other people's screens.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function containsControlCharacter(value: unknown): boolean {
  if (typeof value === 'string') return CONTROL_CHARACTER.test(value);
  if (Array.isArray(value)) return value.some(containsControlCharacter);
  if (value && typeof value === 'object') return Object.entries(value).some(([key, item]) => CONTROL_CHARACTER.test(key) || containsControlCharacter(item));
  return false;
}

const literalsWithControls = new WeakMap<DocumentNode, boolean>();

/** Whether a string written in the document (`"a\u0000b"`) holds a control character; remembered per parsed document. */
function documentHasControlCharacter(document: DocumentNode): boolean {
  let found = literalsWithControls.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      StringValue(node) {
        if (CONTROL_CHARACTER.test(node.value)) found = true;
      },
    });
    literalsWithControls.set(document, found);
  }
  return found;
}

/** The refusal of a request whose document or variables hold a control character, if it does. */
export function controlCharacterRefusal(document: DocumentNode, variables: unknown) {
  return documentHasControlCharacter(document) || containsControlCharacter(variables)
    ? badUserInput('Text may not contain control characters (other than tab and line breaks).')
    : undefined;
}

/** The one place strings with control characters are refused, for the router and every subgraph. */
export function controlCharacterPlugin<Context extends object>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const refusal = controlCharacterRefusal(document, request.variables);
          if (refusal) throw withHttpStatus(refusal);
        },
      };
    },
  };
}
