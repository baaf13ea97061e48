/**
 * The generated client for a spec, generated in memory and imported from a temporary folder
 * (outside the project's generated/), so `openbind test` exercises exactly the code `generate`
 * writes. The folder is marked as ESM and removed by `dispose`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { GeneratedFiles } from '../emit/output-files.js';
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
    // The generated code is TypeScript: tsx's scoped importer loads it (and only it) as it is,
    // whether the CLI runs from its bundle or from source.
    const { tsImport } = await import('tsx/esm/api');
    const bindings = (await tsImport(pathToFileURL(path.join(dir, 'index.ts')).href, import.meta.url)) as { createClient: ClientFactory };
    return { createClient: bindings.createClient, dir, dispose: () => rm(dir, { recursive: true, force: true }) };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
