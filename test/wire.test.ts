/**
 * Parameters and bodies exactly on the wire: each way a value can be sent, through the generated
 * client, to the spec-checking server on 127.0.0.1, asserted byte for byte.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrThrow } from './support/generated.js';
import { compile } from './support/compile.js';
import { ROOT, tempDir } from './support/paths.js';
import { startSpecServer, type SpecServer } from './support/spec-server.js';

const SPEC = path.join(ROOT, 'test', 'fixtures', 'wire.yaml');

type Method = (params?: Record<string, unknown>) => Promise<{ status: number; data: unknown; headers: Headers; headerValues: Record<string, unknown> }>;
let client: Record<string, Method>;
let server: SpecServer;
let compileErrors: string[];

beforeAll(async () => {
  const result = await generateOrThrow(SPEC);
  const out = path.join(await tempDir('wire'), 'wire');
  await mkdir(out, { recursive: true });
  for (const [name, text] of result.files) await writeFile(path.join(out, name), text);
  compileErrors = compile([...result.files.keys()].map((name) => path.join(out, name)));
  server = await startSpecServer(SPEC, (operation) => {
    if (operation === 'GET /notes') return { status: 200, contentType: 'text/plain', body: 'plain {not json}' };
    if (operation === 'GET /blobs') return { status: 200, contentType: 'application/octet-stream', body: Buffer.from([0, 1, 2, 255]) };
    if (operation === 'POST /items') return { status: 201, contentType: 'application/json', body: '{"id":"made"}' };
    if (operation === 'GET /limits') {
      return { status: 200, contentType: 'application/json', body: '{"ok":true}', headers: { 'X-Rate-Limit': '42', 'X-Tags': 'a, b', 'X-Sizes': '1,2', 'X-Flag': 'true', 'X-Bad-Number': 'abc', 'X-Undocumented': 'u' } };
    }
    return undefined;
  });
  const bindings = (await import(pathToFileURL(path.join(out, 'index.ts')).href)) as { createClient(options: { baseUrl: string }): Record<string, Method> };
  client = bindings.createClient({ baseUrl: server.baseUrl });
});
afterAll(() => server.close());

const last = () => server.requests.at(-1)!;

describe('on the wire', () => {
  it('compiles strict', () => {
    expect(compileErrors).toEqual([]);
  });

  it('encodes path values so they never add a segment, and sends headers', async () => {
    await client.getItem!({ id: '../a/b c', kind: 7, 'X-Trace': 'abc' });
    expect(last()).toMatchObject({ url: '/v1/items/..%2Fa%2Fb%20c/7', violations: [] });
    expect(last().headers['x-trace']).toBe('abc');
    const before = server.requests.length;
    await expect(client.getItem!({ id: '..', kind: 1 })).rejects.toThrow('path parameter "id" cannot be ".."');
    await expect(client.getItem!({ id: '.', kind: 1 })).rejects.toThrow(TypeError);
    expect(server.requests.length).toBe(before);
  });

  it('sends every collectionFormat as Swagger 2.0 defines it', async () => {
    await client.search!({ csv: ['a', 'b,c'], ssv: ['a', 'b'], tsv: ['a', 'b'], pipes: [1, 2], multi: ['x', 'y z'], flag: false, limit: 0 });
    expect(last().violations).toEqual([]);
    expect(last().url).toBe('/v1/search?csv=a,b%2Cc&ssv=a%20b&tsv=a%09b&pipes=1|2&multi=x&multi=y%20z&flag=false&limit=0');
  });

  it('sends a JSON body with its content type and decodes the JSON answer', async () => {
    const result = await client.createItem!({ item: { id: 'x', kind: 2 } });
    expect(last().headers['content-type']).toBe('application/json');
    expect(JSON.parse(last().body)).toEqual({ id: 'x', kind: 2 });
    expect(result).toMatchObject({ status: 201, data: { id: 'made' } });
  });

  it('sends formData as urlencoded when the operation consumes it, lists by their collectionFormat', async () => {
    const result = await client.submitForm!({ name: 'a&b=c', tags: ['t1', 't 2'], ids: [1, 2], words: ['x', 'y'] });
    expect(last().headers['content-type']).toBe('application/x-www-form-urlencoded');
    // multi repeats the field; csv (the default) and ssv join the items into one.
    expect(last().body).toBe('name=a%26b%3Dc&tags=t1&tags=t+2&ids=1%2C2&words=x+y');
    expect(result.status).toBe(204);
  });

  it('sends files as multipart, leaving the boundary to fetch', async () => {
    await client.upload!({ file: new Blob(['hello'], { type: 'text/plain' }), note: 'n' });
    const type = String(last().headers['content-type']);
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
    expect(last().body).toContain('name="file"');
    expect(last().body).toContain('hello');
    expect(last().body).toContain('name="note"');
  });

  it('decodes documented response headers by their schemas, and keeps every header raw', async () => {
    const result = await client.getLimits!();
    // X-Expires-After was not sent; X-Bad-Number is not a number; X-Undocumented is not documented.
    expect(result.headerValues).toEqual({ 'X-Rate-Limit': 42, 'X-Tags': ['a', 'b'], 'X-Sizes': [1, 2], 'X-Flag': true });
    expect(result.headers.get('x-bad-number')).toBe('abc');
    expect(result.headers.get('x-undocumented')).toBe('u');
  });

  it('reads a text response as text, even when it looks like JSON', async () => {
    expect((await client.getNotes!()).data).toBe('plain {not json}');
  });

  it('reads a binary response as a Blob', async () => {
    const { data } = await client.getBlob!();
    expect(data).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await (data as Blob).arrayBuffer())]).toEqual([0, 1, 2, 255]);
  });
});
