/**
 * Provider contract tests: `openbind test <spec> --target <url>` sends the generated client's
 * requests to a real server and checks its responses. Here the server is hand-written (node:http
 * on 127.0.0.1) for the contract fixture: once keeping the contract (exit 0), once breaking it in
 * distinct ways — an undocumented status, a wrong content type, a body its schema rejects, a
 * missing required header, a header of the wrong type, malformed JSON — each of which must be
 * reported, naming the operation, the request sent and what broke, in the JSON and JUnit reports.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SPEC_DIR, tempDir } from './support/paths.js';
import { openbind } from './support/run-cli.js';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'contract.yaml');

type Reply = { status: number; headers?: Record<string, string>; body?: string | Buffer };
type Route = [method: string, path: RegExp, reply: Reply];

const PET = JSON.stringify({ id: 1, name: 'Rex', status: 'available' });
const json = (body: string, headers: Record<string, string> = {}): Reply => ({ status: 200, headers: { 'content-type': 'application/json', ...headers }, body });

/** A server that keeps the fixture's contract, whatever valid request it gets. */
const CORRECT: Route[] = [
  ['GET', /^\/api\/pets\/mine$/, json(PET)],
  ['GET', /^\/api\/pets\/\d+$/, json(PET, { 'X-Rate-Limit': '10', ETag: '"v1"' })],
  ['DELETE', /^\/api\/pets\/\d+$/, { status: 204 }],
  ['GET', /^\/api\/pets(\?|$)/, json(`[${PET}]`)],
  ['POST', /^\/api\/pets$/, { status: 201, headers: { 'content-type': 'application/json', Location: '/api/pets/1' }, body: PET }],
  ['POST', /^\/api\/pets\/-?\d+\/photo$/, json('{"size":3}')],
  ['GET', /^\/api\/pets\/-?\d+\/photo$/, { status: 200, headers: { 'content-type': 'image/png' }, body: Buffer.from([137, 80, 78, 71]) }],
  ['POST', /^\/api\/search$/, json('["Rex"]')],
  ['GET', /^\/api\/notes$/, { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'feed at 6' }],
  ['POST', /^\/api\/\?Action=Feed/, json('{"grams":50,"food":"kibble"}')],
  ['POST', /^\/api\/\?Action=Walk/, { status: 200 }],
  ['GET', /^\/api\/tree$/, json('{"label":"root","children":[{"label":"leaf"}]}')],
  ['GET', /^\/api\/animals$/, json('{"kind":"Dog","barks":true}')],
];

/** The same server, broken in one way per operation (two at once for createPet). */
const BROKEN: Route[] = [
  ['GET', /^\/api\/pets\/mine$/, { status: 418, headers: { 'content-type': 'application/json' }, body: PET }],
  ['GET', /^\/api\/pets\/\d+$/, json(PET, { 'X-Rate-Limit': 'lots', ETag: '"v1"' })],
  ['GET', /^\/api\/pets(\?|$)/, { status: 200, headers: { 'content-type': 'text/html' }, body: '<ul><li>Rex</li></ul>' }],
  ['POST', /^\/api\/pets$/, { status: 201, headers: { 'content-type': 'application/json' }, body: '{"id":"seven"}' }],
  ['GET', /^\/api\/tree$/, json('{"label": <oops>]]>')],
  ...CORRECT,
];

function serve(routes: Route[]): Promise<{ url: string; server: Server }> {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    request.resume();
    request.on('end', () => {
      const route = routes.find(([method, pattern]) => method === request.method && pattern.test(request.url ?? ''));
      const reply: Reply = route?.[2] ?? { status: 404 };
      response.writeHead(reply.status, reply.headers ?? {});
      response.end(reply.body);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })));
}

let correct: { url: string; server: Server };
let broken: { url: string; server: Server };
let dir: string;
beforeAll(async () => {
  [correct, broken, dir] = await Promise.all([serve(CORRECT), serve(BROKEN), tempDir('provider')]);
});
afterAll(() => Promise.all([correct, broken].map(({ server }) => new Promise((resolve) => server.close(resolve)))));

interface JsonReport {
  mode: string;
  summary: { operations: number; passed: number; failed: number; skipped: number; cases: number };
  operations: Array<{ id: string; methodName: string; cases: number; breaks: Array<{ code: string; message: string; spec: string; example: { request?: { method: string; url: string }; response?: { status: number } } }> }>;
}

