/**
 * ApiIR → the files of `generated/<api>/`, as text. Pure: each file is one ts-morph structure,
 * built in one batch and printed once, without a project, parsing or type-checking.
 */
import type { StatementStructures } from 'ts-morph';
import { printStructure, StructureKind } from './ts-morph.js';

/** What a file body is made of: structures, or a few fixed lines of text (re-exports). */
type Statement = StatementStructures | string;
import type { ApiIR } from '../ir/types.js';
import { clientStatements } from './client.js';
import { modelStatements } from './models.js';
import { operationStatements, operationsUseModels } from './operations.js';
import { FILE_NAMES, GENERATED_MARK, type FileName, type GeneratedFiles } from './output-files.js';

export type { GeneratedFiles } from './output-files.js';

export function emitApi(api: ApiIR, runtimeSource: string): GeneratedFiles {
  return new Map(FILE_NAMES.map((name) => [name, emitFile(api, name, runtimeSource)]));
}

/** One file of the output, printed on its own: its structures are garbage before the next is built. */
export function emitFile(api: ApiIR, name: FileName, runtimeSource: string): string {
  const header = headerComment(api);
  // printStructure writes the text straight from the structures: no source file is parsed back,
  // which for a large spec is most of the cost of emission (ts-morph's performance guide).
  const print = (statements: Statement[]) =>
    printStructure({ kind: StructureKind.SourceFile, statements: [header, ...statements] }, { indentNumberOfSpaces: 2, newLine: '\n', useSingleQuote: true });
  const hasOperations = api.operations.length > 0;
  switch (name) {
    case 'models.ts':
      return print(api.schemas.length > 0 ? modelStatements(api) : ['export {};']);
    case 'operations.ts':
      // Only what a file uses is imported: generated code must pass a user's noUnusedLocals.
      return print([
        ...(operationsUseModels(api) ? [typeImportAll('Models', './models.js')] : []),
        ...(hasOperations ? [namedImport(['ApiResponse'], './runtime.js', true)] : []),
        ...(hasOperations ? operationStatements(api) : ['export {};']),
      ]);
    case 'client.ts':
      return print([
        hasOperations
          ? namedImport(['bindClient', 'configure', 'type ClientOptions', 'type OperationSpec', 'type RequestOptions'], './runtime.js', false)
          : namedImport(['configure', 'type ClientOptions'], './runtime.js', false),
        ...(hasOperations ? [typeImportAll('Operations', './operations.js')] : []),
        ...clientStatements(api),
      ]);
    case 'runtime.ts':
      return `${header}\n\n${runtimeSource.replace(/^\/\*\*[\s\S]*?\*\/\n/, '')}`.replace(/\n+$/, '\n');
    case 'index.ts':
      return print([
        "export { createClient, type Client } from './client.js';",
        "export { ApiError, isApiError, type ApiResponse, type ClientOptions, type RequestOptions } from './runtime.js';",
        "export type * from './operations.js';",
        // Models are types, and enum `const` objects: `export *` carries both.
        ...(api.schemas.length > 0 ? ["export * from './models.js';"] : []),
      ]);
  }
}


function headerComment(api: ApiIR): string {
  return [
    `${GENERATED_MARK} from ${baseName(api.source.file)} (Swagger/OpenAPI ${api.source.specVersion}, sha256 ${api.source.sha256}).`,
    '// Do not edit: change the spec and run `openbind generate`.',
  ].join('\n');
}

/** The header names the file, not the path it was reached by, so output never depends on the cwd. */
function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

function typeImportAll(alias: string, moduleSpecifier: string): StatementStructures {
  return { kind: StructureKind.ImportDeclaration, isTypeOnly: true, namespaceImport: alias, moduleSpecifier };
}

function namedImport(names: string[], moduleSpecifier: string, isTypeOnly: boolean): StatementStructures {
  return { kind: StructureKind.ImportDeclaration, isTypeOnly, namedImports: names, moduleSpecifier };
}
