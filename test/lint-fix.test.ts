/**
 * `openbind lint --fix` through the real CLI: the fixed file parses, the fixed findings are gone,
 * the others remain, and every byte outside the edits is unchanged (BOM and CRLF included).
 */
import { execFile } from 'node:child_process';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { BIN, ROOT, SPEC_DIR, tempDir } from './support/paths.js';

const run = promisify(execFile);
let dir: string;
beforeAll(async () => {
  dir = await tempDir('lint-fix');
});

async function lint(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, 'lint', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const rulesOf = (json: string) => (JSON.parse(json) as { findings: Array<{ rule: string }> }).findings.map((f) => f.rule);

describe('--fix', () => {
  it('fixes the seed: closing front-matter line removed, response keys quoted, nothing else touched', async () => {
    const file = path.join(dir, 'ecr-layers.yaml');
    await copyFile(path.join(SPEC_DIR, 'ecr-layers.yaml'), file);
    const before = await readFile(file, 'utf8');
    const result = await lint(file, '--fix', '--format', 'json');
    expect(result.stderr).toContain('fixed 4 problems');
    const after = await readFile(file, 'utf8');
    // Exactly the expected edits, and nothing else.
    expect(after).toBe(before.replace(/\n---\s*$/, '\n').replace(/^( {8})200:/gm, '$1"200":'));
    expect(parseDocument(after).errors).toEqual([]);
    const rules = rulesOf(result.stdout);
    expect(rules).not.toContain('front-matter');
    expect(rules).not.toContain('non-string-key');
    expect(rules).toContain('path-query');
    expect(rulesOf((await lint(file, '--format', 'json')).stdout)).toEqual(rules);
  });

  it('keeps a BOM and CRLF line ends, and quotes swagger: 2.0', async () => {
    const file = path.join(dir, 'crlf.yaml');
    const text = '\uFEFF---\r\nswagger: 2.0\r\ninfo:\r\n  title: T\r\n  version: 1.10\r\npaths:\r\n  /a:\r\n    get:\r\n      responses:\r\n        404:\r\n          description: no\r\n---\r\n';
    await writeFile(file, text);
    const result = await lint(file, '--fix', '--format', 'json');
    expect(result.stderr).toContain('fixed 4 problems');
    expect(await readFile(file, 'utf8')).toBe('\uFEFF---\r\nswagger: "2.0"\r\ninfo:\r\n  title: T\r\n  version: "1.10"\r\npaths:\r\n  /a:\r\n    get:\r\n      responses:\r\n        "404":\r\n          description: no\r\n');
    expect(rulesOf(result.stdout).filter((rule) => ['front-matter', 'non-string-key', 'spec/version-not-string'].includes(rule))).toEqual([]);
  });

  it('leaves keys whose text is not the number they mean, and JSON, alone', async () => {
    const yamlFile = path.join(dir, 'hex.yaml');
    const text = 'swagger: "2.0"\ninfo: { title: T, version: "1" }\npaths:\n  /a:\n    get:\n      responses:\n        0x1F: { description: odd }\n        200: { description: OK }\n';
    await writeFile(yamlFile, text);
    await lint(yamlFile, '--fix');
    expect(await readFile(yamlFile, 'utf8')).toBe(text.replace('        200:', '        "200":'));
    const jsonFile = path.join(dir, 'doc.json');
    const json = '{"swagger": 2.0, "info": {"title": "T", "version": "1"}, "paths": {}}';
    await writeFile(jsonFile, json);
    expect((await lint(jsonFile, '--fix')).stderr).not.toContain('fixed');
    expect(await readFile(jsonFile, 'utf8')).toBe(json);
  });
});
