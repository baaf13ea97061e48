/**
 * Schemas and everything nested in them (JSON Schema draft 4 as Swagger 2.0 and OpenAPI 3.0 use
 * it, 2020-12 for 3.1): each schema object is visited once, parents before children.
 */
import type { Place } from './place.js';
import type { OperationRef, SchemaRole } from './types.js';
import { isObject, type Walker } from './walker.js';

const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas'] as const;
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
const SCHEMA_FIELDS = ['additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'additionalItems'] as const;
/** Far deeper than any real schema; stops YAML aliases that nest a schema in itself. */
const MAX_DEPTH = 200;

export function walkSchema(walker: Walker, value: unknown, place: Place, role: SchemaRole, operation: OperationRef | undefined, depth = 0): void {
  if (depth > MAX_DEPTH) return;
  const node = walker.deref(value, place, operation, true);
  if (!node) return;
  walker.emit('schema', { ...node, role });
  const schema = node.value;
  const at = node.place;
  for (const field of SCHEMA_MAPS) {
    const map = schema[field];
    if (!isObject(map)) continue;
    const mapPlace = at.child(field);
    for (const key in map) walkSchema(walker, map[key], mapPlace.child(key), 'nested', operation, depth + 1);
  }
  const items = schema.items;
  if (Array.isArray(items)) walker.items(items, at.child('items'), (item, itemPlace) => walkSchema(walker, item, itemPlace, 'nested', operation, depth + 1));
  else if (isObject(items)) walkSchema(walker, items, at.child('items'), 'nested', operation, depth + 1);
  for (const field of SCHEMA_LISTS) {
    const list = schema[field];
    if (Array.isArray(list)) walker.items(list, at.child(field), (item, itemPlace) => walkSchema(walker, item, itemPlace, 'nested', operation, depth + 1));
  }
  for (const field of SCHEMA_FIELDS) {
    if (isObject(schema[field])) walkSchema(walker, schema[field], at.child(field), 'nested', operation, depth + 1);
  }
}
