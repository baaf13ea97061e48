/**
 * Contract testing on real documents from the shared corpus: AWS query APIs in the seed's style,
 * an AWS API whose operations share one route and differ by a fragment, formData and multipart
 * uploads, discriminators, a circular schema. For each: the generated code passes `verify`, the
 * client passes its consumer contract tests against the mock, and the mock, taken as a server,
 * passes the provider contract tests.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClientFactory } from '../generator/contract/case-runner.js';
import { startMock } from '../generator/contract/mock-server.js';
import { apiContract } from '../generator/contract/operation-contract.js';
import { runContract } from '../generator/contract/run-contract.js';
import { reportText } from '../generator/contract/report-text.js';
import { verifyStatic } from '../generator/contract/verify-static.js';
import { generateOrThrow } from './support/generated.js';
import { CORPUS_DIR, HAS_CORPUS, NO_CORPUS_REASON, tempDir } from './support/paths.js';

const SAMPLE: Array<[string, string]> = [
  ['AWS query API (seed style)', 'streamdata/aws-elastic-beanstalk/_listings/aws-elastic-beanstalk/openapi.md'],
  ['AWS query API (seed style)', 'streamdata/aws-cognito/_listings/aws-cognito/openapi.md'],
  ['fragment keys on one route', 'swagger2/apis-guru-lite-2017/specs/amazonaws.com/sns/2010-03-31.json'],
  ['formData and multipart', 'swagger2/autorest-testserver/swagger/body-formdata.json'],
  ['formData, file upload', 'swagger2/swagger-codegen/modules/swagger-codegen/src/test/resources/2_0/petstore.json'],
  ['discriminators', 'swagger2/autorest-testserver/swagger/body-complex.json'],
  ['discriminators', 'swagger2/swagger-codegen/modules/swagger-codegen/src/test/resources/2_0/discriminatorTest.json'],
  ['a circular schema', 'swagger2/swagger-codegen/modules/swagger-codegen/src/test/resources/2_0/recursive_model.yaml'],
];

describe.skipIf(!HAS_CORPUS)(`contract testing on corpus documents${HAS_CORPUS ? '' : ` (skipped: ${NO_CORPUS_REASON})`}`, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('contract-corpus');
  });

  it.each(SAMPLE)('%s: %s', async (_kind, file) => {
    const generated = await generateOrThrow(path.join(CORPUS_DIR, file));
    const out = path.join(dir, generated.name);
    await mkdir(out, { recursive: true });
    for (const [name, text] of generated.files) await writeFile(path.join(out, name), text);
    expect(verifyStatic(generated.api, generated.files, out)).toEqual([]);

    const { createClient } = (await import(pathToFileURL(path.join(out, 'index.ts')).href)) as { createClient: ClientFactory };
    const contract = apiContract(generated.api, generated.spec);
    const consumer = await runContract(contract, createClient, { seed: 1, runs: 5 });
    expect(consumer.failures, reportText(consumer)).toEqual([]);
    expect(consumer.operations.filter((result) => result.skipped)).toEqual([]);
    expect(consumer.operations.length).toBe(generated.api.operations.length);

    const mock = await startMock(contract, { seed: 2 });
    try {
      const provider = await runContract(contract, createClient, { seed: 3, runs: 3, target: mock.url });
      expect(provider.failures, reportText(provider)).toEqual([]);
      expect(mock.exchanges.every((exchange) => exchange.violations.length === 0)).toBe(true);
    } finally {
      await mock.close();
    }
  });
});
