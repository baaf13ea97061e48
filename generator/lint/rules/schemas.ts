/**
 * Schema objects (Swagger 2.0 §Schema Object, OpenAPI 3.0 §Schema Object, JSON Schema 2020-12 for
 * 3.1): contradictions that make the generated type wrong or a validator reject good data.
 */
import type { Json, Rule, SchemaVisit } from '../types.js';
import { isObject } from '../walker.js';

function types(schema: Json): string[] {
  return typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? schema.type.filter((type): type is string => typeof type === 'string') : [];
}

export const enumUnique: Rule = {
  id: 'enum-unique',
  severity: 'warning',
  rationale: 'A repeated enum value is a slip, and makes a duplicate member in generated enum objects.',
  description: 'An `enum` lists the same value twice.',
  example: 'enum: [a, b, a]',
  create: (context) => ({
    schema(node) {
      const values = node.value.enum;
      if (!Array.isArray(values)) return;
      const seen = new Set<string>();
      values.forEach((value, index) => {
        const key = JSON.stringify(value) ?? 'undefined';
        if (seen.has(key)) context.report(node.place.child('enum', index), `enum value ${key} is listed more than once`, { operation: node.operation });
        seen.add(key);
      });
    },
  }),
};

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function fits(value: unknown, allowed: string[], nullable: boolean): boolean {
  const type = jsonType(value);
  if (type === 'null') return nullable || allowed.includes('null');
  return allowed.includes(type) || (type === 'integer' && allowed.includes('number'));
}

export const enumType: Rule = {
  id: 'enum-type',
  severity: 'warning',
  rationale: 'An enum value of another type than the schema can never be valid; the generated literal type is wrong.',
  description: 'An `enum` value does not have the schema\'s `type` (`type: integer` with `enum: ["1", "2"]`); `null` is allowed where the schema is nullable.',
  example: 'type: integer\nenum: ["1", "2"]',
  create: (context) => ({
    schema(node) {
      const values = node.value.enum;
      const allowed = types(node.value);
      if (!Array.isArray(values) || allowed.length === 0) return;
      const nullable = node.value.nullable === true || node.value['x-nullable'] === true;
      values.forEach((value, index) => {
        if (!fits(value, allowed, nullable)) context.report(node.place.child('enum', index), `enum value ${JSON.stringify(value)} is not of type ${allowed.join(' or ')}`, { operation: node.operation });
      });
    },
  }),
};

export const arrayItems: Rule = {
  id: 'array-items',
  severity: 'warning',
  rationale: 'An array without `items` says nothing about its elements; the generated type is `unknown[]`.',
  description: 'A schema with `type: array` has no `items` (nor, in 3.1, `prefixItems`). Swagger 2.0 and OpenAPI 3.0 require `items`. (Swagger 2.0 non-body parameters are repaired and reported by the loader as `spec/parameter-type`.)',
  example: 'type: array',
  create: (context) => ({
    schema(node: SchemaVisit) {
      if (context.version === '2.0' && node.role === 'parameter') return;
      if (types(node.value).includes('array') && node.value.items === undefined && node.value.prefixItems === undefined) context.report(node.place, 'array schema has no items', { operation: node.operation });
    },
  }),
};

export const requiredPropertyDefined: Rule = {
  id: 'required-property-defined',
  severity: 'warning',
  rationale: 'A required property that is not defined is usually a typo, and gets type `unknown`.',
  description: 'A schema with `properties` lists in `required` a name that is not among them (schemas that combine others with `allOf`/`anyOf`/`oneOf` are not checked, as the property may come from there).',
  example: 'properties:\n  name: { type: string }\nrequired: [nmae]',
  create: (context) => ({
    schema(node) {
      const { properties, required } = node.value;
      if (!isObject(properties) || !Array.isArray(required) || ['allOf', 'anyOf', 'oneOf'].some((key) => node.value[key] !== undefined)) return;
      required.forEach((name, index) => {
        if (typeof name === 'string' && !Object.hasOwn(properties, name)) context.report(node.place.child('required', index), `required property "${name}" is not defined in properties`, { operation: node.operation });
      });
    },
  }),
};

