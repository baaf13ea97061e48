/** Lowering into the IR: route keys, names, base URLs, parameters, bodies and responses. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lowerApi } from '../generator/ir/lower.js';
import { methodNameFor, operationNameFromRoute, typeNameFor, uniqueNames } from '../generator/ir/names.js';
import { parseRouteKey } from '../generator/ir/route.js';
import { loadSpec } from '../generator/load/load-spec.js';
import { loadText } from './support/generated.js';
import { SPEC_DIR, tempDir } from './support/paths.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('lower');
});

describe('parseRouteKey', () => {
  const cases: Array<[string, { path: string; constantQuery: Array<{ name: string; value: string }> }]> = [
    ['/pets', { path: '/pets', constantQuery: [] }],
    ['/?Action=GetDownloadUrlForLayer', { path: '/', constantQuery: [{ name: 'Action', value: 'GetDownloadUrlForLayer' }] }],
    ['/?Action=DescribeImages&Version=2015-09-21', { path: '/', constantQuery: [{ name: 'Action', value: 'DescribeImages' }, { name: 'Version', value: '2015-09-21' }] }],
    ['/queue/{id}?Action=Send%20Message', { path: '/queue/{id}', constantQuery: [{ name: 'Action', value: 'Send Message' }] }],
    ['/#CreateTopic', { path: '/', constantQuery: [] }],
    ['/topics?Action=List#frag', { path: '/topics', constantQuery: [{ name: 'Action', value: 'List' }] }],
    ['/comments/#{id}.json', { path: '/comments/{id}.json', constantQuery: [] }],
    ['/search?flag', { path: '/search', constantQuery: [{ name: 'flag', value: '' }] }],
  ];
  it.each(cases)('%s', (key, want) => {
    expect(parseRouteKey(key)).toEqual(want);
  });
});

describe('names', () => {
  const methods: Array<[string, string]> = [
    ['getDownloadUrlForLayer', 'getDownloadUrlForLayer'],
    ['GetPets', 'getPets'],
    ['pets.list', 'petsList'],
    ['delete', 'delete_'],
    ['3dModels', '_3dModels'],
    ['get pets by-id', 'getPetsById'],
  ];
  it.each(methods)('operationId %s → method %s', (operationId, want) => {
    expect(methodNameFor(operationId)).toBe(want);
  });

  const types: Array<[string, string]> = [
    ['Pet', 'Pet'],
    ['pet', 'Pet'],
    ['Error', 'ErrorModel'],
    ['Response', 'ResponseModel'],
    ['io.k8s.api.core.v1.Pod', 'IoK8sApiCoreV1Pod'],
    ['Pet[]', 'Pet'],
    ['1Thing', '_1Thing'],
  ];
  it.each(types)('schema %s → type %s', (specName, want) => {
    expect(typeNameFor(specName)).toBe(want);
  });

  it('names an operation without operationId from method and route', () => {
    expect(operationNameFromRoute('get', '/pets/{petId}/toys')).toBe('getPetsByPetIdToys');
  });

  it('settles collisions by spec position, whatever order the items come in', () => {
    const items = [{ key: '/b', name: 'x' }, { key: '/a', name: 'x' }, { key: '/c', name: 'y' }];
    const forward = uniqueNames(items, (i) => i.name, (i) => i.key);
    const reversed = uniqueNames([...items].reverse(), (i) => i.name, (i) => i.key).reverse();
    expect(forward).toEqual(['x2', 'x', 'y']);
    expect(reversed).toEqual(forward);
  });
});

describe('lowerApi on the seed', () => {
  it('turns each /?Action= key into path / plus a constant Action query', async () => {
    const loaded = await loadSpec(path.join(SPEC_DIR, 'ecr-layers.yaml'));
    if (!loaded.ok) throw new Error('seed did not load');
    const { api, diagnostics } = lowerApi(loaded.spec);
    expect(diagnostics).toEqual([]);
    expect(api.defaultBaseUrl).toBeUndefined();
    expect(api.operations.map((o) => [o.methodName, o.method, o.path, o.constantQuery])).toEqual([
      ['getDownloadUrlForLayer', 'get', '/', [{ name: 'Action', value: 'GetDownloadUrlForLayer' }]],
      ['batchCheckLayerAvailability', 'get', '/', [{ name: 'Action', value: 'BatchCheckLayerAvailability' }]],
      ['completeLayerUpload', 'get', '/', [{ name: 'Action', value: 'CompleteLayerUpload' }]],
    ]);
    const batch = api.operations[1]!;
    expect(batch.parameters.map((p) => [p.name, p.in, p.required, p.schema.kind])).toEqual([
      ['layerDigests', 'query', false, 'string'],
      ['registryId', 'query', false, 'string'],
      ['repositoryName', 'query', false, 'string'],
    ]);
    expect(batch.responses).toMatchObject([{ status: '200', encoding: 'none', description: 'OK' }]);
    expect(batch.responses[0]!.schema).toBeUndefined();
    expect(batch.pointer).toBe('/paths/~1?Action=BatchCheckLayerAvailability/get');
  });
});

describe('lowerApi on single constructs', () => {
  async function lower(name: string, text: string) {
    return lowerApi(await loadText(dir, name, text));
  }

  it('takes the default base URL from schemes, host and basePath (https preferred)', async () => {
    const { api } = await lower('host.yaml', 'swagger: "2.0"\ninfo: {title: T, version: "1"}\nschemes: [http, https]\nhost: api.example.com:8443\nbasePath: /v2/\npaths: {}\n');
    expect(api.defaultBaseUrl).toBe('https://api.example.com:8443');
    expect(api.basePath).toBe('/v2');
  });

  it('merges path-level parameters, the operation’s own winning', async () => {
    const { api } = await lower(
      'merge.yaml',
      'swagger: "2.0"\ninfo: {title: T, version: "1"}\npaths:\n  /pets/{id}:\n    parameters:\n    - {in: path, name: id, type: string, required: true}\n    - {in: query, name: verbose, type: boolean}\n    get:\n      parameters:\n      - {in: query, name: verbose, type: string, description: own}\n      responses: {200: {description: OK}}\n',
    );
    expect(api.operations[0]!.parameters.map((p) => [p.in, p.name, p.schema.kind, p.description])).toEqual([
      ['path', 'id', 'string', undefined],
      ['query', 'verbose', 'string', 'own'],
    ]);
  });

  it('keys parameters that share a name in two locations by location', async () => {
    const { api } = await lower('clash.yaml', 'swagger: "2.0"\ninfo: {title: T, version: "1"}\npaths:\n  /pets/{id}:\n    get:\n      parameters:\n      - {in: path, name: id, type: string, required: true}\n      - {in: query, name: id, type: string}\n      responses: {200: {description: OK}}\n');
    expect(api.operations[0]!.parameters.map((p) => p.key)).toEqual(['path.id', 'query.id']);
  });

  it('lowers collectionFormat to style/explode', async () => {
    const { api } = await lower(
      'formats.yaml',
      'swagger: "2.0"\ninfo: {title: T, version: "1"}\npaths:\n  /x:\n    get:\n      parameters:\n      - {in: query, name: a, type: array, items: {type: string}}\n      - {in: query, name: b, type: array, items: {type: string}, collectionFormat: multi}\n      - {in: query, name: c, type: array, items: {type: string}, collectionFormat: pipes}\n      responses: {200: {description: OK}}\n',
    );
    expect(api.operations[0]!.parameters.map((p) => [p.name, p.style, p.explode])).toEqual([
      ['a', 'form', false],
      ['b', 'form', true],
      ['c', 'pipeDelimited', false],
    ]);
  });

  it('adds an undeclared path placeholder as a required string, with a warning', async () => {
    const { api, diagnostics } = await lower('placeholder.yaml', 'swagger: "2.0"\ninfo: {title: T, version: "1"}\npaths:\n  /pets/{petId}:\n    get:\n      responses: {200: {description: OK}}\n');
    expect(api.operations[0]!.parameters).toMatchObject([{ name: 'petId', in: 'path', required: true }]);
    expect(diagnostics).toMatchObject([{ code: 'spec/undeclared-path-parameter', severity: 'warning', location: { line: 5, column: 5 } }]);
  });

  it('leaves a body or formData out of a GET (fetch cannot send one), with a located warning', async () => {
    const { api, diagnostics } = await lower(
      'get-body.yaml',
      'swagger: "2.0"\ninfo: {title: T, version: "1"}\npaths:\n  /search:\n    get:\n      parameters:\n      - {in: query, name: q, type: string}\n      - {in: body, name: filter, schema: {type: object}}\n      responses: {200: {description: OK}}\n  /form:\n    get:\n      parameters:\n      - {in: formData, name: f, type: string}\n      responses: {200: {description: OK}}\n',
    );
    expect(api.operations.map((o) => [o.pathKey, o.body, o.parameters.map((p) => p.name)])).toEqual([
      ['/search', undefined, ['q']],
      ['/form', undefined, []],
    ]);
    expect(diagnostics).toMatchObject([
      { code: 'spec/body-on-get', severity: 'warning', location: { line: 8, column: 9 } },
      { code: 'spec/body-on-get', severity: 'warning', location: { line: 13, column: 9 } },
    ]);
  });

  it('drops an optional GET body that can hold nothing without a warning (Stripe declares 213)', async () => {
    const { api, diagnostics } = await lower(
      'get-empty-body.yaml',
      'openapi: 3.0.3\ninfo: {title: T, version: "1"}\npaths:\n  /a:\n    get:\n      requestBody:\n        content: {application/x-www-form-urlencoded: {schema: {type: object, properties: {}, additionalProperties: false}}}\n      responses: {200: {description: OK}}\n',
    );
    expect(api.operations[0]!.body).toBeUndefined();
    expect(diagnostics).toEqual([]);
  });

  it('gives duplicate operationIds distinct names by spec position, with a warning', async () => {
    const { api, diagnostics } = await lower('dupes.yaml', 'swagger: "2.0"\ninfo: {title: T, version: "1"}\npaths:\n  /b:\n    get: {operationId: list, responses: {200: {description: OK}}}\n  /a:\n    get: {operationId: list, responses: {200: {description: OK}}}\n');
    expect(api.operations.map((o) => [o.pathKey, o.methodName])).toEqual([
      ['/b', 'list2'],
      ['/a', 'list'],
    ]);
    expect(diagnostics).toMatchObject([{ code: 'names/duplicate-operation', severity: 'warning' }]);
  });
});
