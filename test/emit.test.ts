/**
 * Emission: spec text is data (it can never break or change the emitted code), output is
 * deterministic, and what is emitted compiles strict. Each case is a small hand-written spec.
 */
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSpec } from '../generator/pipeline.js';
import { compile } from './support/compile.js';
import { tempDir } from './support/paths.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('emit');
});

/** Generates a spec written here, writes its files under `dir/<name>/`, returns them and tsc's verdict. */
async function emit(name: string, spec: object) {
  const file = path.join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify(spec, null, 2));
  const result = await generateSpec(file);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  const out = path.join(dir, name);
  await mkdir(out, { recursive: true });
  for (const [fileName, text] of result.files) await writeFile(path.join(out, fileName), text);
  const text = (fileName: string) => result.files.get(fileName)!;
  return { result, text, errors: compile([...result.files.keys()].map((fileName) => path.join(out, fileName))) };
}

const HOSTILE = 'ends */ here; globalThis.pwned = true; /* and `backticks` ${x} \u2028 \\ \'"';

describe('spec text is data', () => {
  it('escapes descriptions, summaries and titles in JSDoc', async () => {
    const { text, errors } = await emit('hostile-docs', {
      swagger: '2.0',
      info: { title: HOSTILE, version: '1', description: HOSTILE },
      paths: { '/x': { get: { operationId: 'getX', summary: HOSTILE, description: HOSTILE, parameters: [{ in: 'query', name: 'q', type: 'string', description: HOSTILE }], responses: { 200: { description: HOSTILE } } } } },
      definitions: { Thing: { type: 'object', description: HOSTILE, properties: { a: { type: 'string', description: HOSTILE } } } },
    });
    expect(errors).toEqual([]);
    for (const file of ['client.ts', 'operations.ts', 'models.ts']) {
      expect(text(file)).not.toContain('ends */ here');
      expect(text(file)).toContain('ends *\\/ here');
    }
  });

  it('keeps odd wire names exactly, as quoted keys', async () => {
    const { text, result, errors } = await emit('odd-names', {
      swagger: '2.0',
      info: { title: 'T', version: '1' },
      paths: {
        '/x/{item-id}': {
          get: {
            operationId: 'get-x',
            parameters: [
              { in: 'path', name: 'item-id', type: 'string', required: true },
              { in: 'query', name: 'InstanceIds.member.N', type: 'string' },
              { in: 'query', name: "it's", type: 'string' },
              { in: 'header', name: 'X-Request-ID', type: 'string' },
            ],
            responses: { 200: { description: 'OK', schema: { $ref: '#/definitions/class' } } },
          },
        },
      },
      definitions: { class: { type: 'object', properties: { 'content-type': { type: 'string' }, default: { type: 'integer' }, 'a"b': { type: 'boolean' } } } },
    });
    expect(errors).toEqual([]);
    expect(result.api.operations[0]!.methodName).toBe('getX');
    expect(text('operations.ts')).toContain("'item-id': string;");
    expect(text('operations.ts')).toContain("'InstanceIds.member.N'?: string;");
    expect(text('operations.ts')).toContain("'it\\'s'?: string;");
    expect(text('operations.ts')).toContain("'X-Request-ID'?: string;");
    expect(text('models.ts')).toContain('export interface Class {');
    expect(text('models.ts')).toContain("'content-type'?: string;");
    expect(text('models.ts')).toContain('default?: number;');
    expect(text('models.ts')).toContain('\'a"b\'?: boolean;');
    expect(text('client.ts')).toContain('{"name":"InstanceIds.member.N","key":"InstanceIds.member.N","in":"query","style":"form","explode":false}');
  });

  it('carries paths and names with backticks, ${ and backslashes into the operation table exactly', async () => {
    const odd = 'a`b${c}\\d"e';
    const { result, errors } = await emit('odd-table', {
      swagger: '2.0',
      info: { title: 'T', version: '1' },
      paths: { [`/x/${encodeURIComponent(odd)}/{id}`]: { get: { operationId: 'getX', parameters: [{ in: 'path', name: 'id', type: 'string', required: true }, { in: 'query', name: odd, type: 'string' }], responses: { 200: { description: 'OK' } } } } },
    });
    expect(errors).toEqual([]);
    // The table the runtime reads at load time, read the same way.
    const client = (await import(path.join(dir, 'odd-table', 'client.ts'))) as { operations: Record<string, { path: string; parameters: Array<{ name: string }> }> };
    const operation = result.api.operations[0]!;
    expect(client.operations.getX!.path).toBe(operation.path);
    expect(client.operations.getX!.parameters.map((p) => p.name)).toEqual(['id', odd]);
  });

  it('writes enum values as literal types, whatever their text', async () => {
    const { text, errors } = await emit('enums', {
      swagger: '2.0',
      info: { title: 'T', version: '1' },
      paths: {},
      definitions: { Odd: { type: 'string', enum: ['a b', "it's", '', '1st', 'ünï', '*/'] }, Numbers: { type: 'integer', enum: [1, -2, 3] } },
    });
    expect(errors).toEqual([]);
    expect(text('models.ts')).toContain("export type Odd = 'a b' | 'it\\'s' | '' | '1st' | 'ünï' | '*/';");
    expect(text('models.ts')).toContain('export type Numbers = 1 | -2 | 3;');
  });

  it('renames types that clash with globals or reserved words, never wire names', async () => {
    const { text, errors } = await emit('globals', {
      swagger: '2.0',
      info: { title: 'T', version: '1' },
      paths: { '/e': { get: { operationId: 'getError', responses: { 200: { description: 'OK', schema: { $ref: '#/definitions/Error' } } } } } },
      definitions: { Error: { type: 'object', properties: { message: { type: 'string' } } }, Response: { type: 'string' } },
    });
    expect(errors).toEqual([]);
    expect(text('models.ts')).toContain('export interface ErrorModel {');
    expect(text('models.ts')).toContain('Spec name: `Error`');
    expect(text('models.ts')).toContain('export type ResponseModel = string;');
    expect(text('operations.ts')).toContain('200: Models.ErrorModel;');
  });
});

