/**
 * Static conformance: reads generated code with ts-morph (as code, not as text) and checks it
 * against the IR — every operation has its client method and descriptor (method, path, key
 * query, each parameter's wire name and location, body and response encodings), every parameter
 * its field with the right key, optionality and type, every documented response its typed entry,
 * every named schema its declaration with its properties and types (verify-models.ts). A hand
 * edit, a stale folder or an emitter bug shows up as a diagnostic located in the generated file.
 */
import { Node, Project, SyntaxKind, type ObjectLiteralExpression, type SourceFile } from 'ts-morph';
import type { Diagnostic } from '../diagnostics.js';
import type { GeneratedFiles } from '../emit/emit-api.js';
import { bodyTypeText, responseTypeText, type OperationTypeContext } from '../emit/inline-types.js';
import { operationContext } from '../emit/operations.js';
import { quote, valueText } from '../emit/literals.js';
import { typeText } from '../emit/type-text.js';
import type { ApiIR, OperationIR } from '../ir/types.js';
import { checkModels } from './verify-models.js';
import { unquote } from './verify-names.js';

export function verifyStatic(api: ApiIR, files: GeneratedFiles, dir: string): Diagnostic[] {
  const project = new Project({ useInMemoryFileSystem: true, skipFileDependencyResolution: true });
  const source = (name: string) => {
    const text = files.get(name);
    return text === undefined ? undefined : project.createSourceFile(name, text);
  };
  const diagnostics: Diagnostic[] = [];
  const report = (file: string, node: Node | undefined, pointer: string, message: string) => {
    const line = node ? node.getStartLineNumber() : 1;
    const column = node ? node.getStart() - node.getStartLinePos() + 1 : 1;
    diagnostics.push({ code: 'verify/mismatch', severity: 'error', message, pointer, location: { file: `${dir}/${file}`, line, column } });
  };
  const client = source('client.ts');
  const operations = source('operations.ts');
  const models = source('models.ts');
  for (const [name, file] of [['client.ts', client], ['operations.ts', operations], ['models.ts', models]] as const) {
    if (!file) report(name, undefined, '', `${name} is missing`);
  }
  if (!client || !operations || !models) return diagnostics;
  const methods = clientMethods(client);
  const context = operationContext(api);
  for (const operation of api.operations) {
    if (!methods.has(operation.methodName)) {
      report('client.ts', client.getFunction('createClient'), operation.pointer, `operation ${operation.method.toUpperCase()} ${operation.pathKey} has no client method ${operation.methodName}`);
    }
    checkDescriptor(client, operation, (node, message) => report('client.ts', node, operation.pointer, message));
    checkParams(operations, operation, context, (node, pointer, message) => report('operations.ts', node, pointer, message));
    checkResponses(operations, operation, context, (node, pointer, message) => report('operations.ts', node, pointer, message));
  }
  checkModels(models, api, (node, pointer, message) => report('models.ts', node, pointer, message));
  return diagnostics;
}

function clientMethods(client: SourceFile): Set<string> {
  const returned = client.getFunction('createClient')?.getDescendantsOfKind(SyntaxKind.ReturnStatement)[0]?.getExpression();
  if (!returned || !Node.isObjectLiteralExpression(returned)) return new Set();
  return new Set(returned.getProperties().flatMap((property) => (Node.isMethodDeclaration(property) || Node.isPropertyAssignment(property) ? [property.getName()] : [])));
}

type Report = (node: Node | undefined, message: string) => void;

function checkDescriptor(client: SourceFile, operation: OperationIR, report: Report): void {
  const name = `${operation.methodName}Operation`;
  const declaration = client.getVariableDeclaration(name);
  const literal = declaration?.getInitializerIfKind(SyntaxKind.ObjectLiteralExpression);
  if (!literal) return report(declaration, `descriptor ${name} is missing`);
  const expect = (key: string, text: string | undefined) => {
    const actual = propertyText(literal, key);
    if (actual !== text) report(literal.getProperty(key) ?? literal, `${name}.${key} is ${actual ?? 'missing'}; the spec says ${text ?? 'none'}`);
  };
  expect('method', quote(operation.method));
  expect('path', quote(operation.path));
  expect('constantQuery', valueText(operation.constantQuery.map((q) => [q.name, q.value])));
  const body = operation.body;
  expect('body', body ? valueText({ key: body.key, encoding: body.encoding, contentType: body.contentType }) : undefined);
  expect('responses', valueText(Object.fromEntries(operation.responses.map((r) => [r.status, r.encoding]))));
  checkDescriptorParameters(literal, operation, name, report);
}

