/**
 * Spec text written as TypeScript source. Every string from a spec goes through `quote`, so no
 * name, enum value or path can end a literal early; keys are quoted unless they are identifiers.
 */

/** A single-quoted string literal; JSON's escapes are valid in JavaScript, so JSON does the work. */
export function quote(text: string): string {
  const json = JSON.stringify(text);
  return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** An object key as it must be written: quoted unless it is a plain identifier. Wire names are kept. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : quote(name);
}

/** A literal type for an enum value (a non-finite number cannot be one: it widens to `number`). */
export function literal(value: string | number | boolean | null): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return 'number';
  return String(value);
}

export type DataValue = string | number | boolean | null | readonly DataValue[] | { readonly [key: string]: DataValue | undefined };

/** A plain data value (an operation descriptor) as a compact, deterministic literal expression. */
export function valueText(value: DataValue): string {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return quote(value);
  if (Array.isArray(value)) return `[${value.map(valueText).join(', ')}]`;
  const entries = Object.entries(value).filter((entry): entry is [string, DataValue] => entry[1] !== undefined);
  return entries.length === 0 ? '{}' : `{ ${entries.map(([key, item]) => `${propertyKey(key)}: ${valueText(item)}`).join(', ')} }`;
}
