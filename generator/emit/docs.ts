/**
 * Spec text inside JSDoc. Descriptions are data: a star-slash would end the comment early and
 * let the rest of a description run as code, so it is broken up; line endings are normalised.
 */
export function docText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\*\//g, '*\\/').trim();
}

/**
 * JSDoc for ts-morph's `docs`; empty when there is nothing to say. A plain string, not
 * `{ description }`: ts-morph prints a string as it is, where a description first goes through a
 * scratch writer of its own (a third of emission time on Kubernetes's documentation).
 */
export function docs(...parts: Array<string | undefined | false>): string[] {
  const text = parts.filter((part): part is string => typeof part === 'string' && part.trim().length > 0).map(docText).join('\n\n');
  return text.length > 0 ? [text] : [];
}
