/**
 * Consumer contract tests: requests generated from the spec's schemas (fast-check, fixed seeds)
 * go through the real generated client to the mock; every case must satisfy the mock, get a
 * response that validates, and be decoded as declared. Shown to pass on the seed and fixtures,
 * to fail — with a shrunk counterexample — on clients broken in distinct ways, and to be
 * reproducible. The CLI (`openbind test`) runs the same thing.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClientFactory } from '../generator/contract/case-runner.js';
import { contractTests } from '../generator/contract/contract-tests.js';
import { generateOrThrow } from './support/generated.js';
import { ROOT, SPEC_DIR, tempDir } from './support/paths.js';
import { openbind } from './support/run-cli.js';

const SEED = path.join(SPEC_DIR, 'ecr-layers.yaml');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'contract.yaml');
const OAS3 = path.join(ROOT, 'test', 'fixtures', 'contract-oas3.yaml');
const FRAGMENTS = path.join(ROOT, 'test', 'fixtures', 'contract-fragments.yaml');
const OAS31 = path.join(ROOT, 'test', 'fixtures', 'contract-oas31.yaml');

let dir: string;
beforeAll(async () => {
  dir = await tempDir('consumer');
});

/** The spec's generated client, optionally with one file edited, imported from disk. */
async function clientOf(spec: string, edit?: { file: string; from: string | RegExp; to: string }): Promise<ClientFactory> {
  const { files, name } = await generateOrThrow(spec);
  const out = path.join(dir, `${name}-${Math.random().toString(36).slice(2)}`);
  await mkdir(out, { recursive: true });
  for (const [file, text] of files) {
    const edited = edit && edit.file === file ? text.replace(edit.from, edit.to) : text;
    if (edit && edit.file === file) expect(edited).not.toBe(text);
    await writeFile(path.join(out, file), edited);
  }
  return ((await import(pathToFileURL(path.join(out, 'index.ts')).href)) as { createClient: ClientFactory }).createClient;
}

describe('consumer contract tests pass on correct clients', () => {
  it.each([
    ['the seed', SEED, 3],
    ['the Swagger 2.0 fixture', FIXTURE, 13],
    ['the OpenAPI 3.0 fixture', OAS3, 5],
    ['fragment keys', FRAGMENTS, 2],
    ['the OpenAPI 3.1 fixture', OAS31, 1],
  ])('%s', async (_name, spec, operations) => {
    const report = await contractTests(spec, await clientOf(spec), { seed: 1, runs: 15 });
    expect(report.failures, report.text).toEqual([]);
    expect(report.operations).toHaveLength(operations);
    for (const result of report.operations) {
      expect(result.skipped, result.id).toBeUndefined();
      expect(result.cases, result.id).toBe(15);
    }
    expect(report.text).toMatch(new RegExp(`^${operations} passed, 0 failed$`, 'm'));
  });
});

