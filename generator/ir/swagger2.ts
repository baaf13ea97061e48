/**
 * Swagger 2.0 → IR. The version-specific details are lowered here so the emitters never see
 * them: `collectionFormat` becomes style/explode, `formData` parameters become a form body,
 * `consumes`/`produces` choose encodings, `#/parameters` and `#/responses` refs are resolved.
 */
import { type Diagnostic, joinPointer } from '../diagnostics.js';
import { isObject } from '../load/repair.js';
import type { LoadedSpec } from '../load/load-spec.js';
import { lowerNamedSchema, lowerSchema, resolvePointer, type SchemaContext } from './schema.js';
import { parseRouteKey } from './route.js';
import { mergeParameters } from './parameters.js';
import { bodyEncoding, HTTP_METHODS, responseEncoding, type DraftApi, type DraftOperation } from './draft.js';
import type { BodyIR, HttpMethod, LowerOptions, ParameterIR, ParameterLocation, ParameterStyle, ResponseIR } from './types.js';

type Json = Record<string, unknown>;

export function lowerSwagger2(spec: LoadedSpec, diagnostics: Diagnostic[], options: LowerOptions = {}): DraftApi {
  const document = spec.document;
  const context: SchemaContext = { document, namedPrefix: '#/definitions/', diagnostics, discriminators: new WeakMap(), ...(options.formats ? { formats: options.formats } : {}) };
  const parameterContext = { document, diagnostics, locations: new Set(['path', 'query', 'header', 'formData', 'body']) };
  const info = isObject(document.info) ? document.info : {};
  const globalConsumes = stringList(document.consumes);
  const globalProduces = stringList(document.produces);
  const operations: DraftOperation[] = [];
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [pathKey, itemRaw] of Object.entries(paths)) {
    if (pathKey.startsWith('x-')) continue;
    const itemPointer = joinPointer('/paths', pathKey);
    const item = resolveRef(itemRaw, document);
    if (!isObject(item)) continue;
    const route = parseRouteKey(pathKey);
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const pointer = joinPointer(itemPointer, method);
      const consumes = stringList(operation.consumes) ?? globalConsumes ?? [];
      const produces = stringList(operation.produces) ?? globalProduces ?? [];
      const rawParameters = mergeParameters(item.parameters, itemPointer, operation.parameters, pointer, parameterContext);
      const parameters: ParameterIR[] = [];
      let body: BodyIR | undefined;
      const formFields: ParameterIR[] = [];
      for (const { raw, pointer: parameterPointer } of rawParameters) {
        const name = String(raw.name ?? '');
        if (raw.in === 'body') {
          const contentType = consumes.find((type) => bodyEncoding(type) === 'json') ?? consumes[0] ?? 'application/json';
          body = {
            key: name,
            encoding: bodyEncoding(contentType),
            contentType,
            required: raw.required === true,
            schema: lowerSchema(raw.schema, joinPointer(parameterPointer, 'schema'), context),
            ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
            pointer: parameterPointer,
          };
          continue;
        }
        const location = raw.in as ParameterLocation;
        const { style, explode } = styleOf(location, raw.collectionFormat);
        const { description: _description, ...schemaRaw } = raw;
        const parameter: ParameterIR = {
          name,
          key: name,
          in: location,
          required: raw.required === true || location === 'path',
          schema: lowerSchema(schemaRaw, parameterPointer, context),
          style,
          explode,
          ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
          deprecated: raw['x-deprecated'] === true,
          pointer: parameterPointer,
        };
        parameters.push(parameter);
        if (location === 'formData') formFields.push(parameter);
      }
      if (formFields.length > 0 && !body) {
        const multipart = consumes.includes('multipart/form-data') || formFields.some((field) => field.schema.kind === 'binary');
        const contentType = multipart ? 'multipart/form-data' : 'application/x-www-form-urlencoded';
        body = {
          encoding: multipart ? 'multipart' : 'form',
          contentType,
          required: formFields.some((field) => field.required),
          schema: { kind: 'object', properties: formFields.map((field) => ({ name: field.name, required: field.required, schema: field.schema })), additional: false },
          pointer,
        };
      }
      operations.push({
        operationId: typeof operation.operationId === 'string' && operation.operationId.length > 0 ? operation.operationId : undefined,
        method: method as HttpMethod,
        path: route.path,
        pathKey,
        constantQuery: route.constantQuery,
        ...(typeof operation.summary === 'string' ? { summary: operation.summary } : {}),
        ...(typeof operation.description === 'string' ? { description: operation.description } : {}),
        deprecated: operation.deprecated === true,
        tags: stringList(operation.tags) ?? [],
        parameters,
        ...(body ? { body } : {}),
        responses: lowerResponses(operation.responses, joinPointer(pointer, 'responses'), produces, context),
        pointer,
      });
    }
  }
  const definitions = isObject(document.definitions) ? document.definitions : {};
  const host = typeof document.host === 'string' && document.host.length > 0 ? document.host : undefined;
  const schemes = stringList(document.schemes) ?? [];
  const scheme = schemes.includes('https') ? 'https' : (schemes[0] ?? 'https');
  const basePath = typeof document.basePath === 'string' ? document.basePath.replace(/\/+$/, '') : '';
  return {
    title: typeof info.title === 'string' ? info.title : spec.name,
    version: typeof info.version === 'string' ? info.version : '',
    ...(typeof info.description === 'string' ? { description: info.description } : {}),
    ...(host ? { defaultBaseUrl: `${scheme}://${host}` } : {}),
    basePath,
    schemas: Object.entries(definitions).map(([name, raw]) => ({
      specName: name,
      pointer: joinPointer('/definitions', name),
      schema: lowerNamedSchema(name, raw, joinPointer('/definitions', name), context),
    })),
    operations,
  };
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : undefined;
}

