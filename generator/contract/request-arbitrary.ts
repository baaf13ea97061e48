/**
 * Params objects for an operation's generated client method, built from the spec's parameter and
 * body schemas with fast-check: keyed as the client keys them (ParameterIR.key, the body's key),
 * required ones always set, optional ones sometimes. Values obey what the wire can carry (see
 * scalar-arbitrary.ts); files are Blobs. `requestValues` gives the JSON view of a params object,
 * to validate it against the same schemas before it is sent.
 */
import fc from 'fast-check';
import type { ParameterIR } from '../ir/types.js';
import type { ApiContract, OperationContract } from './operation-contract.js';
import { schemaArbitrary, type ArbitraryContext } from './schema-arbitrary.js';
import type { TextRules } from './scalar-arbitrary.js';
import type { Json } from './schema-document.js';
import { schemaTypes } from './wire-values.js';

export type Params = Record<string, unknown>;

/** What the wire can carry for a parameter in this place and style. */
function textRules(parameter: ParameterIR, isArray: boolean): TextRules {
  const delimiter = { spaceDelimited: ' ', tabDelimited: '\t', pipeDelimited: '', simple: ',', form: ',' }[parameter.style as string] ?? '';
  switch (parameter.in) {
    case 'path':
      return { text: 'segment' };
    case 'header':
      return { text: 'header', nonEmpty: true, ...(isArray ? { exclude: ',' } : {}) };
    case 'query':
      return isArray && !parameter.explode ? { text: 'any', nonEmpty: true, ...(delimiter ? { exclude: delimiter } : {}) } : { text: 'any' };
    case 'formData':
      // The client sends every list item as its own field; one field is read as a delimited list.
      return isArray ? { text: 'any', nonEmpty: true, exclude: `,${delimiter}` } : { text: 'any' };
    default:
      return { text: 'any' };
  }
}

export function paramsArbitrary(contract: ApiContract, operation: OperationContract): { ok: true; arbitrary: fc.Arbitrary<Params> } | { ok: false; reason: string } {
  const document = contract.validator.documents.request;
  const base = { document, direction: 'request' as const };
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  for (const { parameter, schema } of operation.parameters) {
    // Parameters that cannot be sent: a path parameter with no placeholder, a header whose name
    // is no HTTP token. Optional ones are left out; a required one is still tried, and reported.
    if (!parameter.required && !sendable(operation, parameter)) continue;
    const isArray = schemaTypes(schema, document).has('array');
    let arbitrary: fc.Arbitrary<unknown> | undefined;
    if (parameter.schema.kind === 'binary') arbitrary = blobs;
    else {
      // A required exploded list with no items would not be sent at all.
      const effective = isArray && parameter.required && (parameter.explode || parameter.in === 'formData') ? { allOf: [schema, { minItems: Math.max(1, typeof schema.minItems === 'number' ? schema.minItems : 0) }] } : schema;
      arbitrary = schemaArbitrary(effective, { ...base, ...textRules(parameter, isArray), binary: 'blob' });
    }
    if (!arbitrary) {
      if (parameter.required) return { ok: false, reason: `no finite value fits ${parameter.in} parameter "${parameter.name}"` };
      continue;
    }
    model[parameter.key] = arbitrary;
    if (parameter.required) requiredKeys.push(parameter.key);
  }
  const body = operation.body;
  if (body && body.body.key !== undefined) {
    const media = body.media.find((entry) => entry.type === body.body.contentType) ?? body.media[0];
    const context: ArbitraryContext = { ...base, text: 'any', binary: body.body.encoding === 'multipart' || body.body.encoding === 'binary' ? 'blob' : 'string' };
    const arbitrary = body.body.encoding === 'binary' ? blobs : schemaArbitrary(media?.schema ?? {}, context);
    if (!arbitrary) {
      if (body.body.required) return { ok: false, reason: 'no finite value fits the request body' };
    } else {
      model[body.body.key] = arbitrary;
      if (body.body.required) requiredKeys.push(body.body.key);
    }
  }
  return { ok: true, arbitrary: fc.record(model, { requiredKeys, noNullPrototype: true }) };
}

function sendable(operation: OperationContract, parameter: ParameterIR): boolean {
  if (parameter.in === 'header') return /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(parameter.name);
  if (parameter.in === 'path') return operation.operation.path.includes(`{${parameter.name}}`);
  return true;
}

const blobs: fc.Arbitrary<unknown> = fc.uint8Array({ maxLength: 32 }).map((bytes) => new Blob([bytes], { type: 'application/octet-stream' }));

/** Errors of a params object against the operation's own schemas (Blobs stand for any file). */
export function paramsErrors(contract: ApiContract, operation: OperationContract, params: Params): string[] {
  const errors: string[] = [];
  for (const { parameter, schema } of operation.parameters) {
    const value = params[parameter.key];
    if (value === undefined || value === null || parameter.schema.kind === 'binary') continue;
    // A pattern can yield text HTTP cannot carry in a header: such a case is not sent.
    if (parameter.in === 'header' && !sendableInHeader(value)) errors.push(`header parameter "${parameter.name}": not visible ASCII`);
    for (const error of contract.validator.validate('request', schema, jsonView(value))) errors.push(`${parameter.in} parameter "${parameter.name}": ${error.message}`);
  }
  const body = operation.body;
  if (body && body.body.key !== undefined && params[body.body.key] !== undefined && body.body.encoding !== 'binary') {
    const schema = (body.media.find((entry) => entry.type === body.body.contentType) ?? body.media[0])?.schema;
    if (schema) for (const error of contract.validator.validate('request', schema, jsonView(params[body.body.key]))) errors.push(`body: ${error.message}`);
  }
  return errors;
}

function sendableInHeader(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(sendableInHeader);
  if (value !== null && typeof value === 'object') return Object.entries(value).every(([key, item]) => sendableInHeader(key) && sendableInHeader(item));
  return /^[\x21-\x7e]*$/.test(String(value)) || /^[\x21-\x7e][\x20-\x7e]*[\x21-\x7e]$/.test(String(value));
}

/** Blobs as strings, so a JSON Schema (`format: binary`) can judge the rest of the value. */
function jsonView(value: unknown): unknown {
  if (value instanceof Blob) return '';
  if (Array.isArray(value)) return value.map(jsonView);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value as Json).map(([key, item]) => [key, jsonView(item)]));
  return value;
}

/** A params object as text for a report: Blobs by size. */
export function describeParams(params: Params): string {
  return JSON.stringify(params, (_key, value: unknown) => (value instanceof Blob ? `<Blob ${value.size} bytes>` : value));
}
