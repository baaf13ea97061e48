/**
 * Swagger 2.0 → IR. The version-specific details are lowered here so the emitters never see
 * them: `collectionFormat` becomes style/explode, `formData` parameters become a form body,
 * `consumes`/`produces` choose encodings, `#/parameters` and `#/responses` refs are resolved.
 */
import { type Diagnostic, joinPointer } from '../diagnostics.js';
import { isObject } from '../load/repair.js';
import type { LoadedSpec } from '../load/load-spec.js';
import { lowerSchema, type SchemaContext } from './schema.js';
import { mergeParameters, type RawParameter } from './parameters.js';
import { apiInfo, bodyEncoding, deref, namedSchemas, operationBasics, operationEntries, responseEncoding, schemaContext, type DraftApi, type DraftOperation } from './draft.js';
import type { BodyIR, LowerOptions, ParameterIR, ParameterLocation, ParameterStyle, ResponseIR } from './types.js';

export function lowerSwagger2(spec: LoadedSpec, diagnostics: Diagnostic[], options: LowerOptions = {}): DraftApi {
  const document = spec.document;
  const context = schemaContext(document, '#/definitions/', diagnostics, options);
  const parameterContext = { document, diagnostics, locations: new Set(['path', 'query', 'header', 'formData', 'body']) };
  const globalConsumes = stringList(document.consumes);
  const globalProduces = stringList(document.produces);
  const operations: DraftOperation[] = [];
  for (const entry of operationEntries(document)) {
    const { item, itemPointer, operation, pointer } = entry;
    const consumes = stringList(operation.consumes) ?? globalConsumes ?? [];
    const produces = stringList(operation.produces) ?? globalProduces ?? [];
    const { parameters, body } = lowerParameters(mergeParameters(item.parameters, itemPointer, operation.parameters, pointer, parameterContext), consumes, pointer, context);
    operations.push({
      ...operationBasics(entry),
      parameters,
      ...(body ? { body } : {}),
      responses: lowerResponses(operation.responses, joinPointer(pointer, 'responses'), produces, context),
    });
  }
  const host = typeof document.host === 'string' && document.host.length > 0 ? document.host : undefined;
  const schemes = stringList(document.schemes) ?? [];
  const scheme = schemes.includes('https') ? 'https' : (schemes[0] ?? 'https');
  const basePath = typeof document.basePath === 'string' ? document.basePath.replace(/\/+$/, '') : '';
  return {
    ...apiInfo(document, spec.name),
    ...(host ? { defaultBaseUrl: `${scheme}://${host}` } : {}),
    basePath,
    schemas: namedSchemas(document.definitions, '/definitions', context),
    operations,
  };
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : undefined;
}



/**
 * Swagger 2.0 parameters: a `body` parameter is the request body; `formData` parameters are both
 * parameters and, together, a form body (multipart with a file or `consumes: multipart/form-data`).
 */
function lowerParameters(rawParameters: RawParameter[], consumes: string[], pointer: string, context: SchemaContext): { parameters: ParameterIR[]; body: BodyIR | undefined } {
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
  return { parameters, body };
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
    const raw = deref(entry, context.document);
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
