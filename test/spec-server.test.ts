/**
 * The spec-checking server the contract tests rely on must itself be able to fail: these are the
 * requests other tools' clients send for the seed, and each must be caught.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPEC_DIR } from './support/paths.js';
import { startSpecServer, type SpecServer } from './support/spec-server.js';

let server: SpecServer;
beforeAll(async () => {
  server = await startSpecServer(path.join(SPEC_DIR, 'ecr-layers.yaml'));
});
afterAll(() => server.close());

async function send(target: string, method = 'GET') {
  const response = await fetch(server.baseUrl + target, { method });
  return { status: response.status, request: server.requests.at(-1)! };
}

describe('the spec server', () => {
  const wrong: Array<[string, { target: string; method?: string; status: number; violation: string }]> = [
    ['a second "?" (what peers send for /?Action= keys)', { target: '/?Action=BatchCheckLayerAvailability?layerDigests=x', status: 404, violation: 'second "?"' }],
    ['the ? percent-encoded into the path', { target: '/%3FAction=BatchCheckLayerAvailability', status: 404, violation: 'no operation' }],
    ['an Action the spec does not have', { target: '/?Action=DeleteRepository', status: 404, violation: 'no operation' }],
    ['no Action at all', { target: '/?layerDigests=x', status: 404, violation: 'no operation' }],
    ['an undeclared parameter', { target: '/?Action=BatchCheckLayerAvailability&maxResults=3', status: 400, violation: 'query parameter "maxResults" is not declared' }],
    ['a parameter sent twice', { target: '/?Action=BatchCheckLayerAvailability&registryId=1&registryId=2', status: 400, violation: 'sent 2 times' }],
    ['the wrong method', { target: '/?Action=CompleteLayerUpload', method: 'POST', status: 404, violation: 'no operation' }],
  ];
  it.each(wrong)('rejects %s', async (_name, { target, method, status, violation }) => {
    const result = await send(target, method);
    expect(result.status).toBe(status);
    expect(result.request.violations.join('\n')).toContain(violation);
  });

  it('accepts a right request and routes it by its Action', async () => {
    const result = await send('/?Action=BatchCheckLayerAvailability&layerDigests=a&registryId=b&repositoryName=c');
    expect(result.status).toBe(200);
    expect(result.request).toMatchObject({ operation: 'GET /?Action=BatchCheckLayerAvailability', violations: [] });
  });
});
