/**
 * Runtime contract: the generated seed client sends real HTTP to a server on 127.0.0.1 that
 * checks every request against the spec (method, path, key query, declared parameters).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createClient, type Client } from '../generated/ecr-layers/index.js';
import { SPEC_DIR } from './support/paths.js';
import { startSpecServer, type SpecServer } from './support/spec-server.js';

let server: SpecServer;
let client: Client;

beforeAll(async () => {
  server = await startSpecServer(path.join(SPEC_DIR, 'ecr-layers.yaml'));
  client = createClient({ baseUrl: server.baseUrl });
});
afterAll(() => server.close());

function lastRequest() {
  const request = server.requests.at(-1);
  if (!request) throw new Error('the server saw no request');
  return request;
}

describe('the seed client on the wire', () => {
  it('getDownloadUrlForLayer sends GET /?Action=GetDownloadUrlForLayer', async () => {
    const result = await client.getDownloadUrlForLayer();
    expect(result.status).toBe(200);
    expect(lastRequest()).toMatchObject({ method: 'GET', url: '/?Action=GetDownloadUrlForLayer', operation: 'GET /?Action=GetDownloadUrlForLayer', violations: [] });
  });

  it('batchCheckLayerAvailability sends the Action first, then each parameter, percent-encoded', async () => {
    const result = await client.batchCheckLayerAvailability({
      layerDigests: 'sha256:4bc4 55+ab/c&d=e?f',
      registryId: '012345678910',
      repositoryName: 'team/app é',
    });
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ operation: 'GET /?Action=BatchCheckLayerAvailability' });
    const request = lastRequest();
    expect(request.violations).toEqual([]);
    expect(request.url).toBe(
      '/?Action=BatchCheckLayerAvailability&layerDigests=sha256%3A4bc4%2055%2Bab%2Fc%26d%3De%3Ff&registryId=012345678910&repositoryName=team%2Fapp%20%C3%A9',
    );
  });

  it('leaves optional parameters out instead of sending empty values', async () => {
    await client.batchCheckLayerAvailability({ repositoryName: 'app' });
    expect(lastRequest()).toMatchObject({ url: '/?Action=BatchCheckLayerAvailability&repositoryName=app', violations: [] });
  });

  it('completeLayerUpload sends GET /?Action=CompleteLayerUpload', async () => {
    await client.completeLayerUpload();
    expect(lastRequest()).toMatchObject({ method: 'GET', url: '/?Action=CompleteLayerUpload', operation: 'GET /?Action=CompleteLayerUpload', violations: [] });
  });

  it('sends client-wide and per-call headers', async () => {
    const withHeaders = createClient({ baseUrl: server.baseUrl, headers: () => ({ 'x-client': 'openbind-test' }) });
    await withHeaders.completeLayerUpload({}, { headers: { 'x-call': '1' } });
    expect(lastRequest().headers).toMatchObject({ 'x-client': 'openbind-test', 'x-call': '1' });
  });

  it('keeps a base URL path in front of the operation path', async () => {
    const prefixed = createClient({ baseUrl: `${server.baseUrl}/` });
    await prefixed.completeLayerUpload();
    expect(lastRequest().url).toBe('/?Action=CompleteLayerUpload');
  });

  it('throws ApiError with status, headers and the decoded body for an undocumented status', async () => {
    // The spec server answers 404 for a request no operation of the spec matches.
    const wrongBase = createClient({ baseUrl: `${server.baseUrl}/elsewhere` });
    const error = await wrongBase.completeLayerUpload().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(404);
    expect(apiError.operation).toBe('completeLayerUpload');
    expect(apiError.headers.get('content-type')).toBe('application/json');
    expect(apiError.body).toMatchObject({ violations: [expect.stringContaining('no operation')] });
  });

  it('uses the fetch it is given', async () => {
    const seen: string[] = [];
    const traced = createClient({
      baseUrl: server.baseUrl,
      fetch: (input, init) => {
        seen.push(`${init.method} ${input}`);
        return fetch(input, init);
      },
    });
    await traced.getDownloadUrlForLayer();
    expect(seen).toEqual([`GET ${server.baseUrl}/?Action=GetDownloadUrlForLayer`]);
  });
});
