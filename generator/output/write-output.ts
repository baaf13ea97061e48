/**
 * Writes generated folders, all or nothing per folder: every folder is checked before any is
 * touched, each is written beside its target and swapped in with two renames, and a folder that
 * holds a file openbind did not write is never replaced (the user's file would be lost).
 */
import { mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { GENERATED_MARK, type GeneratedFiles } from '../emit/output-files.js';

export interface OutputFolder {
  /** The folder to (re)place, e.g. `generated/ecr-layers`. */
  dir: string;
  files: GeneratedFiles;
}

export async function writeOutputs(folders: readonly OutputFolder[]): Promise<Diagnostic[]> {
  const problems = (await Promise.all(folders.map((folder) => foreignEntries(folder.dir)))).flat();
  if (problems.length > 0) return problems;
  for (const folder of folders) await replaceFolder(folder);
  return [];
}

/** Entries of an existing output folder that openbind did not write, as error diagnostics. */
export async function foreignEntries(dir: string): Promise<Diagnostic[]> {
  const entries = await listFolder(dir);
  if (entries === 'not-a-folder') return [outputError(dir, `${dir} exists and is not a folder; openbind will not replace it`)];
  const foreign: Diagnostic[] = [];
  for (const entry of entries ?? []) {
    const file = path.join(dir, entry.name);
    if (!entry.isFile() || !(await carriesMark(file))) {
      foreign.push(outputError(file, `${file} was not written by openbind; move it out of ${dir} (openbind replaces that folder whole)`));
    }
  }
  return foreign;
}

async function listFolder(dir: string) {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) return 'not-a-folder' as const;
  } catch {
    return undefined;
  }
  return readdir(dir, { withFileTypes: true });
}

async function carriesMark(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(GENERATED_MARK.length);
    await handle.read(buffer, 0, buffer.length, 0);
    return buffer.toString('utf8') === GENERATED_MARK;
  } finally {
    await handle.close();
  }
}

function outputError(file: string, message: string): Diagnostic {
  return { code: 'output/foreign-file', severity: 'error', message, pointer: '', location: { file, line: 1, column: 1 } };
}

async function replaceFolder({ dir, files }: OutputFolder): Promise<void> {
  const parent = path.dirname(dir);
  const base = path.basename(dir);
  await mkdir(parent, { recursive: true });
  const staging = path.join(parent, `.${base}.openbind-new-${process.pid}`);
  const previous = path.join(parent, `.${base}.openbind-old-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging);
  try {
    for (const [name, text] of files) await writeFile(path.join(staging, name), text);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const existed = (await listFolder(dir)) !== undefined;
  if (existed) await rename(dir, previous);
  try {
    await rename(staging, dir);
  } catch (error) {
    if (existed) await rename(previous, dir);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  // Only openbind's own files were in it: foreignEntries checked before anything was written.
  if (existed) await rm(previous, { recursive: true, force: true });
}