export const schemaTypeMismatch: Rule = {
  id: 'schema-type-mismatch',
  severity: 'warning',
  rationale: 'Fields of another type (`items` on an object, `properties` on an array) are ignored, and usually a mistake.',
  description: 'A schema with `type: object` has `items`, or one with `type: array` has `properties`: the field does not apply to the type and is ignored.',
  example: 'type: object\nitems:\n  type: string',
  create: (context) => ({
    schema(node) {
      const declared = types(node.value);
      if (declared.length !== 1) return;
      if (declared[0] === 'object' && node.value.items !== undefined) context.report(node.place.child('items'), 'an object schema has items, which apply only to arrays', { operation: node.operation });
      if (declared[0] === 'array' && node.value.properties !== undefined) context.report(node.place.child('properties'), 'an array schema has properties, which apply only to objects', { operation: node.operation });
    },
  }),
};

export const discriminatorProperty: Rule = {
  id: 'discriminator-property',
  severity: 'error',
  rationale: 'The discriminator names the property that tells subtypes apart; it must exist and be required.',
  description: 'Swagger 2.0 §Schema Object: the `discriminator` property must be defined in `properties` and listed in `required`. openbind types each subtype\'s tag as a literal from it.',
  example: 'discriminator: petType\nproperties:\n  name: { type: string }',
  versions: ['2.0'],
  create: (context) => ({
    schema(node) {
      const name = node.value.discriminator;
      if (typeof name !== 'string') return;
      const properties = isObject(node.value.properties) ? node.value.properties : {};
      const required = Array.isArray(node.value.required) ? node.value.required : [];
      if (!Object.hasOwn(properties, name)) context.report(node.place.child('discriminator'), `discriminator "${name}" is not defined in properties`, { operation: node.operation });
      else if (!required.includes(name)) context.report(node.place.child('discriminator'), `discriminator "${name}" is not listed in required`, { operation: node.operation });
    },
  }),
};

export const nullableType: Rule = {
  id: 'nullable-type',
  severity: 'error',
  rationale: 'In OpenAPI 3.0, `nullable` without `type` has no effect.',
  description: 'OpenAPI 3.0.3 §Schema Object: `nullable: true` only applies when `type` is set beside it.',
  example: 'nullable: true\nallOf:\n  - $ref: "#/components/schemas/Pet"',
  versions: ['3.0'],
  create: (context) => ({
    schema(node) {
      if (node.value.nullable !== undefined && node.value.type === undefined) context.report(node.place.child('nullable'), 'nullable has no type beside it, so it has no effect', { operation: node.operation });
    },
  }),
};

export const numberRange: Rule = {
  id: 'number-range',
  severity: 'warning',
  rationale: 'In OpenAPI 3.1, `minimum` and a numeric `exclusiveMinimum` together are one bound too many.',
  description: 'OpenAPI 3.1 (JSON Schema 2020-12) makes `exclusiveMinimum`/`exclusiveMaximum` numbers; beside `minimum`/`maximum` it is unclear which bound is meant (in 3.0 they were booleans qualifying `minimum`).',
  example: 'minimum: 0\nexclusiveMinimum: 0',
  versions: ['3.1'],
  create: (context) => ({
    schema(node) {
      for (const [inclusive, exclusive] of [['minimum', 'exclusiveMinimum'], ['maximum', 'exclusiveMaximum']] as const) {
        if (typeof node.value[inclusive] === 'number' && typeof node.value[exclusive] === 'number') context.report(node.place.child(exclusive), `both ${inclusive} and ${exclusive} are set; keep one`, { operation: node.operation });
      }
    },
  }),
};
