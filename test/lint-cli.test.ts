/**
 * `openbind lint` as users run it: exit codes by --fail-on, the config file (severities, `off`,
 * exceptions by path, operation and pointer), located config errors with a did-you-mean, usage
 * errors.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../generator/config.js';
import { BIN, SPEC_DIR, tempDir } from './support/paths.js';

const run = promisify(execFile);
const SEED = path.join(SPEC_DIR, 'ecr-layers.yaml');
let dir: string;
beforeAll(async () => {
  dir = await tempDir('lint-cli');
});

async function lint(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, 'lint', ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const findings = (stdout: string) => (JSON.parse(stdout) as { findings: Array<{ rule: string; severity: string; line: number }> }).findings;

describe('exit codes', () => {
  it('--fail-on error (default) passes the seed, warn fails it, never passes anything', async () => {
    expect((await lint(dir, SEED)).code).toBe(0);
    expect((await lint(dir, SEED, '--fail-on', 'warn')).code).toBe(1);
    expect((await lint(dir, SEED, '--fail-on', 'never', '--format', 'json')).code).toBe(0);
    const broken = path.join(dir, 'broken.yaml');
    await writeFile(broken, 'swagger: "2.0"\ninfo: [unclosed\n');
    expect((await lint(dir, broken)).code).toBe(1);
    expect((await lint(dir, broken, '--fail-on', 'never')).code).toBe(0);
  });

  it('exits 2 for a usage error', async () => {
    expect((await lint(dir, SEED, '--format', 'xml')).code).toBe(2);
    expect((await lint(dir, SEED, '--fail-on', 'sometimes')).code).toBe(2);
    expect((await lint(dir, SEED, '--bogus')).code).toBe(2);
  });
});

describe('the config file', () => {
  it('sets severities, turns rules off and excepts by path, operation and pointer', async () => {
    const cwd = path.join(dir, 'configured');
    await import('node:fs/promises').then((fs) => fs.mkdir(cwd, { recursive: true }));
    await writeFile(
      path.join(cwd, 'openbind.config.yaml'),
      [
        'lint:',
        '  rules:',
        '    operation-4xx-response: off',
        '    http-only: error',
        '    spec/ignored-field: off',
        '  exceptions:',
        '    - rule: path-query',
        '      path: /?Action=GetDownloadUrlForLayer',
        '    - rules: [response-schema, operation-tag-defined]',
        '      operation: batchCheckLayerAvailability',
        '    - operation: GET /?Action=CompleteLayerUpload',
        '      rule: response-schema',
        '    - pointer: /info',
        '      reason: the catalogue owns the info block',
      ].join('\n'),
    );
    const result = await lint(cwd, SEED, '--format', 'json');
    const list = findings(result.stdout);
    expect(result.code).toBe(1); // http-only is now an error
    expect(list.filter((f) => f.rule === 'operation-4xx-response')).toEqual([]);
    expect(list.filter((f) => f.rule === 'http-only').map((f) => f.severity)).toEqual(['error']);
    expect(list.filter((f) => f.rule === 'path-query').map((f) => f.line)).toEqual([31, 58]);
    expect(list.filter((f) => f.rule === 'response-schema').map((f) => f.line)).toEqual([26]);
    expect(list.filter((f) => f.rule === 'operation-tag-defined').map((f) => f.line)).toEqual([30, 69]);
    expect(list.filter((f) => f.line >= 5 && f.line <= 10 && f.rule.startsWith('info'))).toEqual([]);
    expect(list.filter((f) => f.rule === 'description-punctuation').map((f) => f.line)).toEqual([21]);
  });

  it('--config names the file; unknown keys and rules are located errors with a did-you-mean (exit 2)', async () => {
    const file = path.join(dir, 'bad.json');
    await writeFile(file, '{\n  "lint": {\n    "rule": {},\n    "rules": { "path-querry": "warn", "info-contact": "loud" }\n  },\n  "generate": { "formats": { "int64": "Strng", "date": "string" } },\n  "lnt": {}\n}\n');
    const result = await lint(dir, SEED, '--config', file);
    expect(result.code).toBe(2);
    const lines = result.stderr.split('\n');
    expect(lines).toContain('bad.json:3:5  error  config/invalid  unknown key "rule" in lint (did you mean "rules"?); known: rules, exceptions');
    expect(lines).toContain('bad.json:4:16  error  config/invalid  unknown rule "path-querry" (did you mean "path-query"?)');
    expect(lines).toContain('bad.json:4:39  error  config/invalid  rule "info-contact": "loud" is not one of error, warn, info, off');
    expect(lines).toContain('bad.json:6:30  error  config/invalid  format "int64": "Strng" is not one of string, number, boolean, Blob, unknown (did you mean "string"?)');
    expect(lines).toContain('bad.json:7:3  error  config/invalid  unknown key "lnt" in the config file (did you mean "lint"?); known: lint, generate');
  });

  it('loadConfig types generate.formats and finds the file in the working folder', async () => {
    const cwd = path.join(dir, 'formats');
    await import('node:fs/promises').then((fs) => fs.mkdir(cwd, { recursive: true }));
    await writeFile(path.join(cwd, 'openbind.config.json'), JSON.stringify({ generate: { formats: { int64: 'string', binary: 'Blob' } } }));
    const { config, diagnostics, file } = await loadConfig(cwd);
    expect(diagnostics).toEqual([]);
    expect(file).toBe('openbind.config.json');
    expect(config.generate.formats).toEqual({ int64: 'string', binary: 'Blob' });
    expect(config.lint).toEqual({ rules: {}, exceptions: [] });
    expect((await loadConfig(dir)).config).toEqual({ lint: { rules: {}, exceptions: [] }, generate: { formats: {} } });
  });

  it('an exception that names no place is an error', async () => {
    const cwd = path.join(dir, 'everywhere');
    await import('node:fs/promises').then((fs) => fs.mkdir(cwd, { recursive: true }));
    await writeFile(path.join(cwd, 'openbind.config.yml'), 'lint:\n  exceptions:\n    - rule: path-query\n');
    const { diagnostics } = await loadConfig(cwd);
    expect(diagnostics.map((d) => `${d.location?.line}:${d.location?.column} ${d.message}`)).toEqual(['3:7 an exception must name a file, path, operation or pointer (to turn a rule off everywhere, set it to off under lint.rules)']);
  });
});
