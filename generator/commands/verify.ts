/**
 * `openbind verify [spec…] [--out dir]`: the generated folders on disk, read as code, checked
 * against a fresh lowering of each spec. Each mismatch is located in the generated file and names
 * the place in the spec it breaks; any mismatch exits 1.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { type CliIo, printDiagnostics } from '../cli.js';
import { specFiles } from '../spec-files.js';
import { verifyStatic } from '../contract/verify-static.js';
import { type Diagnostic, formatLocation } from '../diagnostics.js';
import type { GeneratedFiles } from '../emit/output-files.js';
import { generateSpecWithSource } from '../pipeline.js';
import { parseCommandArgs } from './command-args.js';

export const VERIFY_USAGE = `Usage: openbind verify [spec…] [--out dir] [--strict]

Checks the generated code in <dir>/<name>/ against each spec (default: every spec in spec/,
--out generated): every operation, parameter (name, location, optionality, type), schema
declaration (properties and types) and response type. Exit 1 on any mismatch.`;

export async function verifyCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(argv, { out: { type: 'string', default: 'generated' }, strict: { type: 'boolean', default: false } }, io, VERIFY_USAGE);
  if (typeof parsed === 'number') return parsed;
  const positionals = parsed.positionals;
  const values = parsed.values as { out: string; strict: boolean };
  const files = await specFiles(positionals.length > 0 ? positionals : ['spec']);
  if (!files.ok) {
    printDiagnostics(io, files.diagnostics);
    return 1;
  }
  let failed = 0;
  for (const file of files.files) {
    const result = await generateSpecWithSource(file, { strict: values.strict });
    if (!result.ok) {
      printDiagnostics(io, result.diagnostics);
      failed++;
      continue;
    }
    const dir = path.join(values.out, result.name);
    const onDisk = await readFolder(dir);
    if (!onDisk) {
      printDiagnostics(io, [{ code: 'verify/missing', severity: 'error', message: `${dir}/ does not exist; run \`openbind generate ${file} --out ${values.out}\``, pointer: '', location: { file: dir, line: 1, column: 1 } }]);
      failed++;
      continue;
    }
    const mismatches = verifyStatic(result.api, onDisk, dir).map((d): Diagnostic => ({ ...d, message: `${d.message} (spec: ${formatLocation(result.spec.locate(d.pointer))} #${d.pointer})` }));
    printDiagnostics(io, mismatches);
    if (mismatches.length > 0) {
      failed++;
      io.err(`${dir}/ does not match ${file}: ${mismatches.length} mismatch(es)`);
    } else {
      io.out(`${dir}/ matches ${file} (${result.api.operations.length} operations, ${result.api.schemas.length} schemas)`);
    }
  }
  return failed > 0 ? 1 : 0;
}

async function readFolder(dir: string): Promise<GeneratedFiles | undefined> {
  const names = await readdir(dir).catch(() => undefined);
  if (!names) return undefined;
  const sources = names.filter((name) => name.endsWith('.ts')).sort();
  return new Map(await Promise.all(sources.map(async (name) => [name, await readFile(path.join(dir, name), 'utf8')] as const)));
}
