/**
 * The drift check: what `generate` would write now, compared with what is on disk, as a unified
 * diff a reviewer can read in a CI log.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { GeneratedFiles } from '../emit/output-files.js';

export interface Drift {
  file: string;
  kind: 'changed' | 'missing' | 'extra';
  /** Unified diff, on disk → fresh. */
  patch: string;
}

export async function compareOutput(dir: string, files: GeneratedFiles): Promise<Drift[]> {
  const onDisk = new Set(await listFiles(dir));
  const drifts: Drift[] = [];
  for (const [name, fresh] of files) {
    const file = path.join(dir, name);
    const current = onDisk.has(name) ? await readFile(file, 'utf8') : undefined;
    if (current === fresh) continue;
    drifts.push({
      file,
      kind: current === undefined ? 'missing' : 'changed',
      patch: createTwoFilesPatch(current === undefined ? '/dev/null' : file, file, current ?? '', fresh, 'on disk', 'openbind generate', { context: 3 }),
    });
  }
  for (const name of [...onDisk].sort()) {
    if (files.has(name)) continue;
    const file = path.join(dir, name);
    drifts.push({ file, kind: 'extra', patch: `${file}: on disk, but generate would not write it\n` });
  }
  return drifts;
}

async function listFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
  } catch {
    return [];
  }
}
