/**
 * Documented response headers (Swagger 2.0 §Header Object, OpenAPI 3 §Header Object), typed and
 * decoded: a header's text becomes the value its schema says — a number, a boolean, a
 * comma-separated list (Swagger 2.0's default `csv`, OpenAPI 3's `simple` style) — so
 * `result.headerValues['X-Rate-Limit']` is a `number`, while `result.headers` stays the raw
 * `Headers`.
 */
import type { StatementStructures } from 'ts-morph';
import type { OperationIR, ResponseIR, SchemaIR } from '../ir/types.js';
import { docs } from './docs.js';
import { propertyKey, quote } from './literals.js';
import { typeText, type TypeContext } from './type-text.js';
import { StructureKind } from './ts-morph.js';

/** How the runtime reads a header's text; mirrors the runtime's `HeaderKind`. */
export type HeaderKind = 'string' | 'number' | 'boolean' | 'string[]' | 'number[]' | 'boolean[]';

function scalarKind(schema: SchemaIR): 'string' | 'number' | 'boolean' {
  if (schema.kind === 'integer' || schema.kind === 'number') return 'number';
  if (schema.kind === 'boolean') return 'boolean';
  if (schema.kind === 'enum' && schema.values.length > 0) {
    if (schema.values.every((value) => typeof value === 'number')) return 'number';
    if (schema.values.every((value) => typeof value === 'boolean')) return 'boolean';
  }
  return 'string';
}

export function headerKind(schema: SchemaIR): HeaderKind {
  return schema.kind === 'array' ? `${scalarKind(schema.items)}[]` : scalarKind(schema);
}

/** The type of a decoded value: what the runtime really produces, narrowed by a string enum. */
function headerTypeText(schema: SchemaIR, context: TypeContext): string {
  const element = schema.kind === 'array' ? schema.items : schema;
  const kind = scalarKind(element);
  const scalar = element.kind === 'enum' && element.values.every((value) => typeof value === kind) ? typeText({ ...element, nullable: false }, context) : kind;
  return schema.kind === 'array' ? `Array<${scalar}>` : scalar;
}

export function hasHeaders(response: ResponseIR): boolean {
  return response.headers.length > 0;
}

/** `<Op>ResponseHeaders`: by status, the documented headers of each response that has any. */
export function responseHeadersStatement(operation: OperationIR, context: TypeContext): StatementStructures | undefined {
  const documented = operation.responses.filter(hasHeaders);
  if (documented.length === 0) return undefined;
  return {
    kind: StructureKind.Interface,
    name: `${operation.typeName}ResponseHeaders`,
    isExported: true,
    docs: docs(`Documented response headers of \`${operation.methodName}\` by status code, decoded by their schemas.`),
    properties: documented.map((response) => ({
      name: statusKey(response.status),
      // One line: a multi-line type literal here would be re-indented by ts-morph's hanging indent.
      type: `{ ${response.headers.map((header) => `${propertyKey(header.name)}${header.required ? '' : '?'}: ${headerTypeText(header.schema, context)};`).join(' ')} }`,
      docs: docs(response.description, headerList(response)),
    })),
  };
}

/** Header descriptions as a list in the status's JSDoc. */
function headerList(response: ResponseIR): string | undefined {
  const described = response.headers.filter((header) => header.description);
  return described.length === 0 ? undefined : described.map((header) => `- \`${header.name}\`: ${header.description!.replace(/\s*\n\s*/g, ' ')}`).join('\n');
}

export function statusKey(status: string): string {
  return /^[1-5]\d\d$/.test(status) ? status : quote(status);
}
