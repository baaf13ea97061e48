/**
 * The tools the bench runs side by side, and how each is invoked. openapi-typescript is our
 * dependency; the others are installed on demand into `.cache/bench-peers` (ignored by git), at
 * versions that run on Node 20 (hey-api needs typescript beside it). A tool that reads only OpenAPI 3 gets a Swagger 2.0 document
 * converted by swagger2openapi first, and that conversion counts in its time, as it would for
 * its users.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../support/paths.js';

const run = promisify(execFile);
export const PEERS_DIR = path.join(ROOT, '.cache', 'bench-peers');
export const PEER_PACKAGES = ['typescript@5.9.3', 'swagger2openapi@7.0.8', 'oazapfts@7.5.0', 'swagger-typescript-api@13.13.0', '@hey-api/openapi-ts@0.90.0', 'orval@7.10.0'];

export interface Tool {
  name: string;
  /** Reads only OpenAPI 3: a Swagger 2.0 input is converted first. */
  openApi3Only: boolean;
  /** The command that generates `input` into `outDir`, as node + script + arguments. */
  command(input: string, outDir: string): string[];
  /** The files to type-check in `outDir`. */
  entry(outDir: string): string[];
}

/** `#!/usr/bin/env -S node --flag` → ['--flag']. */
export function shebangFlags(script: string): string[] {
  const first = readFileSync(script, 'utf8').split('\n', 1)[0] ?? '';
  return first.split(/\s+/).filter((word) => word.startsWith('--'));
}

const bin = (...parts: string[]) => path.join(PEERS_DIR, 'node_modules', ...parts);

export const TOOLS: Tool[] = [
  {
    name: 'openbind',
    openApi3Only: false,
    // As `npx openbind` runs it: with the node flags of its shebang line.
    command: (input, outDir) => [...shebangFlags(path.join(ROOT, 'generator', 'bin.js')), path.join(ROOT, 'generator', 'bin.js'), 'generate', input, '--out', outDir],
    // The folder is named after the document; it is the only one in outDir.
    entry: (outDir) => (existsSync(outDir) ? readdirSync(outDir).map((name) => path.join(outDir, name, 'index.ts')) : []),
  },
  {
    name: 'openapi-typescript',
    openApi3Only: true,
    command: (input, outDir) => [path.join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'), input, '-o', path.join(outDir, 'schema.ts')],
    entry: (outDir) => [path.join(outDir, 'schema.ts')],
  },
  {
    name: 'oazapfts',
    openApi3Only: true,
    command: (input, outDir) => [bin('oazapfts', 'dist', 'cli.js'), input, path.join(outDir, 'api.ts')],
    entry: (outDir) => [path.join(outDir, 'api.ts')],
  },
  {
    name: 'swagger-typescript-api',
    openApi3Only: false,
    command: (input, outDir) => [bin('swagger-typescript-api', 'dist', 'cli.mjs'), 'generate', '--path', input, '--output', outDir, '--name', 'api.ts'],
    entry: (outDir) => [path.join(outDir, 'api.ts')],
  },
  {
    name: 'hey-api',
    openApi3Only: false,
    command: (input, outDir) => [bin('@hey-api', 'openapi-ts', 'bin', 'run.js'), '-i', input, '-o', path.join(outDir, 'client')],
    entry: (outDir) => [path.join(outDir, 'client', 'index.ts')],
  },
  {
    name: 'orval',
    openApi3Only: false,
    command: (input, outDir) => [bin('orval', 'dist', 'bin', 'orval.js'), '--input', input, '--output', path.join(outDir, 'api.ts')],
    entry: (outDir) => [path.join(outDir, 'api.ts')],
  },
];

export const SWAGGER2OPENAPI = () => [bin('swagger2openapi', 'swagger2openapi.js')];

/** Installs the peers once; returns the names of tools whose entry script exists. */
export async function ensurePeers(): Promise<Set<string>> {
  if (!existsSync(bin('orval'))) {
    await mkdir(PEERS_DIR, { recursive: true });
    await writeFile(path.join(PEERS_DIR, 'package.json'), JSON.stringify({ name: 'openbind-bench-peers', private: true }) + '\n');
    process.stderr.write(`bench: installing ${PEER_PACKAGES.join(', ')} into ${PEERS_DIR}\n`);
    await run('npm', ['install', '--no-audit', '--no-fund', '--save-exact', ...PEER_PACKAGES], { cwd: PEERS_DIR, maxBuffer: 1 << 24 });
  }
  const available = new Set<string>();
  for (const tool of TOOLS) if (existsSync(tool.command('x', 'y').find((arg) => !arg.startsWith('--'))!)) available.add(tool.name);
  return available;
}
