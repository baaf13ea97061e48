/**
 * One API document in, one located result out: the document (repaired where lenient reading
 * allows, external `$ref`s bundled in), its sha256, and every problem as a located diagnostic.
 * This is the only stage that reads files.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Diagnostic, type SourceLocation, hasErrors, locateDiagnostics } from '../diagnostics.js';
import { bundleExternalRefs, hasExternalRefs } from './external-refs.js';
import { parseText } from './parse-text.js';
import { isObject, repairDocument } from './repair.js';
import { specVersion, validateSchema } from './validate-schema.js';

export interface LoadedSpec {
  /** The path as the user gave it; diagnostics use it. */
  file: string;
  /** Output folder name: the file name without its extension. */
  name: string;
  sha256: string;
  version: '2.0' | '3.0' | '3.1';
  document: Record<string, unknown>;
  diagnostics: Diagnostic[];
  locate(pointer: string): SourceLocation;
  locateMany(pointers: readonly string[]): SourceLocation[];
}

export type LoadResult = { ok: true; spec: LoadedSpec } | { ok: false; diagnostics: Diagnostic[] };

/** File names that say nothing about which API it is: the folder names it instead. */
const GENERIC_NAME = /^(openapi|swagger|api|spec|index|v?\d+(\.\d+)*)$/i;

/**
 * The output folder name: the file name without its extension (`ecr-layers.yaml` → `ecr-layers`).
 * Catalogues name files generically (`aws-cognito/openapi.md`, `compute/v1/swagger.json`): then
 * the nearest folders that are not generic name it (`aws-cognito`, `compute-v1`).
 */
export function specName(file: string): string {
  const segments = path.resolve(file).split(path.sep).filter((segment) => segment.length > 0 && !segment.startsWith('_'));
  const base = (segments.pop() ?? '').replace(/\.(ya?ml|json|md)$/i, '');
  const parts = [base];
  while (GENERIC_NAME.test(parts[0]!) && segments.length > 0) parts.unshift(segments.pop()!);
  const named = GENERIC_NAME.test(base) ? parts.filter((part) => !/^(openapi|swagger|api|spec|index)$/i.test(part)) : parts;
  return named.join('-').replace(/[^A-Za-z0-9._-]+/g, '-') || 'api';
}

export async function loadSpec(file: string): Promise<LoadResult> {
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return fail({ code: 'load/read', severity: 'error', message: `cannot read ${file}: ${reason}`, pointer: '', location: { file, line: 1, column: 1 } });
  }
  const sha256 = createHash('sha256').update(raw).digest('hex');
  const parsed = parseText(file, raw.toString('utf8'));
  const locateAll = (diagnostics: Diagnostic[]) => locateDiagnostics(diagnostics, parsed.locateMany);
  if (hasErrors(parsed.diagnostics)) return fail(...parsed.diagnostics);
  if (!isObject(parsed.value)) {
    return fail({ code: 'load/not-an-object', severity: 'error', message: 'the document is not a mapping of fields (expected swagger: "2.0" or openapi: 3.x at the top)', pointer: '', location: parsed.locate('') });
  }
  const repaired = repairDocument(parsed.value);
  const version = specVersion(repaired.document);
  if (!version) {
    const diagnostic: Diagnostic = {
      code: 'load/unknown-version',
      severity: 'error',
      message: 'not a Swagger 2.0 or OpenAPI 3.0/3.1 document: expected swagger: "2.0" or openapi: "3.x.y"',
      pointer: 'swagger' in repaired.document ? '/swagger' : 'openapi' in repaired.document ? '/openapi' : '',
    };
    return fail(...locateAll([...parsed.diagnostics, diagnostic]));
  }
  let document = repaired.document;
  const diagnostics = [...parsed.diagnostics, ...repaired.diagnostics, ...validateSchema(document, version)];
  if (!hasErrors(diagnostics) && hasExternalRefs(document)) document = await bundleExternalRefs(file, document, parsed.locate, diagnostics);
  const located = locateAll(diagnostics);
  if (hasErrors(located)) return { ok: false, diagnostics: located };
  return { ok: true, spec: { file, name: specName(file), sha256, version, document, diagnostics: located, locate: parsed.locate, locateMany: parsed.locateMany } };
}

function fail(...diagnostics: Diagnostic[]): LoadResult {
  return { ok: false, diagnostics };
}
