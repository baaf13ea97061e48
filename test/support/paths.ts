/** Where things are, from any test. */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SPEC_DIR = path.join(ROOT, 'spec');
export const GENERATED_DIR = path.join(ROOT, 'generated');
export const BIN = path.join(ROOT, 'generator', 'bin.js');

/** The shared corpus sits beside the project (`../shared/corpus`); a stranger's clone has none. */
export const CORPUS_DIR = path.resolve(ROOT, '..', 'shared', 'corpus');
export const HAS_CORPUS = existsSync(path.join(CORPUS_DIR, 'MANIFEST.tsv'));
export const NO_CORPUS_REASON = `no corpus at ${CORPUS_DIR} (it lives in ../shared/corpus beside the project)`;

/** A fresh folder under test/.tmp (ignored by git), inside the project so generated code resolves as ESM. */
export async function tempDir(prefix: string): Promise<string> {
  const base = path.join(ROOT, 'test', '.tmp');
  await mkdir(base, { recursive: true });
  return mkdtemp(path.join(base, `${prefix}-`));
}