/** Each parameter's entry says where it goes on the wire: a wrong `in` sends it somewhere else. */
function checkDescriptorParameters(literal: ObjectLiteralExpression, operation: OperationIR, name: string, report: Report): void {
  const property = literal.getProperty('parameters');
  const list = property && Node.isPropertyAssignment(property) ? property.getInitializerIfKind(SyntaxKind.ArrayLiteralExpression) : undefined;
  if (!list) return report(literal, `${name}.parameters is missing`);
  const entries = new Map<string, ObjectLiteralExpression>();
  for (const element of list.getElements()) {
    if (!Node.isObjectLiteralExpression(element)) continue;
    const key = propertyText(element, 'key');
    if (key !== undefined) entries.set(key, element);
  }
  for (const parameter of operation.parameters) {
    const entry = entries.get(quote(parameter.key));
    entries.delete(quote(parameter.key));
    const what = `${parameter.in} parameter "${parameter.name}"`;
    if (!entry) {
      report(list, `${name}.parameters has no entry for ${what}`);
      continue;
    }
    const want: Array<[string, string]> = [['name', quote(parameter.name)], ['in', quote(parameter.in)], ['style', quote(parameter.style)], ['explode', String(parameter.explode)]];
    for (const [key, text] of want) {
      const actual = propertyText(entry, key);
      if (actual !== text) report(entry, `${name}.parameters[${quote(parameter.key)}].${key} is ${actual ?? 'missing'}; ${what} says ${text}`);
    }
  }
  for (const [key, entry] of entries) report(entry, `${name}.parameters has ${key}, which is not a parameter of the operation`);
}

function propertyText(literal: ObjectLiteralExpression, key: string): string | undefined {
  const property = literal.getProperty(key);
  return property && Node.isPropertyAssignment(property) ? property.getInitializer()?.getText() : undefined;
}

function checkParams(file: SourceFile, operation: OperationIR, context: OperationTypeContext, report: (node: Node | undefined, pointer: string, message: string) => void): void {
  const name = `${operation.typeName}Params`;
  const declaration = file.getInterface(name);
  const expected = [...operation.parameters.map((p) => ({ key: p.key, required: p.required, type: typeText(p.schema, context), pointer: p.pointer, what: `${p.in} parameter "${p.name}"` }))];
  if (operation.body?.key !== undefined) {
    const body = operation.body;
    expected.push({ key: body.key!, required: body.required, type: bodyTypeText(operation, context), pointer: body.pointer, what: 'the request body' });
  }
  if (!declaration) {
    if (expected.length === 0 && file.getTypeAlias(name)) return;
    return report(undefined, operation.pointer, `${name} is missing`);
  }
  for (const want of expected) {
    const property = declaration.getProperty((p) => unquote(p.getName()) === want.key);
    if (!property) {
      report(declaration, want.pointer, `${name} has no field "${want.key}" for ${want.what}`);
      continue;
    }
    if (property.hasQuestionToken() === want.required) {
      report(property, want.pointer, `${name}.${want.key} is ${want.required ? 'optional' : 'required'}; ${want.what} is ${want.required ? 'required' : 'optional'}`);
    }
    const actual = property.getTypeNode()?.getText();
    if (actual !== want.type) report(property, want.pointer, `${name}.${want.key} is typed ${actual ?? 'nothing'}; ${want.what} is ${want.type}`);
  }
  const known = new Set(expected.map((want) => want.key));
  for (const property of declaration.getProperties()) {
    if (!known.has(unquote(property.getName()))) report(property, operation.pointer, `${name}.${unquote(property.getName())} is not a parameter of the operation`);
  }
}

function checkResponses(file: SourceFile, operation: OperationIR, context: OperationTypeContext, report: (node: Node | undefined, pointer: string, message: string) => void): void {
  const name = `${operation.typeName}Responses`;
  const declaration = file.getInterface(name);
  if (!declaration) return report(undefined, operation.pointer, `${name} is missing`);
  for (const response of operation.responses) {
    const property = declaration.getProperty((p) => unquote(p.getName()) === response.status);
    const want = responseTypeText(operation, response, context);
    if (!property) report(declaration, response.pointer, `${name} has no entry for status ${response.status}`);
    else if (property.getTypeNode()?.getText() !== want) report(property, response.pointer, `${name}[${response.status}] is typed ${property.getTypeNode()?.getText() ?? 'nothing'}; the spec says ${want}`);
  }
}
