/**
 * A fixed, varied sample of the shared corpus inside `npm test` (the whole corpus is
 * `npm run corpus`): catalogue documents in the seed's style, AWS query APIs, the largest
 * production documents, circular and external refs, formData, discriminators, x-nullable and
 * documents only a lenient reader takes. Each must generate (or, where marked, fail with located
 * errors) and never crash; all outputs are type-checked strict in one tsc program.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSpec } from '../generator/pipeline.js';
import { STRICT_OPTIONS } from './support/compile.js';
import { CORPUS_DIR, HAS_CORPUS, NO_CORPUS_REASON, tempDir } from './support/paths.js';

const listing = (provider: string) => `streamdata/${provider}/_listings/${provider}/openapi.md`;

/** Relative to the corpus; `fails` marks a document that is broken in a way nothing can read. */
const SAMPLE: Array<{ file: string; fails?: RegExp }> = [
  ...['aws-cognito', 'aws-elastic-beanstalk', 'akamai', 'bitbucket', 'meetup', 'twilio', 'datadog', 'zendesk', 'microsoft-graph', 'google-compute-engine', 'bmc-software', 'site24x7', 'eventbrite', '3scale'].map((provider) => ({ file: listing(provider) })),
  { file: 'streamdata/aws-cognito/_listings/aws-cognito/actionaddcustomattributes-get-openapi.md' },
  { file: 'swagger2/kubernetes/kubernetes/swagger.json' },
  { file: 'swagger2/apis-guru-lite-2017/specs/zuora.com/2017-09-06.json' },
  { file: 'swagger2/apis-guru-lite-2017/specs/googleapis.com/compute/v1.json' },
  { file: 'swagger2/go-swagger/testdata/bugs/1062/eve-online-esi.json' },
  { file: 'swagger2/apis-guru-lite-2017/specs/flat.io/2.3.0.json' },
  { file: 'swagger2/apis-guru-lite-2017/specs/deutschebahn.com/flinkster/v1.json' },
  { file: 'swagger2/apis-guru-lite-2017/specs/bitbucket.org/2.0.json' },
  { file: 'swagger2/apis-guru-lite-2017/specs/motaword.com/alpha-0.1.0.json' },
  { file: 'swagger2/apis-guru-lite-2017/specs/callfire.com/V2.json' },
  { file: 'swagger2/apis-guru-lite-2017/specs/ccp.is/0.5.5.json' },
  { file: 'swagger2/apis-guru-lite-2017/specs/rebilly.com/2.1.json' },
  { file: 'swagger2/apis-guru-lite-2017/specs/channel4.com/1.0.0.json' },
  { file: 'swagger2/autorest-testserver/swagger/body-dictionary.json' },
  { file: 'swagger2/autorest-testserver/swagger/body-formdata.json' },
  { file: 'swagger2/autorest-testserver/swagger/body-complex.json' },
  { file: 'swagger2/moby/api/docs/v1.25.yaml' },
  { file: 'swagger2/kubevirt/api/openapi-spec/swagger.json' },
  { file: 'swagger2/hey-api-openapi-ts/specs/2.0.x/circular.yaml' },
  { file: 'swagger2/swagger-codegen/modules/swagger-codegen/src/test/resources/2_0/recursive_model.yaml' },
  { file: 'swagger2/go-swagger/testdata/expansion/circularSpec.yaml' },
  { file: 'swagger2/go-swagger/testdata/bugs/2527/swagger.yml' },
  { file: 'swagger2/go-swagger/testdata/bugs/2743/working/spec.yaml' },
  { file: 'swagger2/grpc-gateway/runtime/internal/examplepb/example.swagger.json' },
  { file: 'swagger2/swagger-codegen/modules/swagger-codegen/src/test/resources/2_0/petstore.json' },
  { file: 'swagger2/hey-api-openapi-ts/specs/2.0.x/body-response-text-plain.yaml' },
  { file: 'swagger2/go-swagger/testdata/bugs/2919/edge-api/client.yml' },
];

describe.skipIf(!HAS_CORPUS)(`corpus sample${HAS_CORPUS ? '' : ` (skipped: ${NO_CORPUS_REASON})`}`, () => {
  const outputs = new Map<string, string>();
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('sample');
  });

  it.each(SAMPLE.map((entry) => [entry.file, entry]))('%s', async (file, { fails }) => {
    const result = await generateSpec(path.join(CORPUS_DIR, file));
    const lines = result.diagnostics.map((d) => `${d.location ? `${path.basename(d.location.file)}:${d.location.line}:${d.location.column}` : '-'}  ${d.severity}  ${d.code}`);
    if (fails) {
      expect(result.ok).toBe(false);
      expect(result.diagnostics.every((d) => d.location !== undefined)).toBe(true);
      expect(lines.join('\n')).toMatch(fails);
      return;
    }
    expect(result.ok, lines.join('\n')).toBe(true);
    if (!result.ok) return;
    const out = path.join(dir, String(outputs.size));
    await mkdir(out, { recursive: true });
    for (const [name, text] of result.files) await writeFile(path.join(out, name), text);
    outputs.set(file, out);
  });

  it('every generated sample compiles under strict tsc', () => {
    expect(outputs.size).toBe(SAMPLE.filter((entry) => !entry.fails).length);
    const program = ts.createProgram([...outputs.values()].map((out) => path.join(out, 'index.ts')), STRICT_OPTIONS);
    const errors = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    expect(errors.slice(0, 10)).toEqual([]);
  });
});
