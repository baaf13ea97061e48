/**
 * The generated client for a spec, generated in memory and imported from a temporary folder
 * (outside the project's generated/), so `openbind test` exercises exactly the code `generate`
 * writes. The folder is marked as ESM and removed by `dispose`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { GeneratedFiles } from '../emit/emit-api.js';
import type { ClientFactory } from './case-runner.js';

export interface LoadedClient {
  createClient: ClientFactory;
  dir: string;
  dispose(): Promise<void>;
}

export async function loadGeneratedClient(files: GeneratedFiles): Promise<LoadedClient> {
  const dir = await mkdtemp(path.join(tmpdir(), 'openbind-test-'));
  try {
    await writeFile(path.join(dir, 'package.json'), '{ "type": "module" }\n');
    for (const [name, text] of files) await writeFile(path.join(dir, name), text);
    // The CLI runs under tsx (generator/bin.js), which loads the TypeScript as it is.
    const bindings = (await import(pathToFileURL(path.join(dir, 'index.ts')).href)) as { createClient: ClientFactory };
    return { createClient: bindings.createClient, dir, dispose: () => rm(dir, { recursive: true, force: true }) };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
