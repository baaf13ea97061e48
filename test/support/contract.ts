/** A spec's contract (IR + raw schemas) and, for checks, an ajv validator that knows nothing of openbind. */
import { createRequire } from 'node:module';
import { apiContract, type ApiContract } from '../../generator/contract/operation-contract.js';
import { generateOrThrow } from './generated.js';
import { readSwagger } from './spec-server.js';

const require = createRequire(import.meta.url);

export async function contractOf(file: string): Promise<ApiContract> {
  const generated = await generateOrThrow(file);
  return apiContract(generated.api, generated.spec);
}

/**
 * Validates a value against the schema at a JSON pointer of the spec as read by `yaml` alone:
 * ajv draft-04 (Swagger 2.0 and OpenAPI 3.0), with `x-nullable` / `nullable` read as admitting
 * null. The test's own oracle for "the mock's data validates against the response schema".
 */
export async function independentValidator(file: string): Promise<(pointer: string, value: unknown) => string[]> {
  const document = admitNull(await readSwagger(file)) as Record<string, unknown>;
  const Ajv = require('ajv-draft-04') as { default: new (options: object) => { addSchema(s: object, k: string): void; validate(s: object, v: unknown): boolean; errors?: Array<{ instancePath: string; message?: string }>; addFormat(n: string, f: boolean): void } };
  const ajv = new Ajv.default({ strict: false, allErrors: true, validateSchema: false });
  (require('ajv-formats') as { default: (ajv: object) => void }).default(ajv);
  for (const format of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) ajv.addFormat(format, true);
  ajv.addSchema(document, 'doc');
  return (pointer, value) => (ajv.validate({ $ref: `doc#${pointer.split('/').map(encodeURIComponent).join('/')}` }, value) ? [] : (ajv.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`));
}

function admitNull(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(admitNull);
  if (node === null || typeof node !== 'object') return node;
  const object = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, admitNull(value)])) as Record<string, unknown>;
  if (object['x-nullable'] === true || object.nullable === true) return { anyOf: [object, { type: 'null' }] };
  return object;
}
