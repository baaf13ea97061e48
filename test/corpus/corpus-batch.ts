/**
 * One batch of the corpus run: generate each document, write its output, then type-check the
 * whole batch in one strict tsc program and attribute each error to the document it came from.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { generateSpec } from '../../generator/pipeline.js';
import { STRICT_OPTIONS } from '../support/compile.js';

export interface DocumentResult {
  file: string;
  generated: boolean;
  compiled: boolean;
  warnings: number;
  errors: number;
  crash: boolean;
  /** The first error (or warning, for a document that generated), as one line. */
  message: string;
  milliseconds: number;
}

export async function runBatch(files: string[], outDir: string): Promise<DocumentResult[]> {
  const results: DocumentResult[] = [];
  const outputs = new Map<number, string>();
  for (const [index, file] of files.entries()) {
    const started = performance.now();
    try {
      const result = await generateSpec(file);
      const milliseconds = Math.round(performance.now() - started);
      const warnings = result.diagnostics.filter((d) => d.severity === 'warning');
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      const first = errors[0] ?? warnings[0];
      const message = first ? `${first.code} ${first.location ? `${first.location.line}:${first.location.column} ` : ''}${first.message}` : '';
      results.push({ file, generated: result.ok, compiled: false, warnings: warnings.length, errors: errors.length, crash: false, message, milliseconds });
      if (result.ok) {
        const dir = path.join(outDir, String(index));
        await mkdir(dir, { recursive: true });
        for (const [name, text] of result.files) await writeFile(path.join(dir, name), text);
        outputs.set(index, dir);
      }
    } catch (error) {
      const milliseconds = Math.round(performance.now() - started);
      const stack = error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 3).join(' | ') : String(error);
      results.push({ file, generated: false, compiled: false, warnings: 0, errors: 0, crash: true, message: stack, milliseconds });
    }
  }
  const roots = [...outputs.values()].map((dir) => path.join(dir, 'index.ts'));
  if (roots.length === 0) return results;
  const program = ts.createProgram(roots, STRICT_OPTIONS);
  const failures = new Map<string, string>();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const fileName = diagnostic.file?.fileName ?? '';
    const dir = path.dirname(fileName);
    if (failures.has(dir)) continue;
    const where = diagnostic.file && diagnostic.start !== undefined ? `${path.basename(fileName)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1} ` : '';
    failures.set(dir, `TS${diagnostic.code} ${where}${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`.slice(0, 400));
  }
  for (const [index, dir] of outputs) {
    const failure = failures.get(dir);
    const result = results[index]!;
    result.compiled = failure === undefined;
    if (failure) result.message = failure;
  }
  return results;
}
