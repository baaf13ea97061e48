/**
 * `client.ts`: the operation table (what the runtime needs to put each request on the wire), the
 * `Client` interface (one method per operation, named by operationId, taking one params object
 * keyed by the spec's parameter names) and `createClient`, which binds the table to a config.
 */
import type { MethodSignatureStructure, StatementStructures, WriterFunction } from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from './ts-morph.js';
import type { ApiIR, OperationIR } from '../ir/types.js';
import { docs } from './docs.js';
import { valueText } from './literals.js';
import { hasRequiredParams } from './operations.js';
import { hasHeaders, headerKind } from './response-headers.js';

type Statement = StatementStructures | string;

export function clientStatements(api: ApiIR): Statement[] {
  const hasOperations = api.operations.length > 0;
  return [
    constant('DEFAULT_BASE_URL', api.defaultBaseUrl === undefined ? 'undefined' : valueText(api.defaultBaseUrl), 'string | undefined', docs('From the spec\'s host; `createClient({ baseUrl })` overrides it.')),
    constant('BASE_PATH', valueText(api.basePath), undefined, docs('Sent before every operation path.')),
    ...(hasOperations ? [operationTable(api)] : []),
    {
      kind: StructureKind.Interface,
      name: 'Client',
      isExported: true,
      docs: docs(`The client's methods: one per operation of ${api.title}${api.version ? ` ${api.version}` : ''}.`),
      methods: api.operations.map(methodSignature),
    },
    {
      kind: StructureKind.Function,
      name: 'createClient',
      isExported: true,
      docs: docs(`A client for ${api.title}${api.version ? ` ${api.version}` : ''}: one method per operation.`),
      parameters: [
        api.defaultBaseUrl === undefined
          ? { name: 'options', type: 'ClientOptions & { baseUrl: string }' }
          : { name: 'options', type: 'ClientOptions', initializer: '{}' },
      ],
      returnType: 'Client',
      statements: hasOperations
        ? 'return bindClient<Client>(configure(options, DEFAULT_BASE_URL, BASE_PATH), operations);'
        : ['configure(options, DEFAULT_BASE_URL, BASE_PATH);', 'return {};'],
    },
  ];
}

function constant(name: string, initializer: string | WriterFunction, type: string | undefined, description: string[], isExported = false): StatementStructures {
  return {
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    isExported,
    docs: description,
    declarations: [{ name, initializer, ...(type ? { type } : {}) }],
  };
}

/**
 * The table is JSON text parsed once at load, not object literals: tsc would re-check every
 * literal against `OperationSpec` on each type-check of the user's project (on Kubernetes's 1,123
 * operations, 0.4 s of a 1.8 s check). One line per operation keeps diffs readable. It is a text
 * statement, not a variable structure: ts-morph re-reads a declaration's text character by
 * character to place commas, which on Microsoft Graph's 10 MB table took 2.3 s.
 */
function operationTable(api: ApiIR): string {
  const lines = api.operations.map((operation) => `${JSON.stringify(operation.methodName)}: ${JSON.stringify(descriptor(operation))}`);
  const json = `{\n${lines.join(',\n')}\n}`;
  return [
    '/** What the runtime needs to put each operation on the wire, by method name. */',
    `export const operations: Readonly<Record<string, OperationSpec>> = JSON.parse(\`${templateText(json)}\`);`,
  ].join('\n');
}

/** Template-literal text whose cooked value is `text` exactly. */
function templateText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

/** Mirrors the runtime's `OperationSpec`; the order of keys is fixed, so the text is deterministic. */
function descriptor(operation: OperationIR): object {
  const { body } = operation;
  return {
    name: operation.methodName,
    method: operation.method,
    path: operation.path,
    constantQuery: operation.constantQuery.map((q) => [q.name, q.value]),
    parameters: operation.parameters.map((p) => ({ name: p.name, key: p.key, in: p.in, style: p.style, explode: p.explode })),
    ...(body ? { body: { ...(body.key === undefined ? {} : { key: body.key }), encoding: body.encoding, contentType: body.contentType } } : {}),
    responses: Object.fromEntries(operation.responses.map((r) => [r.status, r.encoding])),
    ...(operation.responses.some(hasHeaders)
      ? { headers: Object.fromEntries(operation.responses.filter(hasHeaders).map((r) => [r.status, r.headers.map((header) => [header.name, headerKind(header.schema)])])) }
      : {}),
  };
}

function methodSignature(operation: OperationIR): MethodSignatureStructure {
  const optional = !hasRequiredParams(operation);
  return {
    kind: StructureKind.MethodSignature,
    name: operation.methodName,
    docs: docs(
      operation.summary,
      operation.description !== operation.summary && operation.description,
      `\`${operation.method.toUpperCase()} ${operation.pathKey}\``,
      operation.deprecated && '@deprecated',
    ),
    parameters: [
      { name: 'params', type: `Operations.${operation.typeName}Params`, hasQuestionToken: optional },
      { name: 'options', type: 'RequestOptions', hasQuestionToken: true },
    ],
    returnType: `Promise<Operations.${operation.typeName}Result>`,
  };
}
