/**
 * `client.ts`: one operation descriptor per operation (what the runtime needs to put the request
 * on the wire) and `createClient`, whose methods are named by operationId and take one params
 * object keyed by the spec's parameter names.
 */
import { StructureKind, VariableDeclarationKind, type StatementStructures, type WriterFunction } from 'ts-morph';
import type { ApiIR, OperationIR } from '../ir/types.js';

type Statement = StatementStructures | string;
import { docs, docText } from './docs.js';
import { valueText } from './literals.js';
import { hasRequiredParams } from './operations.js';

export function clientStatements(api: ApiIR): Statement[] {
  return [
    constant('DEFAULT_BASE_URL', api.defaultBaseUrl === undefined ? 'undefined' : valueText(api.defaultBaseUrl), 'string | undefined', docs('From the spec\'s host; `createClient({ baseUrl })` overrides it.')),
    constant('BASE_PATH', valueText(api.basePath), undefined, docs('Sent before every operation path.')),
    ...api.operations.map(descriptorStatement),
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
      statements: (writer) => {
        if (api.operations.length === 0) {
          writer.writeLine('configure(options, DEFAULT_BASE_URL, BASE_PATH);');
          writer.write('return {};');
          return;
        }
        writer.writeLine('const config = configure(options, DEFAULT_BASE_URL, BASE_PATH);');
        writer.write('return ').inlineBlock(() => {
          for (const operation of api.operations) writeMethod(writer, operation);
        });
        writer.write(';');
      },
    },
    { kind: StructureKind.TypeAlias, name: 'Client', isExported: true, type: 'ReturnType<typeof createClient>' },
  ];
}

function descriptorName(operation: OperationIR): string {
  return `${operation.methodName}Operation`;
}

function constant(name: string, initializer: string | WriterFunction, type: string | undefined, description: Array<{ description: string }>, isExported = false): StatementStructures {
  return {
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    isExported,
    docs: description,
    declarations: [{ name, initializer, ...(type ? { type } : {}) }],
  };
}

/**
 * Written as text, not a structure: ts-morph re-indents a multi-line initializer, and the
 * descriptor should read like the hand-written table it is.
 */
function descriptorStatement(operation: OperationIR): string {
  const doc = docText(`${operation.method.toUpperCase()} ${operation.pathKey}`).replace(/\n/g, ' ');
  return `/** ${doc} */\nexport const ${descriptorName(operation)}: OperationSpec = ${descriptor(operation)};\n`;
}

/** What the runtime needs to put this operation on the wire, one line per part for readable diffs. */
function descriptor(operation: OperationIR): string {
  const { body } = operation;
  const parts: Array<[string, string]> = [
    ['name', valueText(operation.methodName)],
    ['method', valueText(operation.method)],
    ['path', valueText(operation.path)],
    ['constantQuery', valueText(operation.constantQuery.map((q) => [q.name, q.value]))],
    ['parameters', operation.parameters.length === 0 ? '[]' : ''],
    ...(body ? [['body', valueText({ key: body.key, encoding: body.encoding, contentType: body.contentType })] as [string, string]] : []),
    ['responses', valueText(Object.fromEntries(operation.responses.map((r) => [r.status, r.encoding])))],
  ];
  const lines = parts.flatMap(([key, text]) =>
    key === 'parameters' && text === ''
      ? ['  parameters: [', ...operation.parameters.map((p) => `    ${valueText({ name: p.name, key: p.key, in: p.in, style: p.style, explode: p.explode })},`), '  ],']
      : [`  ${key}: ${text},`],
  );
  return ['{', ...lines, '}'].join('\n');
}

function writeMethod(writer: Parameters<WriterFunction>[0], operation: OperationIR): void {
  const description = docs(
    operation.summary,
    operation.description !== operation.summary && operation.description,
    `\`${operation.method.toUpperCase()} ${operation.pathKey}\``,
    operation.deprecated && '@deprecated',
  )[0]?.description;
  if (description) {
    writer.writeLine('/**');
    for (const line of description.split('\n')) writer.writeLine(line.length > 0 ? ` * ${line}` : ' *');
    writer.writeLine(' */');
  }
  const params = hasRequiredParams(operation) ? `params: Operations.${operation.typeName}Params` : `params: Operations.${operation.typeName}Params = {}`;
  const result = `Operations.${operation.typeName}Result`;
  writer.write(`${operation.methodName}(${params}, options?: RequestOptions): Promise<${result}> `).inlineBlock(() => {
    writer.writeLine(`return send(config, ${descriptorName(operation)}, params, options) as Promise<${result}>;`);
  });
  writer.write(',').newLine();
}