function resolveRef(value: unknown, document: Json): unknown {
  if (isObject(value) && typeof value.$ref === 'string' && value.$ref.startsWith('#')) {
    return resolvePointer(document, value.$ref.slice(1));
  }
  return value;
}


/** Swagger 2.0 §Parameter Object `collectionFormat` in OpenAPI 3 terms (§Style Values). */
function styleOf(location: ParameterLocation, collectionFormat: unknown): { style: ParameterStyle; explode: boolean } {
  switch (collectionFormat) {
    case 'multi':
      return { style: 'form', explode: true };
    case 'ssv':
      return { style: 'spaceDelimited', explode: false };
    case 'tsv':
      return { style: 'tabDelimited', explode: false };
    case 'pipes':
      return { style: 'pipeDelimited', explode: false };
    default:
      return { style: location === 'query' || location === 'formData' ? 'form' : 'simple', explode: false };
  }
}

function lowerResponses(responses: unknown, pointer: string, produces: string[], context: SchemaContext): ResponseIR[] {
  if (!isObject(responses)) return [];
  const result: ResponseIR[] = [];
  for (const [status, entry] of Object.entries(responses)) {
    if (status.startsWith('x-')) continue;
    const responsePointer = joinPointer(pointer, status);
    const raw = resolveRef(entry, context.document);
    if (!isObject(raw)) continue;
    const hasSchema = raw.schema !== undefined;
    const schema = hasSchema ? lowerSchema(raw.schema, joinPointer(responsePointer, 'schema'), context) : undefined;
    const contentType = produces.find((type) => responseEncoding(type) === 'json') ?? produces[0];
    const encoding = !schema ? 'none' : schema.kind === 'binary' ? 'binary' : responseEncoding(contentType ?? 'application/json');
    const headers = isObject(raw.headers)
      ? Object.entries(raw.headers).map(([name, header]) => ({
          name,
          schema: lowerSchema(header, joinPointer(responsePointer, 'headers', name), context),
          required: false,
          ...(isObject(header) && typeof header.description === 'string' ? { description: header.description } : {}),
        }))
      : [];
    result.push({
      status,
      ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
      ...(schema ? { schema } : {}),
      ...(contentType && schema ? { contentType } : {}),
      encoding,
      headers,
      pointer: responsePointer,
    });
  }
  return result;
}
