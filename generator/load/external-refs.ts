/**
 * Documents split over several files: swagger-parser's `bundle` pulls every `$ref`'d file into
 * the one document (keeping internal refs, so schemas keep their names). Referenced files get the
 * same tolerant reading as the main one. A reference to a file that is not there is a located
 * warning and reads as an empty schema — unless it sits under an `x-` extension (examples and
 * the like), which openbind does not read, so it is dropped without a word. Remote references are
 * never fetched.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Diagnostic, type SourceLocation, hasErrors, joinPointer } from '../diagnostics.js';
import { parseText } from './parse-text.js';
import { isObject } from './repair.js';

type Json = Record<string, unknown>;

export function hasExternalRefs(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (isObject(node)) {
      const ref = node.$ref;
      if (typeof ref === 'string' && !ref.startsWith('#')) return true;
      for (const key in node) stack.push(node[key]);
    }
  }
  return false;
}

export async function bundleExternalRefs(file: string, document: Json, locate: (pointer: string) => SourceLocation, diagnostics: Diagnostic[]): Promise<Json> {
  const main = path.resolve(file);
  neutraliseMissingRefs(document, main, locate, diagnostics);
  const read = async (fileInfo: { url: string }): Promise<unknown> => {
    const target = fileInfo.url.startsWith('file://') ? fileURLToPath(fileInfo.url) : fileInfo.url;
    // Named as the user would name it: relative to the working folder, like the main file.
    const parsed = parseText(path.relative(process.cwd(), target) || target, await readFile(target, 'utf8'));
    if (hasErrors(parsed.diagnostics)) {
      // Reported where they are, in the referenced file; the bundler's own message adds nothing.
      diagnostics.push(...parsed.diagnostics);
      throw new Error(`${target} cannot be read`);
    }
    neutraliseMissingRefs(parsed.value, target, parsed.locate, diagnostics);
    return parsed.value;
  };
  try {
    // Loaded only for the documents that need it: most have no external refs.
    const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
    return (await SwaggerParser.bundle(main, document as never, { resolve: { file: { read }, http: false } } as never)) as unknown as Json;
  } catch (error) {
    if (!hasErrors(diagnostics)) diagnostics.push({ code: 'load/external-ref', severity: 'error', message: firstLine((error as Error).message), pointer: '' });
    return document;
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

/** Replaces refs to missing or remote files in place, walking one file's value. */
function neutraliseMissingRefs(value: unknown, file: string, locate: (pointer: string) => SourceLocation, diagnostics: Diagnostic[]): void {
  const visit = (node: unknown, pointer: string, inExtension: boolean): void => {
    if (Array.isArray(node)) return node.forEach((item, index) => visit(item, joinPointer(pointer, index), inExtension));
    if (!isObject(node)) return;
    const ref = node.$ref;
    if (typeof ref === 'string' && /^[^#]+\/(#|$)/.test(ref) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) {
      // `./common.yml/#/definitions/X`: a file written as a folder; tools that accept it read the file.
      const fixed = ref.replace(/\/+(?=#|$)/, '');
      const refPointer = joinPointer(pointer, '$ref');
      diagnostics.push({ code: 'spec/ref-path', severity: 'warning', message: `$ref "${ref}" names a file with a trailing "/"; read as "${fixed}"`, pointer: refPointer, location: locate(refPointer) });
      node.$ref = fixed;
    }
    if (typeof node.$ref === 'string' && !node.$ref.startsWith('#')) {
      const problem = refProblem(node.$ref, file);
      if (problem) {
        delete node.$ref;
        if (!inExtension) {
          const refPointer = joinPointer(pointer, '$ref');
          diagnostics.push({ code: 'spec/unresolved-ref', severity: 'warning', message: `$ref "${String(ref)}" ${problem}; read as an empty schema`, pointer: refPointer, location: locate(refPointer) });
        }
      }
    }
    for (const [key, child] of Object.entries(node)) visit(child, joinPointer(pointer, key), inExtension || key.startsWith('x-'));
  };
  visit(value, '', false);
}

function refProblem(ref: string, file: string): string | undefined {
  const target = ref.split('#')[0]!;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target) && !target.startsWith('file://')) return 'is remote, and openbind does not fetch';
  let decoded = target;
  try {
    decoded = decodeURI(target);
  } catch {
    // keep as written
  }
  const resolved = target.startsWith('file://') ? fileURLToPath(target) : path.resolve(path.dirname(file), decoded);
  return existsSync(resolved) ? undefined : `names ${path.relative(path.dirname(file), resolved) || resolved}, which does not exist`;
}
