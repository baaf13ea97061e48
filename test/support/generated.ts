/** The committed output of a spec, read back as the map `generateSpec` returns. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { GeneratedFiles } from '../../generator/emit/output-files.js';
import { generateSpecWithSource } from '../../generator/pipeline.js';

export async function readGenerated(dir: string): Promise<GeneratedFiles> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.ts')).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(path.join(dir, name), 'utf8')] as const)));
}

/** Generates a spec and fails the test with its diagnostics if it does not generate. */
export async function generateOrThrow(file: string) {
  const result = await generateSpecWithSource(file);
  if (!result.ok) throw new Error(`${file} did not generate:\n${result.diagnostics.map((d) => d.message).join('\n')}`);
  return result;
}

/** Writes a hand-written spec into `dir` and loads it; fails the test if it does not load. */
export async function loadText(dir: string, name: string, text: string) {
  const { writeFile } = await import('node:fs/promises');
  const { loadSpec } = await import('../../generator/load/load-spec.js');
  const file = path.join(dir, name);
  await writeFile(file, text);
  const result = await loadSpec(file);
  if (!result.ok) throw new Error(`${name} did not load:\n${result.diagnostics.map((d) => d.message).join('\n')}`);
  return result.spec;
}
