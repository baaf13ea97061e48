/**
 * Validates values against the spec's own schemas with ajv: draft-04 semantics for Swagger 2.0
 * and OpenAPI 3.0 (boolean exclusiveMinimum, no `const`), 2020-12 for OpenAPI 3.1. The document,
 * prepared per direction (schema-document.ts), is registered once per direction, so a `$ref`
 * anywhere in it resolves; each schema is compiled once and cached.
 */
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { type Direction, type Json, prepareDocument } from './schema-document.js';

const require = createRequire(import.meta.url);

interface AjvLike {
  addSchema(schema: object, key: string): unknown;
  addFormat(name: string, format: object | boolean | RegExp): unknown;
  compile(schema: object): ValidateFunction;
}

/** One thing wrong with a value: where in the value (a JSON pointer), and what. */
export interface SchemaError {
  pointer: string;
  message: string;
}

/** OpenAPI's own formats (§Data Types); ajv-formats knows the JSON Schema ones. */
const INT32 = { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 };
const INT64 = { type: 'number', validate: (n: number) => Number.isInteger(n) };
const ANY_NUMBER = { type: 'number', validate: () => true };
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export class SchemaValidator {
  private readonly ajv: AjvLike;
  readonly documents: Record<Direction, Json>;
  private readonly cache = new Map<string, ValidateFunction | Error>();

  constructor(document: Json, readonly version: '2.0' | '3.0' | '3.1') {
    const Ajv = (version === '3.1' ? require('ajv/dist/2020') : require('ajv-draft-04')) as { default: new (options: object) => AjvLike };
    // strict: false — specs carry keywords JSON Schema does not know (discriminator, example, x-…).
    this.ajv = new Ajv.default({ strict: false, allErrors: true, validateSchema: false, logger: false, unicodeRegExp: true });
    (require('ajv-formats') as { default: (ajv: AjvLike) => void }).default(this.ajv);
    this.ajv.addFormat('int32', INT32);
    this.ajv.addFormat('int64', INT64);
    for (const name of ['float', 'double']) this.ajv.addFormat(name, ANY_NUMBER);
    this.ajv.addFormat('byte', BASE64);
    // Formats that say how to show a value, not which values are valid.
    for (const name of ['binary', 'password', 'string', 'int8', 'int16', 'uint8', 'uint16', 'uint32', 'uint64', 'decimal']) this.ajv.addFormat(name, true);
    this.documents = { request: prepareDocument(document, 'request'), response: prepareDocument(document, 'response') };
    this.ajv.addSchema(this.documents.request, 'request.json');
    this.ajv.addSchema(this.documents.response, 'response.json');
  }

  /**
   * Errors of `value` against `schema` (a schema whose `$ref`s point into the document), or []
   * when it is valid. A schema ajv cannot compile (an invalid pattern, an unknown type) admits
   * anything: the loader has already reported what is wrong with it.
   */
  validate(direction: Direction, schema: Json, value: unknown): SchemaError[] {
    const validate = this.compiled(direction, schema);
    if (validate instanceof Error || validate(value)) return [];
    return (validate.errors ?? []).map(describeError);
  }

  private compiled(direction: Direction, schema: Json): ValidateFunction | Error {
    const key = `${direction}\0${JSON.stringify(schema)}`;
    let compiled = this.cache.get(key);
    if (!compiled) {
      try {
        compiled = this.ajv.compile(rebase(schema, `${direction}.json`) as object);
      } catch (error) {
        compiled = error as Error;
      }
      this.cache.set(key, compiled);
    }
    return compiled;
  }
}

/** `#/definitions/Pet` → `request.json#/definitions/Pet`, so a standalone schema resolves into the document. */
function rebase(node: unknown, base: string): unknown {
  if (Array.isArray(node)) return node.map((item) => rebase(item, base));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, key === '$ref' && typeof value === 'string' && value.startsWith('#') ? base + value : rebase(value, base)]));
}

function describeError(error: ErrorObject): SchemaError {
  const params = error.params as Record<string, unknown>;
  const pointer = error.keyword === 'required' ? `${error.instancePath}/${String(params.missingProperty)}` : error.keyword === 'additionalProperties' ? `${error.instancePath}/${String(params.additionalProperty)}` : error.instancePath;
  const detail = error.keyword === 'enum' ? `must be one of ${JSON.stringify(params.allowedValues)}` : error.keyword === 'additionalProperties' ? `is not a property the schema allows` : error.keyword === 'required' ? 'is required' : (error.message ?? error.keyword);
  return { pointer, message: `${pointer === '' ? 'the value' : pointer} ${detail}` };
}
