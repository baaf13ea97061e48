/**
 * What each operation promises on the wire, for the mock, the data generator and the response
 * checks: routing and parameter facts from the IR (so mock and client agree by construction), the
 * JSON Schemas from the raw document (which keep every constraint), and the media types each
 * body and response may have.
 */
import { joinPointer } from '../diagnostics.js';
import type { ApiIR, BodyIR, OperationIR, ParameterIR, ResponseIR } from '../ir/types.js';
import type { LoadedSpec } from '../load/load-spec.js';
import { isObject } from '../load/repair.js';
import { resolvePointer } from '../ir/schema.js';
import { derefPointer, type Json, pointerRef } from './schema-document.js';
import { SchemaValidator } from './schema-validator.js';

export interface ParameterContract {
  parameter: ParameterIR;
  schema: Json;
}

export interface MediaContract {
  /** The media type as the spec writes it (`application/json`, `image/*`). */
  type: string;
  /** Absent when the spec documents no body schema for it. */
  schema?: Json;
}

export interface BodyContract {
  body: BodyIR;
  media: MediaContract[];
  /** Swagger 2.0 formData: the fields, each with its schema. */
  fields: ParameterContract[];
}

export interface HeaderContract {
  name: string;
  required: boolean;
  schema: Json;
}

export interface ResponseContract {
  response: ResponseIR;
  media: MediaContract[];
  headers: HeaderContract[];
}

export interface OperationContract {
  /** `METHOD pathKey`, as people name an operation of the spec. */
  id: string;
  operation: OperationIR;
  parameters: ParameterContract[];
  body?: BodyContract;
  responses: ResponseContract[];
}

export interface ApiContract {
  api: ApiIR;
  spec: LoadedSpec;
  validator: SchemaValidator;
  operations: OperationContract[];
}

export function apiContract(api: ApiIR, spec: LoadedSpec): ApiContract {
  const document = spec.document;
  const operations = api.operations.map((operation): OperationContract => {
    const raw = resolvePointer(document, operation.pointer);
    const rawOperation = isObject(raw) ? raw : {};
    const parameters = operation.parameters.map((parameter) => ({ parameter, schema: parameterSchema(document, parameter, spec.version) }));
    return {
      id: `${operation.method.toUpperCase()} ${operation.pathKey}`,
      operation,
      parameters,
      ...(operation.body ? { body: bodyContract(document, spec.version, operation.body, rawOperation, parameters) } : {}),
      responses: operation.responses.map((response) => responseContract(document, spec.version, response, rawOperation)),
    };
  });
  return { api, spec, validator: new SchemaValidator(document, spec.version), operations };
}

/** Swagger 2.0 §Parameter Object / §Items Object: the keywords that are JSON Schema. */
const SCHEMA_KEYWORDS = ['type', 'format', 'items', 'enum', 'default', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'multipleOf', 'x-nullable', 'x-isnullable', 'nullable'];

/** A Swagger 2.0 parameter or header: its JSON Schema keywords, without `required: true`, `in`, `collectionFormat`. */
function simpleSchema(raw: Json): Json {
  const schema: Json = {};
  for (const keyword of SCHEMA_KEYWORDS) if (raw[keyword] !== undefined) schema[keyword] = raw[keyword];
  if (isObject(schema.items)) schema.items = simpleSchema(schema.items);
  if (schema.type === 'file') delete schema.type;
  if (typeof schema.$ref === 'string') delete schema.$ref;
  return schema;
}

function parameterSchema(document: Json, parameter: ParameterIR, version: LoadedSpec['version']): Json {
  const { pointer, value } = derefPointer(document, parameter.pointer);
  // A `{name}` placeholder no parameter declares was added as a required string (ir/lower.ts).
  if (!isObject(value) || value.name !== parameter.name || value.in !== parameter.in) return { type: 'string' };
  if (version === '2.0') return simpleSchema(value);
  if (value.schema !== undefined) return { $ref: pointerRef(joinPointer(pointer, 'schema')) };
  const media = isObject(value.content) ? Object.keys(value.content)[0] : undefined;
  return media !== undefined ? { $ref: pointerRef(joinPointer(pointer, 'content', media, 'schema')) } : {};
}

function mediaList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((type): type is string => typeof type === 'string') : undefined;
}

function bodyContract(document: Json, version: LoadedSpec['version'], body: BodyIR, rawOperation: Json, parameters: ParameterContract[]): BodyContract {
  if (version === '2.0') {
    const consumes = mediaList(rawOperation.consumes) ?? mediaList(document.consumes) ?? [];
    if (body.key === undefined) {
      const fields = parameters.filter((p) => p.parameter.in === 'formData');
      const formTypes = consumes.filter((type) => /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type));
      const schema: Json = { type: 'object', properties: Object.fromEntries(fields.map((f) => [f.parameter.name, f.schema])), required: fields.filter((f) => f.parameter.required).map((f) => f.parameter.name) };
      const types = formTypes.length > 0 ? formTypes : [body.contentType];
      return { body, media: types.map((type) => ({ type, schema })), fields };
    }
    const schema = { $ref: pointerRef(joinPointer(derefPointer(document, body.pointer).pointer, 'schema')) };
    return { body, media: (consumes.length > 0 ? consumes : [body.contentType]).map((type) => ({ type, schema })), fields: [] };
  }
  const { pointer, value } = derefPointer(document, body.pointer);
  const content = isObject(value) && isObject(value.content) ? value.content : {};
  const media = Object.entries(content).map(([type, entry]) => ({ type, ...(isObject(entry) && entry.schema !== undefined ? { schema: { $ref: pointerRef(joinPointer(pointer, 'content', type, 'schema')) } } : {}) }));
  return { body, media, fields: [] };
}

function responseContract(document: Json, version: LoadedSpec['version'], response: ResponseIR, rawOperation: Json): ResponseContract {
  const { pointer, value } = derefPointer(document, response.pointer);
  const raw = isObject(value) ? value : {};
  const rawHeaders = isObject(raw.headers) ? raw.headers : {};
  const headers = Object.keys(rawHeaders).map((name): HeaderContract => {
    const header = derefPointer(document, joinPointer(pointer, 'headers', name));
    const headerRaw = isObject(header.value) ? header.value : {};
    // Swagger 2.0 §Response Object: `headers` are "sent with the response" (it has no `required`);
    // `x-required: false` marks one as optional. OpenAPI 3 §Header Object: `required`, false by default.
    if (version === '2.0') return { name, required: headerRaw['x-required'] !== false, schema: simpleSchema(headerRaw) };
    return { name, required: headerRaw.required === true, schema: headerRaw.schema !== undefined ? { $ref: pointerRef(joinPointer(header.pointer, 'schema')) } : {} };
  });
  if (version === '2.0') {
    const produces = mediaList(rawOperation.produces) ?? mediaList(document.produces) ?? [];
    if (raw.schema === undefined) return { response, media: [], headers };
    const schema = { $ref: pointerRef(joinPointer(pointer, 'schema')) };
    return { response, media: (produces.length > 0 ? produces : ['application/json']).map((type) => ({ type, schema })), headers };
  }
  const content = isObject(raw.content) ? raw.content : {};
  const media = Object.entries(content).map(([type, entry]) => ({ type, ...(isObject(entry) && entry.schema !== undefined ? { schema: { $ref: pointerRef(joinPointer(pointer, 'content', type, 'schema')) } } : {}) }));
  return { response, media, headers };
}
