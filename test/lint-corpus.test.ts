/**
 * Lint on a fixed sample of the shared corpus (seed style, AWS query APIs, the largest documents,
 * external and circular refs, lenient YAML, documents that fail validation): it never crashes, and
 * every finding is located inside the file it names.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../generator/lint/rules/index.js';
import { lintFile } from '../generator/lint/run-lint.js';
import { CORPUS_DIR, HAS_CORPUS, NO_CORPUS_REASON } from './support/paths.js';

const listing = (provider: string) => `streamdata/${provider}/_listings/${provider}/openapi.md`;

const SAMPLE = [
  ...['aws-cognito', 'aws-elastic-beanstalk', 'bitbucket', 'twilio', 'microsoft-graph', 'google-compute-engine', 'eventbrite'].map(listing),
  'streamdata/aws-cognito/_listings/aws-cognito/actionaddcustomattributes-get-openapi.md',
  'swagger2/kubernetes/kubernetes/swagger.json',
  'swagger2/apis-guru-lite-2017/specs/googleapis.com/compute/v1.json',
  'swagger2/apis-guru-lite-2017/specs/bitbucket.org/2.0.json',
  'swagger2/apis-guru-lite-2017/specs/motaword.com/alpha-0.1.0.json',
  'swagger2/autorest-testserver/swagger/body-complex.json',
  'swagger2/moby/api/docs/v1.25.yaml',
  'swagger2/hey-api-openapi-ts/specs/2.0.x/circular.yaml',
  'swagger2/go-swagger/testdata/expansion/circularSpec.yaml',
  'swagger2/go-swagger/testdata/bugs/2527/swagger.yml',
  'swagger2/go-swagger/testdata/bugs/2743/working/spec.yaml',
  'swagger2/go-swagger/testdata/bugs/2919/edge-api/client.yml',
  'swagger2/go-swagger/testdata/bugs/776/spec.yaml',
  'swagger2/swagger-codegen/modules/swagger-codegen/src/test/resources/2_0/petstore.json',
];

const lineLengths = new Map<string, number[]>();
function lengths(file: string): number[] {
  let found = lineLengths.get(file);
  if (!found) lineLengths.set(file, (found = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split('\n').map((line) => line.length)));
  return found;
}

describe.skipIf(!HAS_CORPUS)(`lint on a corpus sample${HAS_CORPUS ? '' : ` (skipped: ${NO_CORPUS_REASON})`}`, () => {
  it.each(SAMPLE)('%s', async (relative) => {
    const run = await lintFile(path.join(CORPUS_DIR, relative), RULES);
    expect(run.findings.filter((f) => f.code === 'lint/internal').map((f) => f.message)).toEqual([]);
    expect(run.findings.length).toBeGreaterThan(0);
    const misplaced = run.findings.filter((f) => {
      const lines = lengths(f.location.file);
      const { line, column } = f.location;
      return !(line >= 1 && line <= lines.length && column >= 1 && column <= lines[line - 1]! + 1);
    });
    expect(misplaced.map((f) => `${f.location.file}:${f.location.line}:${f.location.column} ${f.code}`)).toEqual([]);
  });
});