describe('openbind test --target', () => {
  it('exits 0 against a server that keeps the contract', async () => {
    const result = await openbind('test', FIXTURE, '--target', correct.url, '--runs', '5');
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('provider mode against');
    expect(result.stdout).toMatch(/^13 passed, 0 failed$/m);
  });

  it('reports every break of a server that does not, with the request that showed it (JSON report)', async () => {
    const file = path.join(dir, 'report.json');
    const result = await openbind('test', FIXTURE, '--target', broken.url, '--runs', '5', '--report', 'json', '--report-file', file);
    expect(result.code).toBe(1);
    const report = JSON.parse(await readFile(file, 'utf8')) as JsonReport;
    expect(report.mode).toBe('provider');
    expect(report.summary).toMatchObject({ operations: 13, failed: 5, passed: 8 });
    const breaks = Object.fromEntries(report.operations.filter((o) => o.breaks.length > 0).map((o) => [o.methodName, o.breaks.map((b) => `${b.code}: ${b.message}`)]));
    expect(breaks).toEqual({
      getMyPet: [expect.stringMatching(/^status: status 418 is not documented \(documented: 200\)$/)],
      getPet: [expect.stringMatching(/^header: header X-Rate-Limit: "lots": the value must be integer$/)],
      listPets: [expect.stringMatching(/^content-type: Content-Type text\/html is not documented \(documented: application\/json\)$/)],
      createPet: [
        expect.stringMatching(/^header: required header Location is missing$/),
        expect.stringMatching(/^body: body: \/name is required$/),
        expect.stringMatching(/^body: body: \/id must be integer$/),
      ],
      getTree: [expect.stringMatching(/^body: the body is not valid JSON/)],
    });
    for (const operation of report.operations) {
      for (const found of operation.breaks) {
        expect(found.example.request?.url.startsWith(`${broken.url}/api/`)).toBe(true);
        expect(found.example.request?.method).toBe(operation.id.split(' ')[0]);
        expect(found.spec).toMatch(/^\/paths\//);
      }
    }
    expect(result.stdout).toContain('FAIL GET /pets/{petId} (getPet)');
    expect(result.stdout).toMatch(/^8 passed, 5 failed$/m);
  });

  it('writes a JUnit report: a testcase per operation, a failure per broken one, spec text escaped', async () => {
    const file = path.join(dir, 'report.xml');
    const result = await openbind('test', FIXTURE, '--target', broken.url, '--runs', '3', '--report', 'junit', '--report-file', file);
    expect(result.code).toBe(1);
    const xml = await readFile(file, 'utf8');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="openbind test" tests="13" failures="5" skipped="0">')).toBe(true);
    expect(xml.match(/<testcase /g)).toHaveLength(13);
    const failures = [...xml.matchAll(/<testcase classname="([^"]+)" name="([^"]+)">\s*<failure message="([^"]*)" type="contract">([^<]*)<\/failure>/g)].map((match) => match[2]);
    expect(failures.sort()).toEqual(['createPet', 'getMyPet', 'getPet', 'getTree', 'listPets']);
    // The malformed body the server sent is text in the report, never markup.
    expect(xml).toContain('{"label": &lt;oops&gt;]]&gt;');
    expect(xml).not.toContain('<oops>');
    expect(xml).toContain('GET /pets/{petId}');
  });

  it('on the seed: passes a server that answers every Action, reports the one it fails', async () => {
    const seed = await serve([
      ['GET', /^\/\?Action=BatchCheckLayerAvailability(&|$)/, { status: 500, headers: { 'content-type': 'text/plain' }, body: 'oops' }],
      ['GET', /^\/\?Action=/, { status: 200 }],
    ]);
    try {
      const result = await openbind('test', path.join(SPEC_DIR, 'ecr-layers.yaml'), '--target', seed.url, '--runs', '5');
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('ok   GET /?Action=GetDownloadUrlForLayer (getDownloadUrlForLayer): 5 case(s)');
      expect(result.stdout).toContain('FAIL GET /?Action=BatchCheckLayerAvailability (batchCheckLayerAvailability)');
      expect(result.stdout).toContain('[status] status 500 is not documented (documented: 200)');
      expect(result.stdout).toMatch(/^2 passed, 1 failed$/m);
    } finally {
      await new Promise((resolve) => seed.server.close(resolve));
    }
  });

  it('reports a server that cannot be reached as a break of every operation', async () => {
    const result = await openbind('test', FIXTURE, '--target', 'http://127.0.0.1:9', '--runs', '1', '--operation', 'getNotes');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/\[request\] the request failed: fetch failed/);
  });
});
