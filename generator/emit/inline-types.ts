/**
 * An operation's request body and responses, as types. An inline object schema there gets a
 * name from where it is — `<Op>Request`, `<Op>Response200`, `<Op>ResponseDefault` — never from
 * the order it was met in, so names survive edits elsewhere in the spec. A request body that is a
 * model with read-only properties leaves them out (`Omit<Models.Pet, 'id'>`): the server sets them.
 */
import type { InterfaceDeclarationStructure } from 'ts-morph';
import type { OperationIR, ResponseIR, SchemaIR } from '../ir/types.js';
import { quote } from './literals.js';
import { objectInterface } from './object-interface.js';
import { typeText, type TypeContext } from './type-text.js';

export interface OperationTypeContext extends TypeContext {
  /** The schema of a named model, by spec name. */
  model(specName: string): SchemaIR | undefined;
}

function isInlineObject(schema: SchemaIR | undefined): schema is Extract<SchemaIR, { kind: 'object' }> {
  return schema !== undefined && schema.kind === 'object' && schema.properties.length > 0 && !schema.nullable;
}

export function responseTypeName(operation: OperationIR, status: string): string {
  const suffix = status === 'default' ? 'Default' : status.replace(/[^A-Za-z0-9]/g, '');
  return `${operation.typeName}Response${suffix}`;
}

export function requestTypeName(operation: OperationIR): string {
  return `${operation.typeName}Request`;
}

export function bodyTypeText(operation: OperationIR, context: OperationTypeContext): string {
  const body = operation.body!;
  if (isInlineObject(body.schema)) return requestTypeName(operation);
  const request = { ...context, direction: 'request' as const };
  if (body.schema.kind === 'ref') {
    const target = context.model(body.schema.target);
    const readOnly = target?.kind === 'object' ? target.properties.filter((property) => property.schema.readOnly).map((property) => quote(property.name)) : [];
    if (readOnly.length > 0) return `Omit<${typeText(body.schema, request)}, ${readOnly.join(' | ')}>`;
  }
  return typeText(body.schema, request);
}

export function responseTypeText(operation: OperationIR, response: ResponseIR, context: OperationTypeContext): string {
  if (response.encoding === 'none' || !response.schema) return 'unknown';
  if (isInlineObject(response.schema)) return responseTypeName(operation, response.status);
  return typeText(response.schema, { ...context, direction: 'response' });
}

export function inlineTypeStatements(operation: OperationIR, context: OperationTypeContext): InterfaceDeclarationStructure[] {
  const statements: InterfaceDeclarationStructure[] = [];
  const body = operation.body;
  if (body?.key !== undefined && isInlineObject(body.schema)) {
    statements.push(objectInterface(requestTypeName(operation), body.schema, { ...context, direction: 'request' }, `The request body of \`${operation.methodName}\`.`));
  }
  for (const response of operation.responses) {
    if (response.encoding === 'none' || !isInlineObject(response.schema)) continue;
    statements.push(objectInterface(responseTypeName(operation, response.status), response.schema, { ...context, direction: 'response' }, `The ${response.status} response body of \`${operation.methodName}\`.`));
  }
  return statements;
}
