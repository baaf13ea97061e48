/**
 * Lint as a whole: the seed's findings, documents that fail validation, findings in files reached
 * through `$ref` located in those files, JSON located by the scanning locator, unreadable input.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyConfig } from '../generator/lint/apply-config.js';
import { locateJsonOffsets } from '../generator/load/json-locator.js';
import { RULES } from '../generator/lint/rules/index.js';
import { lintFile } from '../generator/lint/run-lint.js';
import { defaultConfig } from '../generator/config.js';
import { brief, lintText, swagger } from './support/lint.js';
import { SPEC_DIR, tempDir } from './support/paths.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('lint');
});

describe('the seed', () => {
  it('lints with useful findings instead of parser errors', async () => {
    const file = path.join(SPEC_DIR, 'ecr-layers.yaml');
    const run = await lintFile(file, RULES);
    expect(brief(applyConfig(run.findings, defaultConfig().lint, file, process.cwd()))).toEqual([
      '2:1 security-defined', '2:1 server-defined', '5:1 info-contact', '5:1 info-license', '8:3 description-punctuation', '11:1 http-only',
      '18:3 path-query', '21:7 description-punctuation', '26:7 operation-4xx-response', '26:7 response-schema', '27:9 non-string-key', '30:9 operation-tag-defined',
      '31:3 path-query', '39:9 parameter-holds-list', '53:7 operation-4xx-response', '53:7 response-schema', '54:9 non-string-key', '57:9 operation-tag-defined',
      '58:3 path-query', '65:7 operation-4xx-response', '65:7 response-schema', '66:9 non-string-key', '69:9 operation-tag-defined', '83:1 front-matter',
    ]);
    expect(run.findings.every((f) => f.severity !== 'error')).toBe(true);
  });
});

describe('documents that fail validation are still linted', () => {
  it('reports the loader\'s diagnostics as findings beside the rules\'', async () => {
    const findings = await lintText(dir, 'invalid.yaml', swagger('paths:\n  /a:\n    get:\n      paramters: []\n      responses:\n        "200": { description: OK }\n  " /b ":\n    get:\n      responses:\n        "200": { description: OK }\n'));
    const lines = brief(findings);
    expect(lines).toContain('8:7 spec/schema'); // the misspelt field, with a did-you-mean
    expect(findings.find((f) => f.code === 'spec/schema')?.message).toContain('did you mean "parameters"');
    expect(lines).toContain('11:3 spec/path-key');
    expect(lines).toContain('7:5 operation-id'); // rules ran too
  });

  it('locates YAML syntax errors and stops there', async () => {
    const findings = await lintText(dir, 'broken.yaml', 'swagger: "2.0"\ninfo: [unclosed\n');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.code.startsWith('load/') && f.location.line >= 1)).toBe(true);
  });

  it('reports a missing file as load/read', async () => {
    const run = await lintFile(path.join(dir, 'nope.yaml'), RULES);
    expect(brief(run.findings)).toEqual(['1:1 load/read']);
  });
});

describe('files reached through $ref', () => {
  it('locates findings in the referenced file, where they are written', async () => {
    await mkdir(path.join(dir, 'ext'), { recursive: true });
    await writeFile(path.join(dir, 'ext', 'common.yaml'), 'definitions:\n  Pet:\n    type: string\n    enum: [a, a]\n  Owner:\n    $ref: "#/definitions/Nope"\n');
    const main = swagger('paths:\n  /a:\n    get:\n      operationId: a\n      responses:\n        "200":\n          description: OK\n          schema: { $ref: "common.yaml#/definitions/Pet" }\n        "201":\n          description: OK\n          schema: { $ref: "common.yaml#/definitions/Owner" }\n');
    const findings = await lintText(path.join(dir, 'ext'), 'main.yaml', main);
    const external = findings.filter((f) => f.location.file.endsWith('common.yaml'));
    expect(external.map((f) => `${path.basename(f.location.file)}:${f.location.line}:${f.location.column} ${f.code}`)).toEqual(['common.yaml:4:15 enum-unique', 'common.yaml:6:5 ref-resolves']);
    expect(external[0]!.operation).toMatchObject({ path: '/a', method: 'get', operationId: 'a' });
  });
});

describe('the JSON locator', () => {
  const text = '{\n  "paths": {\n    "/a/b": { "get": { "x": [1, {"y": "}\\"{"}] } },\n    "k\\u0041": 1\n  }\n}';
  it('finds keys, list items and escaped keys; a missing place at its deepest ancestor', () => {
    const offsets = locateJsonOffsets(text, ['', '/paths/~1a~1b/get', '/paths/~1a~1b/get/x/1/y', '/paths/kA', '/paths/~1a~1b/nope']);
    const at = (pointer: string) => offsets.get(pointer)!;
    expect(text.slice(at('/paths/~1a~1b/get'), at('/paths/~1a~1b/get') + 5)).toBe('"get"');
    expect(text.slice(at('/paths/~1a~1b/get/x/1/y'), at('/paths/~1a~1b/get/x/1/y') + 3)).toBe('"y"');
    expect(text.slice(at('/paths/kA'), at('/paths/kA') + 3)).toBe('"k\\');
    expect(at('/paths/~1a~1b/nope')).toBe(text.indexOf('"/a/b"'));
    expect(at('')).toBe(0);
  });

  it('locates findings in JSON documents', async () => {
    const doc = JSON.stringify({ swagger: '2.0', info: { title: 'T', version: '1' }, paths: { '/a/': { get: { responses: { 200: { description: 'OK' } } } } } }, null, 2);
    const findings = await lintText(dir, 'doc.json', doc);
    expect(brief(findings)).toContain('8:5 path-trailing-slash');
  });
});
