/**
 * Values as they arrive, turned back into the JSON values a schema describes: parameters by
 * their style and explode (OpenAPI 3 §Style Values; Swagger 2.0 collectionFormat lowers to
 * them), split on the raw text before percent-decoding so an encoded delimiter stays inside its
 * item, and each text coerced to the type its schema names (`"42"` → 42 for an integer). Text
 * that is not of that type stays text, so the validator reports it.
 */
import { isObject } from '../load/repair.js';
import { resolvePointer } from '../ir/schema.js';
import type { ParameterIR } from '../ir/types.js';
import type { Json } from './schema-document.js';

export type RawPairs = ReadonlyArray<[string, string]>;

/** Query or form text → raw (still encoded) name/value pairs, in order. */
export function rawPairs(text: string): RawPairs {
  return text
    .split('&')
    .filter((pair) => pair.length > 0)
    .map((pair) => {
      const at = pair.indexOf('=');
      return at >= 0 ? [decodeText(pair.slice(0, at)), pair.slice(at + 1)] : [decodeText(pair), ''];
    });
}

/** Percent-decoding as forms and queries mean it (`+` is a space); malformed escapes stay as they are. */
export function decodeText(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

function decodePath(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The JSON types a schema admits, looking through `$ref`, `allOf` and nullable wrappers. */
export function schemaTypes(schema: unknown, document: Json, seen = new Set<unknown>()): Set<string> {
  const types = new Set<string>();
  if (!isObject(schema) || seen.has(schema)) return types;
  seen.add(schema);
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#')) return schemaTypes(resolvePointer(document, schema.$ref.slice(1)), document, seen);
  if (typeof schema.type === 'string') types.add(schema.type);
  if (Array.isArray(schema.type)) for (const type of schema.type) if (typeof type === 'string') types.add(type);
  if (Array.isArray(schema.enum)) for (const value of schema.enum) types.add(value === null ? 'null' : typeof value === 'number' ? 'number' : typeof value);
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    const list = schema[keyword];
    if (Array.isArray(list)) for (const member of list) for (const type of schemaTypes(member, document, seen)) types.add(type);
  }
  if (types.size === 0 && isObject(schema.properties)) types.add('object');
  if (types.size === 0 && schema.items !== undefined) types.add('array');
  return types;
}

/** The schema of an array's items, or of an object's property, through `$ref`s. */
export function subSchema(schema: unknown, document: Json, key: 'items' | { property: string }): unknown {
  let node = schema;
  for (let hops = 0; hops < 20 && isObject(node) && typeof node.$ref === 'string' && node.$ref.startsWith('#'); hops++) node = resolvePointer(document, node.$ref.slice(1));
  if (!isObject(node)) return undefined;
  if (key === 'items') return node.items;
  if (isObject(node.properties) && key.property in node.properties) return node.properties[key.property];
  for (const member of Array.isArray(node.allOf) ? node.allOf : []) {
    const found = subSchema(member, document, key);
    if (found !== undefined) return found;
  }
  return isObject(node.additionalProperties) ? node.additionalProperties : undefined;
}

/** One text as the type its schema names; unparseable text stays text for the validator to reject. */
export function coerce(text: string, schema: unknown, document: Json): unknown {
  const types = schemaTypes(schema, document);
  if ((types.has('integer') || types.has('number')) && /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim())) return Number(text);
  if (types.has('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  if (types.has('null') && text === 'null' && !types.has('string')) return null;
  if ((types.has('object') || types.has('array')) && !types.has('string') && /^[[{]/.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

const DELIMITER: Partial<Record<ParameterIR['style'], RegExp>> = { spaceDelimited: /%20|\+| /, pipeDelimited: /\||%7C/i, tabDelimited: /%09|\t/i };

/**
 * A query (or form) parameter from the raw pairs: undefined when absent. Arrays are items of
 * repeated pairs (explode) or one delimited value; objects are `name[key]` pairs (deepObject),
 * bare `key=value` pairs (explode) or one `key,value,…` list.
 */
export function queryValue(parameter: ParameterIR, schema: unknown, pairs: RawPairs, document: Json): { value: unknown; count: number } | undefined {
  const types = schemaTypes(schema, document);
  const own = pairs.filter(([name]) => name === parameter.name);
  if (types.has('object') && !types.has('array')) {
    if (parameter.style === 'deepObject') {
      const prefix = `${parameter.name}[`;
      const entries = pairs.filter(([name]) => name.startsWith(prefix) && name.endsWith(']')).map(([name, raw]) => [name.slice(prefix.length, -1), raw] as const);
      if (entries.length === 0) return undefined;
      return { value: objectFrom(entries, schema, document), count: 1 };
    }
    if (parameter.explode) {
      const names = objectKeys(schema, document);
      const entries = pairs.filter(([name]) => names === 'any' || names.has(name));
      return entries.length === 0 ? undefined : { value: objectFrom(entries, schema, document), count: 1 };
    }
  }
  if (own.length === 0) return undefined;
  if (types.has('array')) {
    const items = subSchema(schema, document, 'items');
    const raws = parameter.explode ? own.map(([, raw]) => raw) : splitRaw(own[own.length - 1]![1], DELIMITER[parameter.style] ?? ',');
    return { value: raws.map((raw) => coerce(decodeText(raw), items, document)), count: parameter.explode ? 1 : own.length };
  }
  if (types.has('object')) {
    const parts = own[own.length - 1]![1].split(',');
    const entries: Array<readonly [string, string]> = [];
    for (let index = 0; index + 1 < parts.length; index += 2) entries.push([decodeText(parts[index]!), parts[index + 1]!]);
    return { value: objectFrom(entries, schema, document), count: own.length };
  }
  return { value: coerce(decodeText(own[own.length - 1]![1]), schema, document), count: own.length };
}

/** An empty value of an array parameter is an empty array. */
function splitRaw(raw: string, delimiter: RegExp | string): string[] {
  return raw === '' ? [] : raw.split(delimiter);
}

function objectKeys(schema: unknown, document: Json): Set<string> | 'any' {
  let node = schema;
  while (isObject(node) && typeof node.$ref === 'string') node = resolvePointer(document, node.$ref.slice(1));
  if (!isObject(node) || !isObject(node.properties) || node.additionalProperties !== undefined && node.additionalProperties !== false) return 'any';
  return new Set(Object.keys(node.properties));
}

function objectFrom(entries: ReadonlyArray<readonly [string, string]>, schema: unknown, document: Json): Json {
  return Object.fromEntries(entries.map(([key, raw]) => [key, coerce(decodeText(raw), subSchema(schema, document, { property: key }), document)]));
}

/** A path parameter from its raw segment text: simple, label (`.a.b`) or matrix (`;id=a,b`) style. */
export function pathValue(parameter: ParameterIR, schema: unknown, raw: string, document: Json): unknown {
  let text = raw;
  if (parameter.style === 'label' && text.startsWith('.')) text = text.slice(1);
  if (parameter.style === 'matrix') text = text.replace(new RegExp(`^;${escapeRegExp(encodeURIComponent(parameter.name))}=`), '');
  const types = schemaTypes(schema, document);
  const separator = parameter.style === 'label' && parameter.explode ? '.' : ',';
  if (types.has('array')) return splitRaw(text, separator).map((item) => coerce(decodePath(item), subSchema(schema, document, 'items'), document));
  if (types.has('object') && !types.has('string')) {
    const parts = text.split(separator);
    const entries: Array<readonly [string, string]> = [];
    for (let index = 0; index + 1 < parts.length; index += 2) entries.push([decodePath(parts[index]!), parts[index + 1]!]);
    return Object.fromEntries(entries.map(([key, item]) => [key, coerce(decodePath(item), subSchema(schema, document, { property: key }), document)]));
  }
  return coerce(decodePath(text), schema, document);
}

/** A header (or cookie) value: arrays are comma-separated (simple style). */
export function headerValue(schema: unknown, text: string, document: Json): unknown {
  const types = schemaTypes(schema, document);
  if (types.has('array')) return splitRaw(text, ',').map((item) => coerce(item.trim(), subSchema(schema, document, 'items'), document));
  return coerce(text, schema, document);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