describe('emission', () => {
  it('types a response without a schema as unknown and one with a schema by its type', async () => {
    const { text, errors } = await emit('responses', {
      swagger: '2.0',
      info: { title: 'T', version: '1' },
      produces: ['application/json'],
      paths: { '/p': { get: { operationId: 'getP', responses: { 200: { description: 'OK', schema: { type: 'array', items: { type: 'string' } } }, 204: { description: 'none' }, default: { description: 'error' } } } } },
    });
    expect(errors).toEqual([]);
    expect(text('operations.ts')).toContain('200: string[];');
    expect(text('operations.ts')).toContain('204: unknown;');
    expect(text('operations.ts')).toContain("'default': unknown;");
    expect(text('operations.ts')).toContain('export type GetPResult = ApiResponse<200, GetPResponses[200]> | ApiResponse<204, GetPResponses[204]>;');
  });

  it('types documented response headers by status, as the runtime decodes them', async () => {
    const { text, errors } = await emit('response-headers', {
      openapi: '3.0.3',
      info: { title: 'T', version: '1' },
      paths: {
        '/p': {
          get: {
            operationId: 'getP',
            responses: {
              200: {
                description: 'OK',
                headers: {
                  'X-Rate-Limit': { description: 'calls left */ now', required: true, schema: { type: 'integer' } },
                  'X-Mode': { schema: { type: 'string', enum: ['fast', 'slow'] } },
                  'X-Ids': { schema: { type: 'array', items: { type: 'integer' } } },
                },
              },
              404: { description: 'missing' },
            },
          },
        },
      },
    });
    expect(errors).toEqual([]);
    expect(text('operations.ts')).toContain("200: { 'X-Rate-Limit': number; 'X-Mode'?: 'fast' | 'slow'; 'X-Ids'?: Array<number>; };");
    expect(text('operations.ts')).toContain('- `X-Rate-Limit`: calls left *\\/ now');
    expect(text('operations.ts')).toContain('export type GetPResult = ApiResponse<200, GetPResponses[200], GetPResponseHeaders[200]>;');
    expect(text('client.ts')).toContain('"headers":{"200":[["X-Rate-Limit","number"],["X-Mode","string"],["X-Ids","number[]"]]}');
  });

  it('puts the source file name and its sha256 in every header, and no timestamp', async () => {
    const { text } = await emit('header', { swagger: '2.0', info: { title: 'T', version: '1' }, paths: {} });
    for (const file of ['client.ts', 'operations.ts', 'models.ts', 'runtime.ts', 'index.ts']) {
      expect(text(file).split('\n')[0]).toMatch(/^\/\/ Generated by openbind from header\.json \(Swagger\/OpenAPI 2\.0, sha256 [0-9a-f]{64}\)\.$/);
      expect(text(file)).not.toMatch(/\b20\d\d-\d\d-\d\d/);
    }
  });

  it('needs no baseUrl when the spec names a host', async () => {
    const { text, errors } = await emit('with-host', { swagger: '2.0', info: { title: 'T', version: '1' }, host: 'api.example.com', basePath: '/v1', schemes: ['https'], paths: {} });
    expect(errors).toEqual([]);
    expect(text('client.ts')).toContain("const DEFAULT_BASE_URL: string | undefined = 'https://api.example.com';");
    expect(text('client.ts')).toContain("const BASE_PATH = '/v1';");
    expect(text('client.ts')).toContain('export function createClient(options: ClientOptions = {})');
  });
});
