/**
 * Static contract: the committed seed bindings declare every operation, parameter and response
 * of the spec, with the right names, optionality and types — checked by `verifyStatic` (which is
 * shown to fail on each kind of mutation) and, independently, by the type checker.
 */
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { verifyStatic } from '../generator/contract/verify-static.js';
import type * as Seed from '../generated/ecr-layers/index.js';
import { GENERATED_DIR, SPEC_DIR } from './support/paths.js';
import { generateOrThrow, readGenerated } from './support/generated.js';

const SEED = path.join(SPEC_DIR, 'ecr-layers.yaml');
const SEED_OUT = path.join(GENERATED_DIR, 'ecr-layers');

describe('verifyStatic on the seed', () => {
  it('finds the committed bindings complete', async () => {
    const { api } = await generateOrThrow(SEED);
    expect(api.operations.map((o) => o.methodName)).toEqual(['getDownloadUrlForLayer', 'batchCheckLayerAvailability', 'completeLayerUpload']);
    expect(verifyStatic(api, await readGenerated(SEED_OUT), 'generated/ecr-layers')).toEqual([]);
  });

  const mutations: Array<[string, { file: string; from: string | RegExp; to: string; want: string }]> = [
    ['a dropped parameter', { file: 'operations.ts', from: /\n\s*layerDigests\?: string;/, to: '', want: 'has no field "layerDigests"' }],
    ['an optional parameter made required', { file: 'operations.ts', from: 'registryId?: string;', to: 'registryId: string;', want: 'BatchCheckLayerAvailabilityParams.registryId is required' }],
    ['a parameter with another type', { file: 'operations.ts', from: 'repositoryName?: string;', to: 'repositoryName?: number;', want: 'is typed number; query parameter "repositoryName" is string' }],
    ['an extra parameter', { file: 'operations.ts', from: 'repositoryName?: string;', to: 'repositoryName?: string;\n  maxResults?: number;', want: 'maxResults is not a parameter' }],
    ['a removed operation', { file: 'client.ts', from: 'completeLayerUpload(params', to: 'completeLayerUploadRenamed(params', want: 'has no client method completeLayerUpload' }],
    ['a method taking other params', { file: 'client.ts', from: 'completeLayerUpload(params?: Operations.CompleteLayerUploadParams', to: 'completeLayerUpload(params?: Operations.GetDownloadUrlForLayerParams', want: 'Client.completeLayerUpload takes Operations.GetDownloadUrlForLayerParams' }],
    ['a method with another result', { file: 'client.ts', from: 'Promise<Operations.CompleteLayerUploadResult>', to: 'Promise<Operations.GetDownloadUrlForLayerResult>', want: 'Client.completeLayerUpload returns Promise<Operations.GetDownloadUrlForLayerResult>' }],
    ['a missing table entry', { file: 'client.ts', from: '"completeLayerUpload": {', to: '"completeLayerUpload2": {', want: 'the operation table has no entry for completeLayerUpload' }],
    ['a wrong key query', { file: 'client.ts', from: '[["Action","CompleteLayerUpload"]]', to: '[["Action","GetDownloadUrlForLayer"]]', want: 'operations.completeLayerUpload.constantQuery' }],
    ['a wrong method', { file: 'client.ts', from: /"method":"get"/, to: '"method":"post"', want: 'operations.getDownloadUrlForLayer.method is "post"' }],
    ['a parameter sent elsewhere', { file: 'client.ts', from: '"name":"registryId","key":"registryId","in":"query"', to: '"name":"registryId","key":"registryId","in":"header"', want: 'operations.batchCheckLayerAvailability.parameters' }],
    ['a response with another type', { file: 'operations.ts', from: /200: unknown;/, to: '200: string;', want: 'GetDownloadUrlForLayerResponses[200] is typed string' }],
  ];

  it.each(mutations)('catches %s', async (_name, mutation) => {
    const { api } = await generateOrThrow(SEED);
    const files = await readGenerated(SEED_OUT);
    const before = files.get(mutation.file)!;
    const after = before.replace(mutation.from, mutation.to);
    expect(after).not.toBe(before);
    files.set(mutation.file, after);
    const found = verifyStatic(api, files, 'generated/ecr-layers');
    expect(found.map((d) => d.message).join('\n')).toContain(mutation.want);
    expect(found[0]?.location?.file).toBe(`generated/ecr-layers/${mutation.file}`);
  });
});

describe('the seed bindings, seen by the type checker', () => {
  it('have one method per operation taking the spec parameter names', () => {
    expectTypeOf<Seed.BatchCheckLayerAvailabilityParams>().toEqualTypeOf<{ layerDigests?: string; registryId?: string; repositoryName?: string }>();
    expectTypeOf<Seed.Client['batchCheckLayerAvailability']>().parameter(0).toEqualTypeOf<Seed.BatchCheckLayerAvailabilityParams | undefined>();
    expectTypeOf<keyof Seed.Client>().toEqualTypeOf<'getDownloadUrlForLayer' | 'batchCheckLayerAvailability' | 'completeLayerUpload'>();
  });

  it('type a response without a schema as unknown, never any', () => {
    expectTypeOf<Seed.GetDownloadUrlForLayerResponses[200]>().toBeUnknown();
    expectTypeOf<Seed.GetDownloadUrlForLayerResult['data']>().toBeUnknown();
    expectTypeOf<Seed.GetDownloadUrlForLayerResult['status']>().toEqualTypeOf<200>();
  });

  it('need a baseUrl, since the seed names no host', () => {
    expectTypeOf<Parameters<typeof Seed.createClient>[0]>().toHaveProperty('baseUrl').toEqualTypeOf<string>();
  });
});
