/**
 * Spec text inside JSDoc. Descriptions are data: a star-slash would end the comment early and
 * let the rest of a description run as code, so it is broken up; line endings are normalised.
 */
export function docText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\*\//g, '*\\/').trim();
}

/** JSDoc lines for ts-morph's `docs`; empty when there is nothing to say. */
export function docs(...parts: Array<string | undefined | false>): Array<{ description: string }> {
  const text = parts.filter((part): part is string => typeof part === 'string' && part.trim().length > 0).map(docText).join('\n\n');
  return text.length > 0 ? [{ description: text }] : [];
}
