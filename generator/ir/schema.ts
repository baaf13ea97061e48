/**
 * JSON Schema (the Swagger 2.0 Schema Object and OpenAPI 3.x's) → SchemaIR. One function for all
 * versions: the differences (x-nullable vs nullable vs 3.1 type arrays, `type: file`) are small.
 */
import { type Diagnostic, joinPointer, splitPointer } from '../diagnostics.js';
import { isObject } from '../load/repair.js';
import { tagSubtype, tagUnionMembers, type DiscriminatorCache } from './discriminator.js';
import type { FormatType, LowerOptions, PropertyIR, SchemaCommon, SchemaIR } from './types.js';

export interface SchemaContext {
  document: Record<string, unknown>;
  /** '#/definitions/' (Swagger 2.0) or '#/components/schemas/' (OpenAPI 3). */
  namedPrefix: string;
  diagnostics: Diagnostic[];
  formats?: LowerOptions['formats'];
  discriminators: DiscriminatorCache;
}

type Json = Record<string, unknown>;

export function lowerSchema(raw: unknown, pointer: string, context: SchemaContext, resolving: ReadonlySet<string> = new Set()): SchemaIR {
  if (raw === true || raw === undefined) return { kind: 'unknown' };
  if (raw === false) return { kind: 'unknown' };
  if (!isObject(raw)) return { kind: 'unknown' };
  if (typeof raw.$ref === 'string') return lowerRef(raw.$ref, pointer, context, resolving);
  const common = commonOf(raw);
  const lowered = lowerShape(raw, pointer, context, resolving);
  return { ...lowered, ...common };
}

