/**
 * Documents in the seed's own style, written by others: the API-catalogue listings of whole AWS
 * query APIs (front-matter, `/?Action=X` keys, untyped responses). For each: the bindings
 * compile strict, and every operation's real request, with every parameter set, is one the spec
 * allows (checked by a server that reads the spec itself).
 */
import { readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateOrThrow } from './support/generated.js';
import { compile } from './support/compile.js';
import { CORPUS_DIR, HAS_CORPUS, NO_CORPUS_REASON, tempDir } from './support/paths.js';
import { sampleParams } from './support/sample-values.js';
import { startSpecServer, type SpecServer } from './support/spec-server.js';

const STREAMDATA = path.join(CORPUS_DIR, 'streamdata');
const documents = HAS_CORPUS
  ? readdirSync(STREAMDATA)
      .filter((provider) => provider.startsWith('aws-'))
      .sort()
      .map((provider) => path.join(STREAMDATA, provider, '_listings', provider, 'openapi.md'))
  : [];

type GeneratedClient = Record<string, (params: Record<string, unknown>) => Promise<{ status: number }>>;

describe.skipIf(!HAS_CORPUS)(`catalogue AWS query APIs${HAS_CORPUS ? '' : ` (skipped: ${NO_CORPUS_REASON})`}`, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('catalogue');
  });

  it.each(documents.map((file) => [path.relative(CORPUS_DIR, file), file]))('%s', async (_name, file) => {
    const result = await generateOrThrow(file);
    const out = path.join(dir, result.name);
    await mkdir(out, { recursive: true });
    for (const [name, text] of result.files) await writeFile(path.join(out, name), text);
    expect(compile([...result.files.keys()].map((name) => path.join(out, name)))).toEqual([]);

    const server: SpecServer = await startSpecServer(file);
    try {
      const bindings = (await import(pathToFileURL(path.join(out, 'index.ts')).href)) as { createClient(options: { baseUrl: string }): GeneratedClient };
      const client = bindings.createClient({ baseUrl: server.baseUrl });
      expect(result.api.operations.length).toBeGreaterThan(5);
      for (const operation of result.api.operations) {
        const response = await client[operation.methodName]!(sampleParams(operation));
        const request = server.requests.at(-1)!;
        expect(request.violations, `${operation.methodName}: ${request.url}`).toEqual([]);
        expect(request.operation).toBe(`${operation.method.toUpperCase()} ${operation.pathKey}`);
        expect(response.status).toBe(200);
        const action = operation.constantQuery[0]!;
        expect(request.url.startsWith(`/?${action.name}=${action.value}&`) || request.url === `/?${action.name}=${action.value}`).toBe(true);
      }
      expect(server.requests).toHaveLength(result.api.operations.length);
    } finally {
      await server.close();
    }
  });
});
