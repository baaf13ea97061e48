/**
 * Schemas, exactly: one hand-written construct per row, the declaration it must become, and a
 * strict compile of the result (an honest row fails if the text is right but the code is not).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSpec, type GenerateOptions } from '../generator/pipeline.js';
import { compile } from './support/compile.js';
import { tempDir } from './support/paths.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('schemas');
});

async function generate(name: string, spec: Record<string, unknown>, options: GenerateOptions = {}) {
  const file = path.join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify({ info: { title: name, version: '1' }, paths: {}, ...spec }));
  const result = await generateSpec(file, options);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  const out = path.join(dir, name);
  await mkdir(out, { recursive: true });
  for (const [fileName, text] of result.files) await writeFile(path.join(out, fileName), text);
  return { files: result.files, errors: compile([...result.files.keys()].map((fileName) => path.join(out, fileName))) };
}

const swagger2 = (definitions: Record<string, unknown>) => ({ swagger: '2.0', definitions });
const openapi3 = (schemas: Record<string, unknown>, version = '3.0.3') => ({ openapi: version, components: { schemas } });

const rows: Array<[string, { spec: Record<string, unknown>; want: string[]; options?: GenerateOptions }]> = [
  ['allOf keeps both sides and their required keys', {
    spec: swagger2({ Base: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } }, Pet: { allOf: [{ $ref: '#/definitions/Base' }, { type: 'object', required: ['name'], properties: { name: { type: 'string' }, tag: { type: 'string' } } }] } }),
    want: ['export type Pet = Base & { name: string; tag?: string; };'],
  }],
  ['allOf members that are unions are parenthesised', {
    spec: openapi3({ A: { type: 'string' }, B: { type: 'integer' }, C: { allOf: [{ oneOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }] }, { type: 'object', properties: { x: { type: 'boolean' } } }] } }),
    want: ['export type C = (A | B) & { x?: boolean; };'],
  }],
  ['a Swagger 2 discriminator gives each subtype a literal tag', {
    spec: swagger2({
      Pet: { type: 'object', discriminator: 'petType', required: ['petType'], properties: { petType: { type: 'string' }, name: { type: 'string' } } },
      Cat: { allOf: [{ $ref: '#/definitions/Pet' }, { type: 'object', properties: { indoor: { type: 'boolean' } } }] },
      Dog: { 'x-discriminator-value': 'doggo', allOf: [{ $ref: '#/definitions/Pet' }, { type: 'object', properties: { bark: { type: 'boolean' } } }] },
    }),
    want: ["export type Cat = (Omit<Pet, 'petType'> & { petType: 'Cat' }) & { indoor?: boolean; };", "export type Dog = (Omit<Pet, 'petType'> & { petType: 'doggo' }) & { bark?: boolean; };"],
  }],
  ['an OpenAPI 3 oneOf with a discriminator mapping is a discriminated union', {
    spec: openapi3({
      Cat: { type: 'object', properties: { kind: { type: 'string' } } },
      Dog: { type: 'object', properties: { kind: { type: 'string' } } },
      Pet: { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } } },
    }),
    want: ["export type Pet = (Omit<Cat, 'kind'> & { kind: 'cat' }) | (Omit<Dog, 'kind'> & { kind: 'dog' });"],
  }],
  ['additionalProperties in every form', {
    spec: swagger2({
      Open: { type: 'object', additionalProperties: true },
      Empty: { type: 'object', additionalProperties: {} },
      Map: { type: 'object', additionalProperties: { type: 'integer' } },
      Closed: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false },
      Mixed: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: { type: 'integer' } },
    }),
    want: ['export interface Open {\n  [key: string]: unknown;\n}', 'export interface Empty {\n  [key: string]: unknown;\n}', 'export interface MapModel {\n  [key: string]: number;\n}', 'export interface Closed {\n  a?: string;\n}', 'export interface Mixed {\n  [key: string]: unknown;\n  a?: string;\n}'],
  }],
  ['string enums become a literal union and a const object', {
    spec: swagger2({ Status: { type: 'string', enum: ['active', 'on hold', 'self-service'] } }),
    want: ["export type Status = 'active' | 'on hold' | 'self-service';", "export const Status = {\n  Active: 'active',\n  OnHold: 'on hold',\n  SelfService: 'self-service',\n} as const;"],
  }],
  ['x-enum-varnames name the members', {
    spec: swagger2({ Level: { type: 'integer', enum: [1, 2], 'x-enum-varnames': ['Low', 'High'] } }),
    want: ['export type Level = 1 | 2;', 'export const Level = {\n  Low: 1,\n  High: 2,\n} as const;'],
  }],
  ['enums whose values make no names get no const object', {
    spec: swagger2({ Sign: { type: 'string', enum: ['+', '-', ''] }, Mixed: { enum: ['a', 1, true, null] } }),
    want: ["export type Sign = '+' | '-' | '';", "export type Mixed = 'a' | 1 | true | null;"],
  }],
  ['nullable in its three spellings, and 3.1 type arrays', {
    spec: { openapi: '3.1.0', components: { schemas: { A: { type: ['string', 'null'] }, B: { type: 'integer', nullable: true }, C: { type: 'object', 'x-nullable': true, properties: { x: { type: 'string' } } } } } },
    want: ['export type A = string | null;', 'export type B = number | null;', 'export type C = { x?: string; } | null;'],
  }],
  ['formats: date-time stays a string, int64 a number, binary a Blob', {
    spec: swagger2({ T: { type: 'object', properties: { at: { type: 'string', format: 'date-time' }, big: { type: 'integer', format: 'int64' }, data: { type: 'string', format: 'binary' } } } }),
    want: ['export interface T {\n  at?: string;\n  big?: number;\n  data?: Blob;\n}'],
  }],
  ['formats mapped otherwise on request: int64 as string, date-time as unknown, byte as Blob, everywhere they appear', {
    spec: openapi3({ T: { type: 'object', properties: { at: { type: 'string', format: 'date-time' }, big: { type: 'integer', format: 'int64' }, ids: { type: 'array', items: { type: 'integer', format: 'int64' } }, small: { type: 'integer', format: 'int32' }, raw: { type: 'string', format: 'byte', nullable: true } } } }),
    options: { formats: { int64: 'string', 'date-time': 'unknown', byte: 'Blob' } },
    want: ['export interface T {\n  at?: unknown;\n  big?: string;\n  ids?: string[];\n  small?: number;\n  raw?: Blob | null;\n}'],
  }],
  ['circular refs keep their names', {
    spec: swagger2({ Node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/definitions/Node' } }, parent: { $ref: '#/definitions/Node' } } } }),
    want: ['export interface Node {\n  children?: Node[];\n  parent?: Node;\n}'],
  }],
  ['names differing only by case both survive, the first by spelling keeping its name', {
    spec: swagger2({ pet: { type: 'string' }, Pet: { type: 'integer' } }),
    want: ['export type Pet2 = string;', 'export type Pet = number;'],
  }],
];

describe('schemas', () => {
  it.each(rows)('%s', async (name, { spec, want, options }) => {
    const { files, errors } = await generate(name.replace(/\W+/g, '-').slice(0, 40), spec, options);
    const models = files.get('models.ts')!;
    for (const text of want) expect(models).toContain(text);
    expect(errors).toEqual([]);
  });
});

describe('operation types', () => {
  it('names inline request and response objects from where they are, and leaves read-only fields out of requests', async () => {
    const { files, errors } = await generate('inline', {
      swagger: '2.0',
      paths: {
        '/pets': {
          post: {
            operationId: 'createPet',
            parameters: [{ in: 'body', name: 'pet', required: true, schema: { $ref: '#/definitions/Pet' } }],
            responses: { 201: { description: 'made', schema: { type: 'object', properties: { id: { type: 'string' } } } }, default: { description: 'error', schema: { type: 'object', properties: { message: { type: 'string' } } } } },
          },
          put: {
            operationId: 'updatePets',
            parameters: [{ in: 'body', name: 'update', schema: { type: 'object', required: ['names'], properties: { names: { type: 'array', items: { type: 'string' } }, version: { type: 'integer', readOnly: true } } } }],
            responses: { 204: { description: 'done' } },
          },
        },
      },
      definitions: { Pet: { type: 'object', properties: { id: { type: 'string', readOnly: true }, name: { type: 'string' } } } },
    });
    const operations = files.get('operations.ts')!;
    expect(operations).toContain('export interface CreatePetResponse201 {\n  id?: string;\n}');
    expect(operations).toContain('export interface CreatePetResponseDefault {\n  message?: string;\n}');
    expect(operations).toContain('201: CreatePetResponse201;');
    expect(operations).toContain("pet: Omit<Models.Pet, 'id'>;");
    expect(operations).toContain('export interface UpdatePetsRequest {\n  names: string[];\n}');
    expect(operations).toContain('update?: UpdatePetsRequest;');
    expect(errors).toEqual([]);
  });

  it('keeps an operation type from clashing with a model of the same name', async () => {
    const { files, errors } = await generate('clash', {
      swagger: '2.0',
      paths: { '/f': { post: { operationId: 'associateFleet', responses: { 200: { description: 'OK', schema: { $ref: '#/definitions/AssociateFleetResult' } } } } } },
      definitions: { AssociateFleetResult: { type: 'object', properties: { ok: { type: 'boolean' } } } },
    });
    expect(files.get('operations.ts')).toContain('export type AssociateFleetOperationResult =');
    expect(errors).toEqual([]);
  });
});
