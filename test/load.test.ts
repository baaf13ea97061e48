/**
 * Loading: the forms real documents come in, and a located diagnostic for each way they break.
 * Each case is a small hand-written document for one construct.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../generator/diagnostics.js';
import { loadSpec } from '../generator/load/load-spec.js';
import { SPEC_DIR, tempDir } from './support/paths.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('load');
});

async function load(name: string, text: string | Buffer) {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return loadSpec(file);
}

const MINIMAL = 'swagger: "2.0"\ninfo:\n  title: T\n  version: "1"\npaths:\n  /pets:\n    get:\n      responses:\n        200:\n          description: OK\n';
const MINIMAL_JSON = JSON.stringify({ swagger: '2.0', info: { title: 'T', version: '1' }, paths: { '/pets': { get: { responses: { 200: { description: 'OK' } } } } } });

describe('reads', () => {
  const readable: Array<[string, { name: string; text: string | Buffer }]> = [
    ['plain YAML', { name: 'plain.yaml', text: MINIMAL }],
    ['YAML between --- front-matter lines', { name: 'front.yaml', text: `---\n${MINIMAL}---\n` }],
    ['front-matter with CRLF before the closing line (catalogue style)', { name: 'crlf-close.md', text: `---\n${MINIMAL}\r\n---` }],
    ['CRLF everywhere', { name: 'crlf.yaml', text: `---\r\n${MINIMAL.replace(/\n/g, '\r\n')}---\r\n` }],
    ['a UTF-8 BOM', { name: 'bom.yaml', text: `\uFEFF${MINIMAL}` }],
    ['JSON', { name: 'plain.json', text: MINIMAL_JSON }],
    ['JSON with a BOM', { name: 'bom.json', text: `\uFEFF${MINIMAL_JSON}` }],
    ['JSON with a trailing comma (read as YAML)', { name: 'comma.json', text: MINIMAL_JSON.replace(/}}}}}$/, '}}}},}') }],
  ];
  it.each(readable)('%s', async (_name, { name, text }) => {
    const result = await load(name, text);
    expect(result.ok ? [] : result.diagnostics.map(formatDiagnostic)).toEqual([]);
    if (!result.ok) return;
    expect(result.spec.version).toBe('2.0');
    expect(Object.keys(result.spec.document.paths as object)).toEqual(['/pets']);
  });

  it('the seed as given, with no diagnostics', async () => {
    const result = await loadSpec(path.join(SPEC_DIR, 'ecr-layers.yaml'));
    expect(result.ok && result.spec.diagnostics).toEqual([]);
    expect(result.ok && Object.keys(result.spec.document.paths as object)).toEqual(['/?Action=GetDownloadUrlForLayer', '/?Action=BatchCheckLayerAvailability', '/?Action=CompleteLayerUpload']);
  });

  it('names the output after the file and hashes its bytes', async () => {
    const result = await load('My API v2.yaml', MINIMAL);
    expect(result.ok && result.spec.name).toBe('My-API-v2');
    expect(result.ok && result.spec.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('repairs, with a located warning', () => {
  const repairs: Array<[string, { text: string; code: string; line: number; column: number }]> = [
    ['swagger: 2.0 written as a number', { text: MINIMAL.replace('swagger: "2.0"', 'swagger: 2.0'), code: 'spec/version-not-string', line: 1, column: 1 }],
    ['a parameter type Swagger 2.0 does not have', { text: `${MINIMAL}      parameters:\n      - in: query\n        name: q\n        type: int\n`, code: 'spec/parameter-type', line: 14, column: 9 }],
    ['an unknown top-level field', { text: `${MINIMAL}foo: 1\n`, code: 'spec/ignored-field', line: 11, column: 1 }],
    ['a field openbind does not read, of the wrong type', { text: `${MINIMAL}      parameters:\n      - in: query\n        name: q\n        type: string\n        pattern: 7\n`, code: 'spec/ignored-field', line: 15, column: 9 }],
    ['a tag declared twice', { text: `${MINIMAL}tags:\n- name: a\n- name: a\n`, code: 'spec/duplicate-tag', line: 13, column: 3 }],
    ['a host written as a URL', { text: `${MINIMAL}host: https://api.example.com/v1\n`, code: 'spec/host', line: 11, column: 1 }],
    ['a basePath without its slash', { text: `${MINIMAL}basePath: api/v1\n`, code: 'spec/base-path', line: 11, column: 1 }],
    ['a response key that is no status code', { text: MINIMAL.replace('        200:', '        Maximum size:\n          description: 100 KiB\n        200:'), code: 'spec/response-code', line: 9, column: 9 }],
    ['a method written with spaces', { text: MINIMAL.replace('    get:', "    ' get ':"), code: 'spec/method-name', line: 7, column: 5 }],
    ['an empty parameter entry', { text: `${MINIMAL}      parameters:\n      - ~\n`, code: 'spec/empty-entry', line: 12, column: 9 }],
    ['a path key with HTML entities', { text: MINIMAL.replace('  /pets:', "  '/pets?a=1&amp;b=2':"), code: 'spec/path-key', line: 6, column: 3 }],
    ['a $ref to a file that is not there', { text: MINIMAL.replace('          description: OK', '          description: OK\n          schema:\n            $ref: ./missing.yaml#/Pet'), code: 'spec/unresolved-ref', line: 12, column: 13 }],
    ['a missing info object', { text: MINIMAL.replace('info:\n  title: T\n  version: "1"\n', ''), code: 'spec/info', line: 1, column: 1 }],
    ['an info without a version', { text: MINIMAL.replace('  version: "1"\n', ''), code: 'spec/info', line: 2, column: 1 }],
    ['YAML only a lenient parser reads', { text: MINIMAL.replace('          description: OK', '          description: "OK,\n  and more"'), code: 'load/yaml-lenient', line: 10, column: 28 }],
    ['a $ref with fields beside it', { text: `${MINIMAL}        404:\n          $ref: '#/responses/NotFound'\n          description: gone\nresponses:\n  NotFound:\n    description: not found\n`, code: 'spec/ref-siblings', line: 11, column: 9 }],
    ['an untyped query parameter', { text: `${MINIMAL}      parameters:\n      - in: query\n        name: q\n`, code: 'spec/untyped-parameter', line: 12, column: 9 }],
    ['a path key without a leading slash', { text: MINIMAL.replace('  /pets:', '  pets:'), code: 'spec/path-leading-slash', line: 6, column: 3 }],
  ];
  it.each(repairs)('%s', async (_name, { text, code, line, column }) => {
    const result = await load(`repair-${code.replace(/\W/g, '')}.yaml`, text);
    expect(result.ok).toBe(true);
    const warning = result.ok ? result.spec.diagnostics.find((d) => d.code === code) : undefined;
    expect(warning).toMatchObject({ severity: 'warning', location: { line, column } });
  });
});

describe('stops with located errors', () => {
  const broken: Array<[string, { name: string; text?: string; code: string; line: number; column: number; message?: RegExp }]> = [
    ['a missing file', { name: 'absent.yaml', code: 'load/read', line: 1, column: 1, message: /no such file/ }],
    ['bad YAML', { name: 'bad.yaml', text: MINIMAL.replace('    get:', '    get: [unclosed'), code: 'load/yaml-', line: 7, column: 11 }],
    ['an empty file', { name: 'empty.yaml', text: '---\n---\n', code: 'load/empty', line: 1, column: 1 }],
    ['a scalar document', { name: 'scalar.yaml', text: 'hello\n', code: 'load/not-an-object', line: 1, column: 1 }],
    ['an unknown version', { name: 'version.yaml', text: MINIMAL.replace('swagger: "2.0"', 'swagger: "1.2"'), code: 'load/unknown-version', line: 1, column: 1 }],
    ['a parameter in no location the spec has', { name: 'schema.yaml', text: `${MINIMAL}      parameters:\n      - in: querystring\n        name: q\n        type: string\n`, code: 'spec/schema', line: 12, column: 9, message: /in: "querystring" is not one of/ }],
    ['a misspelt field, which would silently drop its content', { name: 'typo.yaml', text: `${MINIMAL}      paramters:\n      - in: query\n        name: q\n        type: string\n`, code: 'spec/schema', line: 11, column: 7, message: /unknown property "paramters" \(did you mean "parameters"\?\)/ }],
    ['two YAML documents with content', { name: 'two.yaml', text: `${MINIMAL}---\n${MINIMAL}`, code: 'load/multiple-documents', line: 11, column: 1 }],
  ];
  it.each(broken)('%s', async (_name, { name, text, code, line, column, message }) => {
    const result = text === undefined ? await loadSpec(path.join(dir, name)) : await load(name, text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const error = result.diagnostics.find((d) => d.severity === 'error' && d.code.startsWith(code));
    expect(error, result.diagnostics.map(formatDiagnostic).join('\n')).toBeDefined();
    expect(error!.location).toMatchObject({ file: path.join(dir, name), line, column });
    if (message) expect(error!.message).toMatch(message);
  });
});
