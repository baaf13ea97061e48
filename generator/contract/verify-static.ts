/**
 * Static conformance: reads generated code with ts-morph (as code, not as text) and checks it
 * against the IR — every operation has its client method and descriptor (method, path, key
 * query, each parameter's wire name and location, body and response encodings), every parameter
 * its field with the right key, optionality and type, every documented response its typed entry,
 * every named schema its declaration with its properties and types (verify-models.ts). A hand
 * edit, a stale folder or an emitter bug shows up as a diagnostic located in the generated file.
 */
import { Node, Project, SyntaxKind, type SourceFile } from 'ts-morph';
import type { Diagnostic } from '../diagnostics.js';
import type { GeneratedFiles } from '../emit/output-files.js';
import { bodyTypeText, responseTypeText, type OperationTypeContext } from '../emit/inline-types.js';
import { hasRequiredParams, operationContext } from '../emit/operations.js';
import { hasHeaders, headerKind } from '../emit/response-headers.js';
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
  const report = (file: string, node: Node | undefined, pointer: string, message: string, atLine?: number) => {
    const line = atLine ?? (node ? node.getStartLineNumber() : 1);
    const column = atLine !== undefined ? 1 : node ? node.getStart() - node.getStartLinePos() + 1 : 1;
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
  const table = operationTable(client);
  const context = operationContext(api);
  for (const operation of api.operations) {
    const reportClient: Report = (node, message, line) => report('client.ts', node, operation.pointer, message, line);
    const method = methods.get(operation.methodName);
    if (!method) reportClient(client.getInterface('Client'), `operation ${operation.method.toUpperCase()} ${operation.pathKey} has no client method ${operation.methodName}`);
    checkMethod(method, operation, reportClient);
    checkDescriptor(table, operation, reportClient);
    checkParams(operations, operation, context, (node, pointer, message) => report('operations.ts', node, pointer, message));
    checkResponses(operations, operation, context, (node, pointer, message) => report('operations.ts', node, pointer, message));
  }
  checkModels(models, api, (node, pointer, message) => report('models.ts', node, pointer, message));
  return diagnostics;
}

/** The `Client` interface's methods by name: each must take the operation's params and resolve to its result. */
function clientMethods(client: SourceFile): Map<string, Node> {
  const declaration = client.getInterface('Client');
  return new Map((declaration?.getMethods() ?? []).map((method) => [method.getName(), method]));
}

type Report = (node: Node | undefined, message: string, line?: number) => void;

function checkMethod(method: Node | undefined, operation: OperationIR, report: Report): void {
  if (!method || !Node.isMethodSignature(method)) return;
  const [params] = method.getParameters();
  const wantParams = `Operations.${operation.typeName}Params`;
  const optional = !hasRequiredParams(operation);
  if (params?.getTypeNode()?.getText() !== wantParams) report(method, `Client.${operation.methodName} takes ${params?.getTypeNode()?.getText() ?? 'nothing'}; the spec says ${wantParams}`);
  else if (params.hasQuestionToken() !== optional) {
    report(params, `Client.${operation.methodName}'s params are ${optional ? 'required, but no parameter is' : 'optional, but some parameters are required'}`);
  }
  const wantResult = `Promise<Operations.${operation.typeName}Result>`;
  if (method.getReturnTypeNode()?.getText() !== wantResult) report(method, `Client.${operation.methodName} returns ${method.getReturnTypeNode()?.getText() ?? 'nothing'}; the spec says ${wantResult}`);
}

interface OperationTable {
  node: Node | undefined;
  /** Line of the table's first line in client.ts. */
  line: number;
  lines: string[];
  entries: Map<string, Record<string, unknown>>;
}

/** The `operations` table: JSON text in a template literal, read back as the runtime reads it. */
function operationTable(client: SourceFile): OperationTable {
  const declaration = client.getVariableDeclaration('operations');
  const call = declaration?.getInitializerIfKind(SyntaxKind.CallExpression);
  const template = call?.getArguments()[0];
  const empty: OperationTable = { node: declaration, line: declaration?.getStartLineNumber() ?? 1, lines: [], entries: new Map() };
  if (!template || !Node.isNoSubstitutionTemplateLiteral(template)) return empty;
  const text = template.getLiteralValue();
  try {
    return { node: template, line: template.getStartLineNumber(), lines: text.split('\n'), entries: new Map(Object.entries(JSON.parse(text) as Record<string, Record<string, unknown>>)) };
  } catch {
    return empty;
  }
}

function checkDescriptor(table: OperationTable, operation: OperationIR, report: Report): void {
  const entry = table.entries.get(operation.methodName);
  const index = table.lines.findIndex((line) => line.startsWith(`${JSON.stringify(operation.methodName)}:`));
  const line = index >= 0 ? table.line + index : undefined;
  const name = `operations.${operation.methodName}`;
  if (!entry) return report(table.node, `the operation table has no entry for ${operation.methodName}`, line);
  const expect = (key: string, want: unknown) => {
    const actual = JSON.stringify(entry[key]);
    if (actual !== JSON.stringify(want)) report(table.node, `${name}.${key} is ${actual ?? 'missing'}; the spec says ${JSON.stringify(want) ?? 'none'}`, line);
  };
  expect('method', operation.method);
  expect('path', operation.path);
  expect('constantQuery', operation.constantQuery.map((q) => [q.name, q.value]));
  const body = operation.body;
  expect('body', body ? { ...(body.key === undefined ? {} : { key: body.key }), encoding: body.encoding, contentType: body.contentType } : undefined);
  expect('responses', Object.fromEntries(operation.responses.map((r) => [r.status, r.encoding])));
  const documented = operation.responses.filter(hasHeaders);
  expect('headers', documented.length > 0 ? Object.fromEntries(documented.map((r) => [r.status, r.headers.map((h) => [h.name, headerKind(h.schema)])])) : undefined);
  checkTableParameters(entry, operation, name, (message) => report(table.node, message, line));
}

/** Each parameter's entry says where it goes on the wire: a wrong `in` sends it somewhere else. */
function checkTableParameters(entry: Record<string, unknown>, operation: OperationIR, name: string, report: (message: string) => void): void {
  if (!Array.isArray(entry.parameters)) return report(`${name}.parameters is missing`);
  const entries = new Map<string, Record<string, unknown>>();
  for (const element of entry.parameters as unknown[]) {
    if (typeof element === 'object' && element !== null && typeof (element as { key?: unknown }).key === 'string') entries.set((element as { key: string }).key, element as Record<string, unknown>);
  }
  for (const parameter of operation.parameters) {
    const found = entries.get(parameter.key);
    entries.delete(parameter.key);
    const what = `${parameter.in} parameter "${parameter.name}"`;
    if (!found) {
      report(`${name}.parameters has no entry for ${what}`);
      continue;
    }
    const want: Array<[string, unknown]> = [['name', parameter.name], ['in', parameter.in], ['style', parameter.style], ['explode', parameter.explode]];
    for (const [key, value] of want) {
      if (found[key] !== value) report(`${name}.parameters[${JSON.stringify(parameter.key)}].${key} is ${JSON.stringify(found[key]) ?? 'missing'}; ${what} says ${JSON.stringify(value)}`);
    }
  }
  for (const key of entries.keys()) report(`${name}.parameters has ${JSON.stringify(key)}, which is not a parameter of the operation`);
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
