import MarkdownIt from 'markdown-it';
import { badUserInput } from '../../../../common/errors.js';

/**
 * Markdown with raw HTML turned off: anything an author writes as HTML comes out escaped, and
 * markdown-it refuses `javascript:`, `vbscript:`, `file:` and most `data:` links, so no script
 * reaches a client through a post.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });

export const MAX_POST_LENGTH = 5_000;

/** A post's body checked and rendered: 1 to 5,000 characters after trimming. */
export function postBody(body: string): { body: string; body_html: string } {
  const trimmed = body.trim();
  if (trimmed.length < 1 || trimmed.length > MAX_POST_LENGTH) throw badUserInput(`A post has 1 to ${MAX_POST_LENGTH} characters.`, 'body');
  return { body: trimmed, body_html: markdown.render(trimmed) };
}