describe('consumer contract tests catch a broken client', () => {
  const broken: Array<[string, string, { file: string; from: string | RegExp; to: string }, string, string, RegExp]> = [
    ['a parameter sent in the wrong place', FIXTURE, { file: 'client.ts', from: '{"name":"sort","key":"sort","in":"query"', to: '{"name":"sort","key":"sort","in":"header"' }, 'listPets', 'request', /required query parameter "sort" is missing/],
    ['a parameter under the wrong wire name', FIXTURE, { file: 'client.ts', from: '{"name":"Amount","key":"Amount"', to: '{"name":"amount","key":"Amount"' }, 'feed', 'request', /query parameter "amount" is not declared/],
    ['a JSON body sent as a form', FIXTURE, { file: 'client.ts', from: '"body":{"key":"pet","encoding":"json","contentType":"application/json"}', to: '"body":{"key":"pet","encoding":"form","contentType":"application/json"}' }, 'createPet', 'request', /Content-Type application\/x-www-form-urlencoded is not one the operation consumes/],
    ['a JSON response read as text', FIXTURE, { file: 'client.ts', from: '"responses":{"200":"json","404":"json"}', to: '"responses":{"200":"text","404":"json"}' }, 'getPet', 'decode', /the client decoded the body as/],
    ['a success treated as an error', OAS3, { file: 'client.ts', from: '"responses":{"201":"json","4XX":"json"}', to: '"responses":{"4XX":"json"}' }, 'createItem', 'decode', /threw ApiError for status 201/],
  ];

  it.each(broken)('%s', async (_name, spec, edit, operation, code, message) => {
    const report = await contractTests(spec, await clientOf(spec, edit), { seed: 1, runs: 10, operations: [operation] });
    expect(report.passed).toBe(false);
    const [failure] = report.failures;
    expect(failure?.methodName).toBe(operation);
    expect(failure!.breaks.map((found) => found.code)).toContain(code);
    expect(failure!.breaks.map((found) => found.message).join('\n')).toMatch(message);
    // fast-check shrank the failing case; the report shows it with the request that was sent.
    expect(failure!.counterexample?.findings.length).toBeGreaterThan(0);
    expect(failure!.counterexample?.request?.url).toContain(spec === OAS3 ? '/v2/' : '/api/');
    expect(report.text).toContain(`FAIL ${failure!.id}`);
    expect(report.text).toContain('shrunk counterexample');
  });

  it('shrinks to the smallest failing params', async () => {
    // Only values of limit ≥ 10 break here: the client sends limit + 100 (over the spec's maximum).
    const client = await clientOf(FIXTURE, { file: 'runtime.ts', from: 'const value = params[parameter.key];', to: "const value = parameter.name === 'limit' && typeof params[parameter.key] === 'number' && (params[parameter.key] as number) >= 10 ? (params[parameter.key] as number) + 100 : params[parameter.key];" });
    const report = await contractTests(FIXTURE, client, { seed: 3, runs: 40, operations: ['listPets'] });
    expect(report.failures).toHaveLength(1);
    const params = JSON.parse(report.failures[0]!.counterexample!.params) as Record<string, unknown>;
    expect(params).toEqual({ limit: 10, sort: 'asc' });
  });
});

describe('consumer contract tests are reproducible', () => {
  it('give the same requests for the same seed and other requests for another', async () => {
    const client = await clientOf(FIXTURE, { file: 'client.ts', from: '{"name":"sort","key":"sort","in":"query"', to: '{"name":"sort","key":"sort","in":"header"' });
    const run = (seed: number) => contractTests(FIXTURE, client, { seed, runs: 5, operations: ['listPets'] });
    const [first, again, other] = await Promise.all([run(7), run(7), run(8)]);
    // Each run has its own mock on its own port: compare what follows the origin.
    const requests = (report: typeof first) => report.failures[0]!.breaks.map((found) => new URL(found.example.request!.url).pathname + new URL(found.example.request!.url).search);
    expect(requests(again)).toEqual(requests(first));
    expect(again.failures[0]!.counterexample!.params).toEqual(first.failures[0]!.counterexample!.params);
    expect(requests(other)).not.toEqual(requests(first));
  });
});

describe('openbind test (the CLI)', () => {
  it('runs the consumer tests of a spec and exits 0 when the client keeps the contract', async () => {
    const result = await openbind('test', SEED, '--seed', '4', '--runs', '5');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('ok   GET /?Action=BatchCheckLayerAvailability (batchCheckLayerAvailability): 5 case(s)');
    expect(result.stdout).toMatch(/^3 passed, 0 failed$/m);
  });

  it('refuses bad options with exit 2', async () => {
    expect((await openbind('test')).code).toBe(2);
    expect((await openbind('test', SEED, '--runs', '0')).code).toBe(2);
    expect((await openbind('test', SEED, '--target', 'ftp://x')).code).toBe(2);
    expect((await openbind('test', SEED, '--report', 'xml')).code).toBe(2);
  });

  it('reports a spec that cannot be read, located, with exit 1', async () => {
    const result = await openbind('test', path.join(dir, 'missing.yaml'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/missing\.yaml:1:1 {2}error {2}load\/read/);
  });
});
