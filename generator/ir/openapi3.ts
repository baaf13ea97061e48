/**
 * OpenAPI 3.0 / 3.1 → IR: parameters with `style`/`explode` (§Parameter Object defaults),
 * `requestBody` and response `content` maps (the first JSON media type wins, else the first),
 * `components` refs, and the first server as the default base URL.
 */
import { type Diagnostic, joinPointer } from '../diagnostics.js';
import { isObject } from '../load/repair.js';
import type { LoadedSpec } from '../load/load-spec.js';
import { lowerSchema, type SchemaContext } from './schema.js';
import { mergeParameters } from './parameters.js';
import { apiInfo, bodyEncoding, deref, namedSchemas, operationBasics, operationEntries, responseEncoding, schemaContext, type DraftApi, type DraftOperation } from './draft.js';
import type { BodyIR, LowerOptions, ParameterIR, ParameterLocation, ParameterStyle, ResponseIR } from './types.js';

type Json = Record<string, unknown>;

export function lowerOpenApi3(spec: LoadedSpec, diagnostics: Diagnostic[], options: LowerOptions = {}): DraftApi {
  const document = spec.document;
  const context = schemaContext(document, '#/components/schemas/', diagnostics, options);
  const parameterContext = { document, diagnostics, locations: new Set(['path', 'query', 'header', 'cookie']) };
  const operations: DraftOperation[] = [];
  for (const entry of operationEntries(document)) {
    const { item, itemPointer, operation, pointer } = entry;
    const parameters = mergeParameters(item.parameters, itemPointer, operation.parameters, pointer, parameterContext).map(({ raw, pointer: p }) => lowerParameter(raw, p, context));
    const body = lowerRequestBody(operation.requestBody, joinPointer(pointer, 'requestBody'), context, parameters);
    operations.push({
      ...operationBasics(entry),
      parameters,
      ...(body ? { body } : {}),
      responses: lowerResponses(operation.responses, joinPointer(pointer, 'responses'), context),
    });
  }
  const components = isObject(document.components) ? document.components : {};
  const server = Array.isArray(document.servers) && isObject(document.servers[0]) ? document.servers[0] : undefined;
  const { origin, basePath } = splitServerUrl(server, document);
  return {
    ...apiInfo(document, spec.name),
    ...(origin ? { defaultBaseUrl: origin } : {}),
    basePath,
    schemas: namedSchemas(components.schemas, '/components/schemas', context),
    operations,
  };
}

/** §Server Object: variables take their defaults; a relative URL is a base path only. */
function splitServerUrl(server: Json | undefined, _document: Json): { origin?: string; basePath: string } {
  if (!server || typeof server.url !== 'string') return { basePath: '' };
  const variables = isObject(server.variables) ? server.variables : {};
  const url = server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables[name];
    return isObject(variable) && variable.default !== undefined ? String(variable.default) : whole;
  });
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/]+)(.*)$/i.exec(url);
  if (match) return { origin: match[1]!, basePath: match[2]!.replace(/\/+$/, '') };
  return { basePath: url.replace(/\/+$/, '') };
}



function lowerParameter(raw: Json, pointer: string, context: SchemaContext): ParameterIR {
  const location = (raw.in as ParameterLocation) ?? 'query';
  const defaultStyle: ParameterStyle = location === 'query' || location === 'cookie' ? 'form' : 'simple';
  const style = (typeof raw.style === 'string' ? raw.style : defaultStyle) as ParameterStyle;
  const explode = typeof raw.explode === 'boolean' ? raw.explode : style === 'form';
  const content = isObject(raw.content) ? Object.values(raw.content)[0] : undefined;
  const schemaRaw = raw.schema ?? (isObject(content) ? content.schema : undefined);
  return {
    name: String(raw.name ?? ''),
    key: String(raw.name ?? ''),
    in: location,
    required: raw.required === true || location === 'path',
    schema: lowerSchema(schemaRaw, joinPointer(pointer, 'schema'), context),
    style,
    explode,
    ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
    deprecated: raw.deprecated === true,
    pointer,
  };
}

function pickMediaType(content: unknown): [string, Json] | undefined {
  if (!isObject(content)) return undefined;
  const entries = Object.entries(content).filter((entry): entry is [string, Json] => isObject(entry[1]));
  return entries.find(([type]) => bodyEncoding(type) === 'json') ?? entries[0];
}

function lowerRequestBody(rawBody: unknown, pointer: string, context: SchemaContext, parameters: ParameterIR[]): BodyIR | undefined {
  const body = deref(rawBody, context.document);
  if (!isObject(body)) return undefined;
  const picked = pickMediaType(body.content);
  if (!picked) return undefined;
  const [contentType, media] = picked;
  const key = parameters.some((p) => p.name === 'body') ? 'requestBody' : 'body';
  return {
    key,
    encoding: bodyEncoding(contentType),
    contentType,
    required: body.required === true,
    schema: lowerSchema(media.schema, joinPointer(pointer, 'content', contentType, 'schema'), context),
    ...(typeof body.description === 'string' ? { description: body.description } : {}),
    pointer,
  };
}

function lowerResponses(responses: unknown, pointer: string, context: SchemaContext): ResponseIR[] {
  if (!isObject(responses)) return [];
  return Object.entries(responses).flatMap(([status, entry]): ResponseIR[] => {
    if (status.startsWith('x-')) return [];
    const responsePointer = joinPointer(pointer, status);
    const raw = deref(entry, context.document);
    if (!isObject(raw)) return [];
    const picked = pickMediaType(raw.content);
    const schema = picked && picked[1].schema !== undefined ? lowerSchema(picked[1].schema, joinPointer(responsePointer, 'content', picked[0], 'schema'), context) : undefined;
    const headers = isObject(raw.headers)
      ? Object.entries(raw.headers).map(([name, headerRaw]) => {
          const header = deref(headerRaw, context.document);
          return {
            name,
            schema: lowerSchema(isObject(header) ? header.schema : undefined, joinPointer(responsePointer, 'headers', name, 'schema'), context),
            required: isObject(header) && header.required === true,
            ...(isObject(header) && typeof header.description === 'string' ? { description: header.description } : {}),
          };
        })
      : [];
    return [
      {
        status,
        ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
        ...(schema ? { schema } : {}),
        ...(picked && schema ? { contentType: picked[0] } : {}),
        encoding: !schema ? 'none' : schema.kind === 'binary' ? 'binary' : responseEncoding(picked![0]),
        headers,
        pointer: responsePointer,
      },
    ];
  });
}
