/**
 * The spec files a command's arguments name: a file as it is (a missing one is reported by the
 * loader, located, like every other input problem), a folder as its `*.yaml`, `*.yml` and
 * `*.json` files in name order.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from './diagnostics.js';

export const SPEC_FILE = /\.(ya?ml|json)$/i;

export type SpecFiles = { ok: true; files: string[] } | { ok: false; diagnostics: Diagnostic[] };

export async function specFiles(inputs: string[]): Promise<SpecFiles> {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (info?.isDirectory()) {
      const names = (await readdir(input)).filter((name) => SPEC_FILE.test(name)).sort();
      if (names.length === 0) diagnostics.push(inputError(input, `no *.yaml, *.yml or *.json spec in folder ${input}`));
      files.push(...names.map((name) => path.join(input, name)));
    } else {
      files.push(input);
    }
  }
  return diagnostics.length > 0 ? { ok: false, diagnostics } : { ok: true, files };
}

export function inputError(file: string, message: string): Diagnostic {
  return { code: 'cli/input', severity: 'error', message, pointer: '', location: { file, line: 1, column: 1 } };
}
