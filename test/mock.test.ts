/**
 * The mock server on 127.0.0.1, by real HTTP: it routes every operation (key queries, fragment
 * keys, the most specific template), refuses each kind of wrong request with a located
 * problem+json, answers valid ones with data that validates against the response schema (checked
 * here by an ajv that knows nothing of openbind), deterministically per seed, and logs a JSON line
 * per request. The CLI starts, prints its URL and stops cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../generator/contract/mock-server.js';
import { BIN, ROOT, SPEC_DIR } from './support/paths.js';
import { contractOf, independentValidator } from './support/contract.js';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'contract.yaml');
const FRAGMENTS = path.join(ROOT, 'test', 'fixtures', 'contract-fragments.yaml');
const OAS3 = path.join(ROOT, 'test', 'fixtures', 'contract-oas3.yaml');
const SEED = path.join(SPEC_DIR, 'ecr-layers.yaml');

const servers: MockServer[] = [];
const logs: string[] = [];
async function mockOf(file: string, seed = 1): Promise<MockServer> {
  const server = await startMock(await contractOf(file), { seed, log: (line) => logs.push(line) });
  servers.push(server);
  return server;
}
afterAll(() => Promise.all(servers.map((server) => server.close())));

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  operation?: string;
  errors: Array<{ in: string; name?: string; pointer: string; detail: string; spec: { pointer: string; location: string } }>;
}

async function call(base: string, pathAndQuery: string, init: RequestInit = {}) {
  const response = await fetch(base + pathAndQuery, init);
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, headers: response.headers, text, json: /json/.test(type) && text ? (JSON.parse(text) as unknown) : undefined };
}

let pets: MockServer;
let api: string;
beforeAll(async () => {
  pets = await mockOf(FIXTURE);
  api = `${pets.url}/api`;
});

describe('routing', () => {
  it('routes each seed operation by its key query, and refuses an Action the spec lacks', async () => {
    const seed = await mockOf(SEED);
    for (const action of ['GetDownloadUrlForLayer', 'BatchCheckLayerAvailability', 'CompleteLayerUpload']) {
      expect((await call(seed.url, `/?Action=${action}`)).status).toBe(200);
      expect(seed.exchanges.at(-1)!.operation).toBe(`GET /?Action=${action}`);
    }
    const unknown = await call(seed.url, '/?Action=DeleteRepository');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
    expect(unknown.json).toMatchObject({ status: 404, title: expect.any(String), detail: 'no operation of the spec is GET /?Action=DeleteRepository', errors: [] });
  });

  it('tells operations on one path apart by the constant query only', async () => {
    await call(api, '/?Action=Walk&PetId=1', { method: 'POST' });
    expect(pets.exchanges.at(-1)).toMatchObject({ operation: 'POST /?Action=Walk', status: 200 });
    await call(api, '/?PetId=1&Action=Feed', { method: 'POST' });
    expect(pets.exchanges.at(-1)).toMatchObject({ operation: 'POST /?Action=Feed', status: 200 });
  });

  it('prefers the most specific literal path', async () => {
    await call(api, '/pets/mine');
    expect(pets.exchanges.at(-1)!.operation).toBe('GET /pets/mine');
    await call(api, '/pets/12');
    expect(pets.exchanges.at(-1)!.operation).toBe('GET /pets/{petId}');
  });

  it('routes fragment keys sharing one wire route by the request, or by the client hint', async () => {
    const tables = await mockOf(FRAGMENTS);
    const post = (body: unknown, headers: Record<string, string> = {}) => call(tables.url, '/', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    expect((await post({ TableName: 't', Columns: 2 })).json).toHaveProperty('created');
    expect(tables.exchanges.at(-1)!.operation).toBe('POST /#CreateTable');
    expect((await post({ TableName: 't' })).json).toHaveProperty('deleted');
    expect(tables.exchanges.at(-1)!.operation).toBe('POST /#DeleteTable');
    const hinted = await post({ TableName: 't' }, { 'x-openbind-operation': 'CreateTable' });
    expect(hinted.status).toBe(400);
    expect((hinted.json as Problem).errors.map((e) => e.detail)).toEqual(['body: /Columns is required']);
  });

  it('matches literal path characters as fetch sends them, and needs no path parameter the template lacks', async () => {
    const books = await mockOf(OAS3);
    const response = await fetch(`${books.url}/v2/books(<id>)/pages|7`);
    expect(response.status).toBe(200);
    expect(books.exchanges.at(-1)).toMatchObject({ url: '/v2/books(%3Cid%3E)/pages|7', operation: 'GET /books(<id>)/pages|{n}', violations: [] });
    expect(Object.keys((await response.json()) as object).length).toBeGreaterThanOrEqual(2);
  });

  it('answers 405 with Allow for a method the path does not have', async () => {
    const result = await call(api, '/pets', { method: 'PUT' });
    expect(result.status).toBe(405);
    expect(result.headers.get('allow')).toBe('GET, POST');
    expect(result.json).toMatchObject({ status: 405, detail: 'PUT is not an operation of /api/pets; the spec allows GET, POST' });
  });
});

describe('request validation', () => {
  const refused: Array<[string, string, RequestInit, number, Array<Partial<Problem['errors'][number]>>]> = [
    ['a path parameter below its minimum', '/pets/0', {}, 400, [{ in: 'path', name: 'petId', pointer: '', detail: 'path parameter "petId": the value must be >= 1' }]],
    ['a path parameter of the wrong type', '/pets/abc', {}, 400, [{ in: 'path', name: 'petId', detail: 'path parameter "petId": the value must be integer' }]],
    ['a header breaking its pattern', '/pets/3', { headers: { 'X-Request-Id': 'NOT OK' } }, 400, [{ in: 'header', name: 'X-Request-Id' }]],
    ['a missing required query parameter', '/pets', {}, 400, [{ in: 'query', name: 'sort', detail: 'required query parameter "sort" is missing' }]],
    ['a csv item, a pipes item and a multi item of the wrong type', '/pets?sort=asc&ids=1|x&kinds=cat&kinds=cow&tags=a,', {}, 400, [
      { in: 'query', name: 'tags', pointer: '/1' },
      { in: 'query', name: 'ids', pointer: '/1', detail: 'query parameter "ids": /1 must be integer' },
      { in: 'query', name: 'kinds', pointer: '/1' },
    ]],
    ['an ssv list with an item breaking its pattern', '/pets?sort=asc&words=ab%20C1', {}, 400, [{ in: 'query', name: 'words', pointer: '/1' }]],
    ['an undeclared query parameter', '/pets?sort=asc&limt=3', {}, 400, [{ in: 'query', name: 'limt', detail: 'query parameter "limt" is not declared by the operation' }]],
    ['a body of a media type the operation does not consume', '/pets', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }, 415, [{ in: 'content-type' }]],
    ['a body that is not JSON', '/pets', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name": ' }, 400, [{ in: 'body', pointer: '' }]],
    ['a JSON body its schema rejects, deep inside', '/pets', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Rex', owner: { email: 'not-an-email', extra: 1 } }) }, 400, [
      { in: 'body', pointer: '/owner/extra', detail: 'body: /owner/extra is not a property the schema allows' },
      { in: 'body', pointer: '/owner/email', detail: 'body: /owner/email must match format "email"' },
    ]],
    ['a missing required body', '/pets', { method: 'POST' }, 400, [{ in: 'body', detail: 'the request body is required' }]],
    ['urlencoded fields missing and out of range', '/search', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'max=0' }, 400, [
      { in: 'body', name: 'q', pointer: '/q', spec: { pointer: '/paths/~1search/post/parameters/0', location: expect.stringMatching(/contract\.yaml:\d+:\d+$/) as unknown as string } },
      { in: 'body', name: 'max', pointer: '/max' },
    ]],
  ];

  it.each(refused)('refuses %s', async (_name, target, init, status, errors) => {
    const result = await call(api, target, init);
    expect(result.status).toBe(status);
    expect(result.headers.get('content-type')).toBe('application/problem+json');
    const problem = result.json as Problem;
    expect(problem).toMatchObject({ type: `urn:openbind:problem:${status}`, status, operation: expect.stringMatching(/^(GET|POST) \//) });
    expect(problem.errors).toHaveLength(errors.length);
    expect(problem.errors).toEqual(expect.arrayContaining(errors.map((error) => expect.objectContaining(error))));
    for (const error of problem.errors) expect(error.spec.location).toMatch(/contract\.yaml:\d+:\d+$/);
    const log = JSON.parse(logs.at(-1)!) as { status: number; violations: unknown[] };
    expect(log).toMatchObject({ method: init.method ?? 'GET', url: `/api${target}`, status, violations: expect.any(Array) });
    expect(log.violations).toHaveLength(errors.length);
  });

  it('refuses a multipart upload without its file, and takes one with it', async () => {
    const without = new FormData();
    without.append('caption', 'hi');
    const missing = await call(api, '/pets/3/photo', { method: 'POST', body: without });
    expect((missing.json as Problem).errors).toEqual([expect.objectContaining({ in: 'body', name: 'photo', detail: 'body: /photo is required' })]);
    const withFile = new FormData();
    withFile.append('photo', new Blob([new Uint8Array([1, 2, 3])]), 'p.png');
    withFile.append('caption', 'hi');
    expect((await call(api, '/pets/3/photo', { method: 'POST', body: withFile })).status).toBe(200);
  });

  it('decodes OpenAPI 3 deepObject, form lists, cookies and headers before validating', async () => {
    const items = await mockOf(OAS3);
    const good = await call(items.url, '/v2/items?filter%5Bcolor%5D=red&filter%5Bsize%5D=2&ids=1,2', { headers: { 'X-Page': '1', cookie: 'session=ab' } });
    expect(good.status).toBe(200);
    const bad = await call(items.url, '/v2/items?filter%5Bcolor%5D=green&filter%5Bsize%5D=0&ids=1,x', { headers: { cookie: 'session=a' } });
    expect((bad.json as Problem).errors.map((e) => `${e.in} ${e.name ?? ''} ${e.pointer}`).sort()).toEqual(['cookie session ', 'header X-Page ', 'query filter /color', 'query filter /size', 'query ids /1']);
  });
});

describe('answers', () => {
  it('validate against the response schema, with the documented media type and headers', async () => {
    const validate = await independentValidator(FIXTURE);
    const cases: Array<[string, RequestInit, string, string]> = [
      ['/pets/5', {}, 'application/json', '/paths/~1pets~1{petId}/get/responses/200/schema'],
      ['/pets?sort=asc', {}, 'application/json', '/paths/~1pets/get/responses/200/schema'],
      ['/pets', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Rex"}' }, 'application/json', '/paths/~1pets/post/responses/201/schema'],
      ['/?Action=Feed&PetId=2', { method: 'POST' }, 'application/json', '/paths/~1?Action=Feed/post/responses/200/schema'],
      ['/tree', {}, 'application/json', '/definitions/Node'],
      ['/animals', {}, 'application/json', '/definitions/Animal'],
      ['/notes', {}, 'text/plain', '/paths/~1notes/get/responses/200/schema'],
    ];
    for (const seed of [1, 2, 3]) {
      const server = seed === 1 ? pets : await mockOf(FIXTURE, seed);
      for (const [target, init, type, schema] of cases) {
        const result = await call(`${server.url}/api`, target, init);
        expect(result.status, target).toBeLessThan(300);
        expect(result.headers.get('content-type')).toBe(type);
        const value = type === 'text/plain' ? result.text : result.json;
        expect(validate(schema, value), `${target} seed ${seed}: ${result.text}`).toEqual([]);
      }
    }
    const pet = await call(api, '/pets/5');
    expect(Number(pet.headers.get('x-rate-limit'))).toBeGreaterThanOrEqual(0);
    expect(pet.headers.get('etag')).toEqual(expect.any(String));
    expect((await call(api, '/pets', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Rex"}' })).headers.get('location')).toEqual(expect.any(String));
    const photo = await call(api, '/pets/5/photo');
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect((await call(api, '/pets/5', { method: 'DELETE' })).status).toBe(204);
  });

  it('tag discriminated values with their subtype', async () => {
    const animal = await call(api, '/animals');
    expect(animal.json).toMatchObject({ kind: 'Animal' });
    const shapes = await mockOf(OAS3);
    for (let index = 0; index < 6; index++) {
      const shape = (await call(shapes.url, `/v2/shapes`, { headers: { 'x-n': String(index) } })).json as { kind: string; radius?: number; side?: number };
      expect(shape.kind === 'circle' ? 'radius' in shape : shape.kind === 'square' && 'side' in shape).toBe(true);
    }
  });

  it('are the same bytes for the same seed and request, and differ for another seed', async () => {
    const again = await mockOf(FIXTURE, 1);
    const other = await mockOf(FIXTURE, 99);
    for (const target of ['/pets/5', '/pets?sort=desc&limit=3', '/tree']) {
      const first = await call(api, target);
      expect((await call(`${again.url}/api`, target)).text).toBe(first.text);
      expect((await call(api, target)).text).toBe(first.text);
      expect((await call(`${other.url}/api`, target)).text).not.toBe(first.text);
    }
  });

  it('give another documented response on Prefer: code=404', async () => {
    const result = await call(api, '/pets/5', { headers: { prefer: 'code=404' } });
    expect(result.status).toBe(404);
    expect(result.json).toMatchObject({ code: expect.any(Number) });
  });
});

describe('openbind mock (the CLI)', () => {
  it('prints its URL, logs a JSON line per request and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'mock', FIXTURE, '--port', '0', '--seed', '7'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buffer = '';
    const nextLine = () => new Promise<string>((resolve, reject) => {
      const poll = setInterval(() => {
        if (lines.length > 0) {
          clearInterval(poll);
          resolve(lines.shift()!);
        }
      }, 20);
      child.once('exit', () => reject(new Error('the mock exited')));
    });
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      lines.push(...parts);
    });
    const banner = await nextLine();
    const url = /(http:\/\/127\.0\.0\.1:\d+)\/api$/.exec(banner)?.[1];
    expect(url, banner).toBeDefined();
    expect((await fetch(`${url}/api/pets/0`)).status).toBe(400);
    expect(JSON.parse(await nextLine())).toEqual({ method: 'GET', url: '/api/pets/0', operation: 'GET /pets/{petId}', status: 400, violations: [{ in: 'path', name: 'petId', pointer: '', message: 'path parameter "petId": the value must be >= 1' }] });
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
