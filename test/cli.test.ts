/**
 * The CLI as users run it: a real `openbind` process, its exit code, what it prints, and what it
 * leaves on disk — above all after bad input, which must leave the previous output untouched.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, SPEC_DIR, tempDir } from './support/paths.js';

const run = promisify(execFile);
const SEED = path.join(SPEC_DIR, 'ecr-layers.yaml');

async function openbind(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A fingerprint of every file under a folder, to prove it was not touched. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name)).sort();
  return Object.fromEntries(await Promise.all(files.map(async (file) => [path.relative(dir, file), createHash('sha256').update(await readFile(file)).digest('hex')] as const)));
}

let dir: string;
beforeAll(async () => {
  dir = await tempDir('cli');
});

describe('openbind', () => {
  it('prints its usage for --help and exits 0', async () => {
    const result = await openbind('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('openbind generate [spec…] [--out dir]');
    expect(result.stdout).toContain('openbind check');
  });

  it('exits 2 for an unknown command or option', async () => {
    expect((await openbind('frobnicate')).code).toBe(2);
    expect((await openbind('generate', '--bogus')).code).toBe(2);
  });

  it('--format and the config file map a schema format to another type; a malformed mapping is a usage error', async () => {
    const spec = path.join(dir, 'formats.json');
    await writeFile(spec, JSON.stringify({ swagger: '2.0', info: { title: 'T', version: '1' }, paths: {}, definitions: { T: { type: 'object', properties: { id: { type: 'integer', format: 'int64' } } } } }));
    const out = path.join(dir, 'formats-out');
    expect(await openbind('generate', spec, '--out', out, '--format', 'int64=string')).toMatchObject({ code: 0 });
    expect(await readFile(path.join(out, 'formats', 'models.ts'), 'utf8')).toContain('id?: string;');
    // The config file's generate.formats applies; a flag wins over it.
    const config = path.join(dir, 'formats.config.json');
    await writeFile(config, JSON.stringify({ generate: { formats: { int64: 'unknown' } } }));
    expect(await openbind('generate', spec, '--out', out, '--config', config)).toMatchObject({ code: 0 });
    expect(await readFile(path.join(out, 'formats', 'models.ts'), 'utf8')).toContain('id?: unknown;');
    expect(await openbind('generate', spec, '--out', out, '--config', config, '--format', 'int64=string')).toMatchObject({ code: 0 });
    expect(await readFile(path.join(out, 'formats', 'models.ts'), 'utf8')).toContain('id?: string;');
    await writeFile(config, JSON.stringify({ generate: { formats: { int64: 'Date' } } }));
    const badConfig = await openbind('generate', spec, '--out', out, '--config', config);
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toContain('config/invalid  format "int64": "Date" is not one of string, number, boolean, Blob, unknown');
    const bad = await openbind('generate', spec, '--out', out, '--format', 'int64=Date');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format int64=Date: expected <format>=<type>');
  });

  it('is on the path as `openbind` for npx in a fresh clone', async () => {
    const { stdout } = await run('npx', ['--no-install', 'openbind', '--version'], { cwd: ROOT });
    const manifest = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(stdout.trim()).toBe(manifest.version);
  });

  it('generates the seed into --out/<name>/, the same bytes every time', async () => {
    const out = path.join(dir, 'gen');
    const first = await openbind('generate', SEED, '--out', out);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain(`wrote ${path.join(out, 'ecr-layers')}/ (5 files)`);
    const before = await snapshot(out);
    expect(Object.keys(before)).toEqual(['ecr-layers/client.ts', 'ecr-layers/index.ts', 'ecr-layers/models.ts', 'ecr-layers/operations.ts', 'ecr-layers/runtime.ts']);
    expect((await openbind('generate', SEED, '--out', out)).code).toBe(0);
    expect(await snapshot(out)).toEqual(before);
  });

  it('check exits 0 on fresh output and 1 with a readable diff on drift', async () => {
    const out = path.join(dir, 'check');
    await openbind('generate', SEED, '--out', out);
    expect(await openbind('check', SEED, '--out', out)).toMatchObject({ code: 0 });
    const client = path.join(out, 'ecr-layers', 'client.ts');
    const fresh = await readFile(client, 'utf8');
    const edited = fresh.replace('["Action","CompleteLayerUpload"]', '["Action","CompleteLayerUploadX"]');
    expect(edited).not.toBe(fresh);
    await writeFile(client, edited);
    const drift = await openbind('check', SEED, '--out', out);
    expect(drift.code).toBe(1);
    expect(drift.stdout).toContain(`--- ${client}`);
    expect(drift.stdout).toMatch(/^-"completeLayerUpload": .*\["Action","CompleteLayerUploadX"\]/m);
    expect(drift.stdout).toMatch(/^\+"completeLayerUpload": .*\["Action","CompleteLayerUpload"\]/m);
    expect(drift.stderr).toContain('client.ts changed');
  });

  it('check reports a folder that was never generated', async () => {
    const result = await openbind('check', SEED, '--out', path.join(dir, 'never'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/client\.ts missing/);
  });

  it('the committed generated/ passes check', async () => {
    expect(await openbind('check')).toMatchObject({ code: 0 });
  });
});

describe('bad input', () => {
  const corruptions: Array<[string, { edit: (seed: string) => string; want: RegExp }]> = [
    ['broken YAML', { edit: (seed) => seed.replace('      operationId: batchCheckLayerAvailability', '      operationId: [batchCheckLayerAvailability'), want: /ecr-layers\.yaml:\d+:\d+  error  load\/yaml-/ }],
    ['a schema violation', { edit: (seed) => seed.replace('      - in: query\n        name: registryId', '      - in: querystring\n        name: registryId'), want: /ecr-layers\.yaml:43:9  error  spec\/schema  in: "querystring" is not one of/ }],
    ['a truncated file', { edit: (seed) => seed.slice(0, seed.indexOf('  /?Action=BatchCheckLayerAvailability')) + '  /?Action=Batch: [', want: /ecr-layers\.yaml:\d+:\d+  error  load\/yaml-/ }],
  ];

  it.each(corruptions)('%s: located diagnostics, exit 1, previous output untouched', async (name, { edit, want }) => {
    // The corrupt copy has the seed's name, so it would be generated into the seed's folder.
    const out = path.join(dir, `bad-${name.replace(/\W+/g, '-')}`);
    await openbind('generate', SEED, '--out', out);
    const corruptDir = await tempDir('corrupt');
    const corrupt = path.join(corruptDir, 'ecr-layers.yaml');
    await writeFile(corrupt, edit(await readFile(SEED, 'utf8')));
    const before = await snapshot(out);
    const result = await openbind('generate', corrupt, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(want);
    expect(result.stderr).toContain('nothing was written');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(await snapshot(out)).toEqual(before);
  });

  it('a missing spec file is a located error, not a stack trace', async () => {
    const result = await openbind('generate', 'spec/absent.yaml', '--out', path.join(dir, 'absent'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('spec/absent.yaml:1:1  error  load/read  cannot read spec/absent.yaml: no such file');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('one bad spec among several writes nothing at all', async () => {
    const out = path.join(dir, 'mixed');
    const bad = path.join(dir, 'mixed-bad.yaml');
    await writeFile(bad, 'swagger: "2.0"\ninfo: {title: T, version: "1"}\nschemes: [gopher]\npaths: {}\n');
    const result = await openbind('generate', SEED, bad, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/mixed-bad\.yaml:3:\d+  error  spec\/schema  /);
    await expect(readdir(out)).rejects.toThrow();
  });

  it('never replaces a folder holding a file openbind did not write', async () => {
    const out = path.join(dir, 'foreign');
    await openbind('generate', SEED, '--out', out);
    const mine = path.join(out, 'ecr-layers', 'my-notes.ts');
    await writeFile(mine, 'export const notes = 1;\n');
    const before = await snapshot(out);
    const result = await openbind('generate', SEED, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${mine}:1:1  error  output/foreign-file`);
    expect(await snapshot(out)).toEqual(before);
  });

  it('--strict turns warnings into errors', async () => {
    const lenient = path.join(dir, 'lenient.yaml');
    await writeFile(lenient, 'swagger: 2.0\ninfo: {title: T, version: "1"}\npaths: {}\n');
    expect((await openbind('generate', lenient, '--out', path.join(dir, 'lenient'))).code).toBe(0);
    const strict = await openbind('generate', lenient, '--strict', '--out', path.join(dir, 'strict'));
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/lenient\.yaml:1:1  error  spec\/version-not-string/);
  });
});
