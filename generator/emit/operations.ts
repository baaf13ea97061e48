/**
 * Per operation, in `operations.ts`: the params type (one field per parameter, keyed by wire
 * name), the responses by status, and the result type the client method resolves to.
 */
import type { StatementStructures, PropertySignatureStructure, OptionalKind } from 'ts-morph';
import { StructureKind } from './ts-morph.js';
import type { ApiIR, OperationIR, ResponseIR, SchemaIR } from '../ir/types.js';
import { docs } from './docs.js';
import { propertyKey } from './literals.js';
import { hasHeaders, responseHeadersStatement, statusKey } from './response-headers.js';
import { bodyTypeText, inlineTypeStatements, responseTypeText, type OperationTypeContext } from './inline-types.js';
import { typeText } from './type-text.js';

export function operationContext(api: ApiIR): OperationTypeContext {
  const byName = new Map(api.schemas.map((schema) => [schema.specName, schema]));
  return {
    refName: (name) => (byName.has(name) ? `Models.${byName.get(name)!.typeName}` : 'unknown'),
    model: (name) => byName.get(name)?.schema,
  };
}

export function operationStatements(api: ApiIR): StatementStructures[] {
  const context = operationContext(api);
  return api.operations.flatMap((operation) => [
    ...inlineTypeStatements(operation, context),
    paramsStatement(operation, context),
    {
      kind: StructureKind.Interface,
      name: `${operation.typeName}Responses`,
      isExported: true,
      docs: docs(`Responses of \`${operation.methodName}\` by status code, as documented.`),
      properties: operation.responses.map((r) => ({ name: statusKey(r.status), type: responseTypeText(operation, r, context), docs: docs(r.description) })),
    },
    ...optional(responseHeadersStatement(operation, context)),
    {
      kind: StructureKind.TypeAlias,
      name: `${operation.typeName}Result`,
      isExported: true,
      docs: docs(`What \`${operation.methodName}\` resolves to: a documented success. Other statuses throw \`ApiError\`.`),
      type: resultType(operation),
    },
  ]);
}

export function paramsStatement(operation: OperationIR, context: OperationTypeContext): StatementStructures {
  const properties: Array<OptionalKind<PropertySignatureStructure>> = operation.parameters.map((parameter) => ({
    name: propertyKey(parameter.key),
    type: typeText(parameter.schema, context),
    hasQuestionToken: !parameter.required,
    docs: docs(parameter.description, `In ${parameter.in}${parameter.key !== parameter.name ? ` as \`${parameter.name}\`` : ''}.`, parameter.deprecated && '@deprecated'),
  }));
  const body = operation.body;
  if (body?.key !== undefined) {
    properties.push({
      name: propertyKey(body.key),
      type: bodyTypeText(operation, context),
      hasQuestionToken: !body.required,
      docs: docs(body.description, `Request body, sent as ${body.contentType}.`),
    });
  }
  const name = `${operation.typeName}Params`;
  if (properties.length === 0) {
    return { kind: StructureKind.TypeAlias, name, isExported: true, docs: docs(`\`${operation.methodName}\` takes no parameters.`), type: 'Record<string, never>' };
  }
  return { kind: StructureKind.Interface, name, isExported: true, docs: docs(`Parameters of \`${operation.methodName}\`, keyed by their names in the spec.`), properties };
}

export function hasRequiredParams(operation: OperationIR): boolean {
  return operation.parameters.some((p) => p.required) || (operation.body?.key !== undefined && operation.body.required);
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

/** 2XX codes are the successes; with none documented, `default` is. */
export function successResponses(operation: OperationIR): ResponseIR[] {
  const success = operation.responses.filter((r) => r.status.startsWith('2'));
  if (success.length > 0) return success;
  return operation.responses.filter((r) => r.status === 'default');
}

function resultType(operation: OperationIR): string {
  const success = successResponses(operation);
  if (success.length === 0) return 'ApiResponse<number, unknown>';
  return success
    .map((r) => {
      const status = /^\d{3}$/.test(r.status) ? r.status : 'number';
      const data = `${operation.typeName}Responses[${statusKey(r.status)}]`;
      return hasHeaders(r) ? `ApiResponse<${status}, ${data}, ${operation.typeName}ResponseHeaders[${statusKey(r.status)}]>` : `ApiResponse<${status}, ${data}>`;
    })
    .join(' | ');
}

/** Whether any operation's types name a model, so `operations.ts` must import them. */
export function operationsUseModels(api: ApiIR): boolean {
  const schemas = api.operations.flatMap((operation) => [
    ...operation.parameters.map((parameter) => parameter.schema),
    ...(operation.body ? [operation.body.schema] : []),
    ...operation.responses.flatMap((response) => (response.schema && response.encoding !== 'none' ? [response.schema] : [])),
  ]);
  return schemas.some(containsRef);
}

function containsRef(schema: SchemaIR): boolean {
  switch (schema.kind) {
    case 'ref':
      return true;
    case 'array':
      return containsRef(schema.items);
    case 'object':
      return schema.properties.some((property) => containsRef(property.schema)) || (typeof schema.additional === 'object' && containsRef(schema.additional));
    case 'union':
    case 'intersection':
      return schema.members.some(containsRef);
    default:
      return false;
  }
}
