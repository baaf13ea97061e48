/**
 * What a version-specific lowering produces: the IR before names are settled. Naming is done
 * once for both versions, in `lower.ts`, so the rules cannot drift apart.
 */
import { type Diagnostic, joinPointer } from '../diagnostics.js';
import { isObject } from '../load/repair.js';
import { parseRouteKey, type Route } from './route.js';
import { lowerNamedSchema, resolvePointer, type SchemaContext } from './schema.js';
import type { BodyEncoding, HttpMethod, LowerOptions, NamedSchemaIR, OperationIR, ResponseIR } from './types.js';

type Json = Record<string, unknown>;

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export type DraftOperation = Omit<OperationIR, 'methodName' | 'typeName' | 'operationId'> & { operationId: string | undefined };

export interface DraftApi {
  title: string;
  version: string;
  description?: string;
  defaultBaseUrl?: string;
  basePath: string;
  schemas: Array<Omit<NamedSchemaIR, 'typeName'>>;
  operations: DraftOperation[];
}

/** How a request body with this media type is sent. */
export function bodyEncoding(mediaType: string): BodyEncoding {
  const type = mediaType.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json' || type.endsWith('+json') || type === '*/*' || type === 'application/*') return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  if (type === 'multipart/form-data' || type.startsWith('multipart/')) return 'multipart';
  if (type.startsWith('text/') || type.endsWith('/xml') || type.endsWith('+xml')) return 'text';
  return 'binary';
}

/** How a response body with this media type is read. */
export function responseEncoding(mediaType: string): ResponseIR['encoding'] {
  const encoding = bodyEncoding(mediaType);
  if (encoding === 'json') return 'json';
  if (encoding === 'text' || encoding === 'form') return 'text';
  return 'binary';
}

/** One operation of `paths`, with where it is and the route its key names. */
export interface OperationEntry {
  pathKey: string;
  route: Route;
  /** The path item, its `$ref` followed. */
  item: Json;
  itemPointer: string;
  method: HttpMethod;
  operation: Json;
  pointer: string;
}

/** Every operation of the document, in spec order: the walk both versions share. */
export function* operationEntries(document: Json): Generator<OperationEntry> {
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [pathKey, itemRaw] of Object.entries(paths)) {
    if (pathKey.startsWith('x-')) continue;
    const itemPointer = joinPointer('/paths', pathKey);
    const item = deref(itemRaw, document);
    if (!isObject(item)) continue;
    const route = parseRouteKey(pathKey);
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (isObject(operation)) yield { pathKey, route, item, itemPointer, method, operation, pointer: joinPointer(itemPointer, method) };
    }
  }
}

/** The fields of an operation both versions write the same way. */
export function operationBasics(entry: OperationEntry): Omit<DraftOperation, 'parameters' | 'body' | 'responses'> {
  const { operation } = entry;
  return {
    operationId: typeof operation.operationId === 'string' && operation.operationId.length > 0 ? operation.operationId : undefined,
    method: entry.method,
    path: entry.route.path,
    pathKey: entry.pathKey,
    constantQuery: entry.route.constantQuery,
    ...(typeof operation.summary === 'string' ? { summary: operation.summary } : {}),
    ...(typeof operation.description === 'string' ? { description: operation.description } : {}),
    deprecated: operation.deprecated === true,
    tags: Array.isArray(operation.tags) ? operation.tags.filter((tag): tag is string => typeof tag === 'string') : [],
    pointer: entry.pointer,
  };
}

export function schemaContext(document: Json, namedPrefix: string, diagnostics: Diagnostic[], options: LowerOptions): SchemaContext {
  return { document, namedPrefix, diagnostics, discriminators: new WeakMap(), ...(options.formats ? { formats: options.formats } : {}) };
}

/** `info`'s title (the spec's name without one), version and description. */
export function apiInfo(document: Json, specName: string): Pick<DraftApi, 'title' | 'version' | 'description'> {
  const info = isObject(document.info) ? document.info : {};
  return {
    title: typeof info.title === 'string' ? info.title : specName,
    version: typeof info.version === 'string' ? info.version : '',
    ...(typeof info.description === 'string' ? { description: info.description } : {}),
  };
}

/** `definitions` / `components.schemas` entries, in spec order; `at` is their pointer ('/definitions'). */
export function namedSchemas(entries: unknown, at: string, context: SchemaContext): DraftApi['schemas'] {
  return Object.entries(isObject(entries) ? entries : {}).map(([name, raw]) => {
    const pointer = joinPointer(at, name);
    return { specName: name, pointer, schema: lowerNamedSchema(name, raw, pointer, context) };
  });
}

/** Follows local `$ref`s (a chain of them too, but never round a cycle) to the object they name. */
export function deref(value: unknown, document: Json, seen: Set<string> = new Set()): unknown {
  if (isObject(value) && typeof value.$ref === 'string' && value.$ref.startsWith('#') && !seen.has(value.$ref)) {
    seen.add(value.$ref);
    return deref(resolvePointer(document, value.$ref.slice(1)), document, seen);
  }
  return value;
}
