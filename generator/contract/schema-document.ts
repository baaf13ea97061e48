/**
 * The spec's own JSON Schemas, made ready for a JSON Schema validator and for data generation.
 * The raw document (repaired and bundled by the loader) keeps what the IR drops — pattern,
 * minimum, maxLength, formats — so contract checks read schemas from it, not from the IR.
 *
 * A copy of the document is prepared per direction, because the same schema means two things:
 * OpenAPI 3 §Fixed Fields (readOnly/writeOnly) — a required read-only property is required in
 * responses only, a required write-only property in requests only. Other preparations:
 * - `nullable: true` (OpenAPI 3.0), `x-nullable` / `x-isnullable` (Swagger 2.0) admit `null`,
 *   which draft-04 cannot say any other way;
 * - Swagger 2.0 `type: file` is no JSON type: it admits anything (files are checked as parts);
 * - a `$ref` the loader could not resolve admits anything, as the IR types it `unknown`;
 * - a draft-04 `id` keyword is dropped: specs use it as a name, not as a base URI.
 */
import { isObject } from '../load/repair.js';
import { resolvePointer } from '../ir/schema.js';

export type Json = Record<string, unknown>;
export type Direction = 'request' | 'response';

export function prepareDocument(document: Json, direction: Direction): Json {
  const copy = structuredClone(document);
  return prepareNode(copy, copy, direction) as Json;
}

/** Objects whose keys are names (of properties, definitions, …), not keywords. */
const NAME_MAPS = new Set(['properties', 'patternProperties', 'definitions', 'schemas', 'parameters', 'responses', 'headers', 'paths', 'securityDefinitions', 'securitySchemes', 'content', 'examples', 'requestBodies', 'links', 'callbacks', 'mapping', 'variables', 'encoding', '$defs']);

function prepareNode(node: unknown, root: Json, direction: Direction, parentKey = ''): unknown {
  if (Array.isArray(node)) return node.map((item) => prepareNode(item, root, direction));
  if (!isObject(node)) return node;
  for (const [key, value] of Object.entries(node)) node[key] = prepareNode(value, root, direction, NAME_MAPS.has(parentKey) ? '' : key);
  // A draft-04 `id` changes the base URI of `$ref`s below it; specs (and their examples) use
  // `id` as a plain name, so it is dropped wherever it is a keyword rather than a name.
  if (!NAME_MAPS.has(parentKey) && node.id !== undefined && typeof node.id !== 'object') delete node.id;
  if (typeof node.$ref === 'string' && (!node.$ref.startsWith('#') || resolvePointer(root, node.$ref.slice(1)) === undefined)) {
    delete node.$ref;
  }
  if (node.type === 'file') delete node.type;
  if (Array.isArray(node.required) && isObject(node.properties)) {
    const hidden = direction === 'request' ? 'readOnly' : 'writeOnly';
    const properties = node.properties;
    node.required = node.required.filter((name) => !(typeof name === 'string' && flag(properties[name], root, hidden)));
  }
  return node.nullable === true || node['x-nullable'] === true || node['x-isnullable'] === true ? admitNull(node) : node;
}

/** Whether a property schema (or the schema it refers to) carries `readOnly` / `writeOnly`. */
function flag(schema: unknown, root: Json, name: 'readOnly' | 'writeOnly'): boolean {
  if (!isObject(schema)) return false;
  if (schema[name] === true) return true;
  // A nullable property was already wrapped: { anyOf: [itself, { type: 'null' }] }.
  if (Array.isArray(schema.anyOf) && schema.anyOf.length === 2 && isObject(schema.anyOf[1]) && schema.anyOf[1].type === 'null') return flag(schema.anyOf[0], root, name);
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#')) {
    const target = resolvePointer(root, schema.$ref.slice(1));
    return isObject(target) && target[name] === true;
  }
  return false;
}

function admitNull(node: Json): Json {
  const { nullable: _nullable, 'x-nullable': _xNullable, 'x-isnullable': _xIsNullable, ...rest } = node;
  if (typeof rest.type === 'string' && rest.$ref === undefined) {
    const admitted: Json = { ...rest, type: [rest.type, 'null'] };
    if (Array.isArray(rest.enum) && !rest.enum.includes(null)) admitted.enum = [...rest.enum, null];
    return admitted;
  }
  if (Array.isArray(rest.type) && rest.$ref === undefined) return rest.type.includes('null') ? rest : { ...rest, type: [...rest.type, 'null'] };
  return { anyOf: [rest, { type: 'null' }] };
}

/** A `$ref` to a place in the document, as a URI fragment (JSON pointer segments percent-encoded). */
export function pointerRef(pointer: string): string {
  return '#' + pointer.split('/').map((segment) => encodeURIComponent(segment)).join('/');
}

/** Follows `$ref`s from a place in the document to the object they end at; its pointer and value. */
export function derefPointer(document: Json, pointer: string): { pointer: string; value: unknown } {
  let current = pointer;
  const seen = new Set<string>();
  let value = resolvePointer(document, current);
  while (isObject(value) && typeof value.$ref === 'string' && value.$ref.startsWith('#') && !seen.has(value.$ref)) {
    seen.add(value.$ref);
    current = value.$ref.slice(1);
    value = resolvePointer(document, current);
  }
  return { pointer: current, value };
}
