/**
 * An independent oracle for model types: openapi-typescript's `components['schemas']` for the
 * same OpenAPI 3 document, compared with ours by mutual assignability, checked by tsc. Every
 * disagreement is returned with tsc's reason, for the caller to explain or fail on.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import type { ApiIR } from '../../generator/ir/types.js';
import { generateSpec } from '../../generator/pipeline.js';
import { quote } from '../../generator/emit/literals.js';

/**
 * openapi-typescript's options set to the JSON Schema meaning we implement, so that what remains
 * are real differences: an object schema with no properties allows any (not no) properties, and
 * a `default` does not make a property required.
 */
const ORACLE_OPTIONS = { emptyObjectsUnknown: true, defaultNonNullable: false } as const;

export interface Disagreement {
  schema: string;
  /** `ours→theirs`: a value of our type is not one of theirs; `theirs→ours`: the other way. */
  direction: 'ours→theirs' | 'theirs→ours';
  reason: string;
}

export interface OracleResult {
  api: ApiIR;
  compared: number;
  disagreements: Disagreement[];
  /** Problems compiling either side (which would make the comparison meaningless). */
  compileErrors: string[];
}

export async function compareWithOracle(file: string, document: unknown, dir: string): Promise<OracleResult> {
  const ours = await generateSpec(file);
  if (!ours.ok) throw new Error(`${file} did not generate: ${ours.diagnostics.find((d) => d.severity === 'error')?.message}`);
  await mkdir(path.join(dir, 'ours'), { recursive: true });
  for (const [name, text] of ours.files) await writeFile(path.join(dir, 'ours', name), text);
  await writeFile(path.join(dir, 'theirs.ts'), astToString(await openapiTS(structuredClone(document) as never, ORACLE_OPTIONS)));
  const schemas = ours.api.schemas;
  const lines = [
    "import type * as Ours from './ours/models.js';",
    "import type { components } from './theirs.js';",
    "type Theirs = components['schemas'];",
    ...schemas.flatMap((schema, index) => [
      `export function ours${index}(value: Ours.${schema.typeName}): Theirs[${quote(schema.specName)}] { return value; }`,
      `export function theirs${index}(value: Theirs[${quote(schema.specName)}]): Ours.${schema.typeName} { return value; }`,
    ]),
  ];
  const check = path.join(dir, 'check.ts');
  await writeFile(check, lines.join('\n') + '\n');
  const program = ts.createProgram([check], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
    skipLibCheck: true,
  });
  const disagreements: Disagreement[] = [];
  const compileErrors: string[] = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    if (diagnostic.file?.fileName !== check || diagnostic.start === undefined) {
      compileErrors.push(`${diagnostic.file?.fileName ?? ''}: ${message}`);
      continue;
    }
    const line = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line - 3;
    const schema = schemas[Math.floor(line / 2)];
    if (!schema) {
      compileErrors.push(message);
      continue;
    }
    disagreements.push({ schema: schema.specName, direction: line % 2 === 0 ? 'ours→theirs' : 'theirs→ours', reason: message.slice(0, 300) });
  }
  return { api: ours.api, compared: schemas.length, disagreements, compileErrors };
}