/** A `definitions` / `components.schemas` entry: as any schema, plus its discriminator tag as a subtype. */
export function lowerNamedSchema(name: string, raw: unknown, pointer: string, context: SchemaContext): SchemaIR {
  const lookup = (target: string) => resolvePointer(context.document, context.namedPrefix.slice(1) + target.replace(/~/g, '~0').replace(/\//g, '~1'));
  return tagSubtype(lowerSchema(raw, pointer, context), raw, name, lookup, context.namedPrefix, context.discriminators);
}

function commonOf(raw: Json): SchemaCommon {
  const common: SchemaCommon = {};
  if (typeof raw.description === 'string' && raw.description.length > 0) common.description = raw.description;
  else if (typeof raw.title === 'string' && raw.title.length > 0) common.description = raw.title;
  const typeList = Array.isArray(raw.type) ? raw.type : [];
  if (raw.nullable === true || raw['x-nullable'] === true || raw['x-isnullable'] === true || typeList.includes('null')) common.nullable = true;
  if (raw.readOnly === true) common.readOnly = true;
  if (raw.writeOnly === true) common.writeOnly = true;
  if (raw.deprecated === true) common.deprecated = true;
  if (typeof raw.format === 'string') common.format = raw.format;
  return common;
}

function lowerRef(ref: string, pointer: string, context: SchemaContext, resolving: ReadonlySet<string>): SchemaIR {
  if (ref.startsWith(context.namedPrefix)) {
    const name = decodeSegment(ref.slice(context.namedPrefix.length));
    const named = (context.document[context.namedPrefix === '#/definitions/' ? 'definitions' : 'components'] ?? {}) as Json;
    const table = context.namedPrefix === '#/definitions/' ? named : ((named.schemas ?? {}) as Json);
    if (!name.includes('/') && isObject(table) && name in table) return { kind: 'ref', target: name };
  }
  // Any other in-document reference (for example into another schema's properties, as bundling
  // of external files produces) is inlined; a cycle through such refs becomes `unknown`.
  const target = ref.startsWith('#') ? resolvePointer(context.document, ref.slice(1)) : undefined;
  if (target === undefined) {
    context.diagnostics.push({ code: 'spec/unresolved-ref', severity: 'warning', message: `$ref "${ref}" points to nothing; typed as unknown`, pointer: joinPointer(pointer, '$ref') });
    return { kind: 'unknown' };
  }
  if (resolving.has(ref)) return { kind: 'unknown' };
  return lowerSchema(target, ref.slice(1), context, new Set([...resolving, ref]));
}

function decodeSegment(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // keep the raw text
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function resolvePointer(document: unknown, pointer: string): unknown {
  let node: unknown = document;
  for (const segment of splitPointer(pointer)) {
    const key = decodeSegment(segment);
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isObject(node)) node = node[key];
    else return undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

function typesOf(raw: Json): string[] {
  if (Array.isArray(raw.type)) return raw.type.filter((t): t is string => typeof t === 'string' && t !== 'null');
  return typeof raw.type === 'string' ? [raw.type] : [];
}

const PRIMITIVES = new Set(['string', 'number', 'integer', 'boolean', 'file']);

const FORMAT_KINDS: Record<FormatType, SchemaIR> = {
  string: { kind: 'string' },
  number: { kind: 'number' },
  boolean: { kind: 'boolean' },
  Blob: { kind: 'binary' },
  unknown: { kind: 'unknown' },
};

function lowerShape(raw: Json, pointer: string, context: SchemaContext, resolving: ReadonlySet<string>): SchemaIR {
  const sub = (value: unknown, ...segments: Array<string | number>) => lowerSchema(value, joinPointer(pointer, ...segments), context, resolving);
  if (Array.isArray(raw.enum) && raw.enum.length > 0) {
    const values = raw.enum.filter((v): v is string | number | boolean | null => v === null || ['string', 'number', 'boolean'].includes(typeof v));
    if (values.length === raw.enum.length) {
      const names = raw['x-enum-varnames'] ?? raw['x-enumNames'];
      const named = Array.isArray(names) && names.length === raw.enum.length && names.every((n) => typeof n === 'string') && dedupe(values).length === values.length;
      return named ? { kind: 'enum', values, names: names as string[] } : { kind: 'enum', values: dedupe(values) };
    }
  }
  if ('const' in raw && (raw.const === null || ['string', 'number', 'boolean'].includes(typeof raw.const))) {
    return { kind: 'enum', values: [raw.const as string | number | boolean | null] };
  }
  for (const keyword of ['allOf', 'oneOf', 'anyOf'] as const) {
    const list = raw[keyword];
    if (!Array.isArray(list) || list.length === 0) continue;
    const members = list.map((member, index) => sub(member, keyword, index));
    const own = hasOwnShape(raw) ? lowerShape(withoutKeyword(raw, keyword), pointer, context, resolving) : undefined;
    if (keyword === 'allOf') return { kind: 'intersection', members: own ? [...members, own] : members };
    const union: SchemaIR = { kind: 'union', members: tagUnionMembers(members, raw, context.namedPrefix, context.discriminators) };
    return own ? { kind: 'intersection', members: [own, union] } : union;
  }
  const types = typesOf(raw);
  if (types.length > 1) {
    return { kind: 'union', members: types.map((type) => lowerShape({ ...raw, type }, pointer, context, resolving)) };
  }
  const type = types[0] ?? inferType(raw);
  const mapped = typeof raw.format === 'string' && type !== undefined && PRIMITIVES.has(type) ? context.formats?.[raw.format] : undefined;
  if (mapped) return FORMAT_KINDS[mapped];
  switch (type) {
    case 'string':
      return raw.format === 'binary' ? { kind: 'binary' } : { kind: 'string' };
    case 'file':
      return { kind: 'binary' };
    case 'number':
      return { kind: 'number' };
    case 'integer':
      return { kind: 'integer' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'null':
      return { kind: 'null' };
    case 'array':
      return { kind: 'array', items: sub(raw.items, 'items') };
    case 'object':
      return lowerObject(raw, pointer, context, resolving);
    default:
      return { kind: 'unknown' };
  }
}

function inferType(raw: Json): string | undefined {
  if (isObject(raw.properties) || raw.additionalProperties !== undefined) return 'object';
  if (raw.items !== undefined) return 'array';
  return undefined;
}

/** `allOf` next to `properties` in the same schema: both apply. */
function hasOwnShape(raw: Json): boolean {
  return isObject(raw.properties);
}

function withoutKeyword(raw: Json, keyword: string): Json {
  const { [keyword]: _removed, ...rest } = raw;
  return rest;
}

function lowerObject(raw: Json, pointer: string, context: SchemaContext, resolving: ReadonlySet<string>): SchemaIR {
  const required = new Set(Array.isArray(raw.required) ? raw.required.filter((r): r is string => typeof r === 'string') : []);
  const properties: PropertyIR[] = [];
  if (isObject(raw.properties)) {
    for (const [name, value] of Object.entries(raw.properties)) {
      properties.push({ name, required: required.has(name), schema: lowerSchema(value, joinPointer(pointer, 'properties', name), context, resolving) });
    }
  }
  const additionalRaw = raw.additionalProperties;
  let additional: SchemaIR | boolean;
  if (additionalRaw === false) additional = false;
  else if (additionalRaw === true || (isObject(additionalRaw) && Object.keys(additionalRaw).length === 0)) additional = true;
  else if (isObject(additionalRaw)) additional = lowerSchema(additionalRaw, joinPointer(pointer, 'additionalProperties'), context, resolving);
  else additional = properties.length === 0; // `type: object` alone is any object; with properties, the listed ones
  return { kind: 'object', properties, additional };
}

function dedupe<T>(values: T[]): T[] {
  return values.filter((value, index) => values.indexOf(value) === index);
}
