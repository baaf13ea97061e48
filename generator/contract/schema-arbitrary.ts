/**
 * JSON Schema → fast-check arbitrary: values a schema admits, built from the schema's own
 * keywords so that most are valid by construction; callers still validate each value with ajv
 * (`not`, overlapping `oneOf` members and odd combinations are not solved here). Recursion
 * through `$ref` is bounded: a schema may contain itself `maxRecursion` times, past that its
 * optional properties are left out and arrays are empty, so circular schemas give finite values;
 * a schema that requires infinite depth yields no arbitrary at all (`undefined`).
 *
 * Discriminators: a value of a subtype carries its tag (Swagger 2.0 §Composition and
 * Inheritance: the schema's name, or `x-discriminator-value`; OpenAPI 3 §Discriminator Object:
 * the `mapping` key that names it), so typed clients narrow it as the spec means.
 */
import fc from 'fast-check';
import { isObject } from '../load/repair.js';
import { resolvePointer } from '../ir/schema.js';
import type { Direction, Json } from './schema-document.js';
import { integerArbitrary, numberArbitrary, stringArbitrary, type TextRules } from './scalar-arbitrary.js';

export interface ArbitraryContext extends TextRules {
  /** The document prepared for this direction (schema-document.ts). */
  document: Json;
  direction: Direction;
  /** How a `format: binary` value is made: a Blob (a file part, a binary body) or a string (inside JSON). */
  binary: 'blob' | 'string';
  /** How often a schema may contain itself in one value (circular schemas); 2 by default. */
  maxRecursion?: number;
}

type Arb = fc.Arbitrary<unknown>;

const blobArbitrary: Arb = fc.uint8Array({ maxLength: 24 }).map((bytes) => new Blob([bytes], { type: 'application/octet-stream' }));

export function schemaArbitrary(schema: unknown, context: ArbitraryContext): Arb | undefined {
  return new Builder(context).build(schema, 0);
}

class Builder {
  private readonly memo = new Map<string, Arb | undefined>();
  /** The `$ref`s being built, outermost first: a schema may recur only `maxRecursion` times inside itself. */
  private readonly stack: string[] = [];
  constructor(private readonly context: ArbitraryContext) {}

  build(schema: unknown, depth: number): Arb | undefined {
    if (!isObject(schema)) return schema === false ? undefined : this.anyValue();
    if (typeof schema.$ref === 'string') return this.ref(schema.$ref, depth);
    if (Array.isArray(schema.enum) && schema.enum.length > 0) return fc.constantFrom(...(schema.enum as unknown[]));
    if ('const' in schema) return fc.constant(schema.const);
    if (Array.isArray(schema.allOf) && schema.allOf.length > 0) return this.build(this.merged(schema, depth), depth);
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      const list = schema[keyword];
      if (Array.isArray(list) && list.length > 0) return this.choice(schema, list, depth);
    }
    const types = Array.isArray(schema.type) ? schema.type.filter((t): t is string => typeof t === 'string') : typeof schema.type === 'string' ? [schema.type] : [inferType(schema)];
    const options = types.map((type) => this.typed(type, schema, depth)).filter((arb): arb is Arb => arb !== undefined);
    return options.length === 0 ? undefined : options.length === 1 ? options[0] : fc.oneof(...options);
  }

  private ref(ref: string, depth: number): Arb | undefined {
    const occurrences = this.stack.filter((entry) => entry === ref).length;
    if (occurrences >= (this.context.maxRecursion ?? 2) || depth >= 12) return undefined;
    const key = `${ref}\0${depth}\0${occurrences}`;
    if (this.memo.has(key)) return this.memo.get(key);
    const target = ref.startsWith('#') ? resolvePointer(this.context.document, ref.slice(1)) : undefined;
    this.stack.push(ref);
    let arbitrary = this.build(target, depth + 1);
    this.stack.pop();
    const tag = arbitrary && isObject(target) ? this.tagFor(ref, target) : undefined;
    if (arbitrary && tag) arbitrary = arbitrary.map((value) => (isObject(value) ? { ...value, [tag.property]: tag.value } : value));
    this.memo.set(key, arbitrary);
    return arbitrary;
  }

  private typed(type: string | undefined, schema: Json, depth: number): Arb | undefined {
    switch (type) {
      case 'string':
        return schema.format === 'binary' && this.context.binary === 'blob' ? blobArbitrary : stringArbitrary(schema, this.context);
      case 'integer':
        return integerArbitrary(schema);
      case 'number':
        return numberArbitrary(schema);
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        return this.array(schema, depth);
      case 'object':
        return this.object(schema, depth);
      default:
        return schema.format === 'binary' && this.context.binary === 'blob' ? blobArbitrary : this.anyValue();
    }
  }

  private anyValue(): Arb {
    return fc.oneof(stringArbitrary({ maxLength: 8 }, this.context), fc.integer({ min: -1000, max: 1000 }), fc.boolean());
  }

  private array(schema: Json, depth: number): Arb | undefined {
    const minLength = typeof schema.minItems === 'number' ? schema.minItems : 0;
    const maxLength = Math.max(minLength, Math.min(typeof schema.maxItems === 'number' ? schema.maxItems : minLength + 3, minLength + 4));
    const items = this.build(schema.items ?? {}, depth);
    if (!items) return minLength === 0 ? fc.constant([]) : undefined;
    if (schema.uniqueItems === true) return fc.uniqueArray(items, { minLength, maxLength, selector: (value) => JSON.stringify(value) });
    return fc.array(items, { minLength, maxLength });
  }

  private object(schema: Json, depth: number): Arb | undefined {
    const properties = isObject(schema.properties) ? schema.properties : {};
    const required = new Set(Array.isArray(schema.required) ? schema.required : []);
    const hidden = this.context.direction === 'request' ? 'readOnly' : 'writeOnly';
    const model: Record<string, Arb> = {};
    const requiredKeys: string[] = [];
    for (const [name, property] of Object.entries(properties)) {
      if (isObject(property) && property[hidden] === true && !required.has(name)) continue;
      const arbitrary = this.build(property, depth);
      if (!arbitrary) {
        if (required.has(name)) return undefined;
        continue;
      }
      model[name] = arbitrary;
      if (required.has(name)) requiredKeys.push(name);
    }
    // A required property the schema does not describe is still required.
    for (const name of required) {
      if (typeof name === 'string' && !(name in model)) {
        model[name] = this.anyValue();
        requiredKeys.push(name);
      }
    }
    // minProperties: listed properties become required, in spec order, until there are enough.
    const minProperties = typeof schema.minProperties === 'number' ? schema.minProperties : 0;
    for (const name of Object.keys(model)) if (requiredKeys.length < minProperties && !requiredKeys.includes(name)) requiredKeys.push(name);
    const record = fc.record(model, { requiredKeys, noNullPrototype: true });
    const extra = schema.additionalProperties;
    const missing = Math.max(0, minProperties - requiredKeys.length);
    if ((Object.keys(properties).length > 0 && missing === 0) || extra === false) return record;
    const values = isObject(extra) && Object.keys(extra).length > 0 ? this.build(extra, depth) : missing > 0 ? this.anyValue() : undefined;
    if (!values) return record;
    const keys = stringArbitrary({ minLength: 1, maxLength: 8, pattern: '^[A-Za-z][A-Za-z0-9_]*$' }, { text: 'any' }).filter((key) => !(key in model));
    const more = fc.dictionary(keys, values, { minKeys: missing, maxKeys: missing + 3, noNullPrototype: true });
    return fc.tuple(record, more).map(([own, added]) => ({ ...added, ...own }));
  }

  /** `oneOf` / `anyOf`: one member; with an OpenAPI 3 discriminator, tagged with the member's name. */
  private choice(schema: Json, members: unknown[], depth: number): Arb | undefined {
    const discriminator = isObject(schema.discriminator) && typeof schema.discriminator.propertyName === 'string' ? schema.discriminator : undefined;
    const { oneOf: _oneOf, anyOf: _anyOf, discriminator: _discriminator, ...own } = schema;
    const ownShape = Object.keys(own).some((key) => ['properties', 'type', 'required'].includes(key));
    const options = members.flatMap((member) => {
      const arbitrary = this.build(ownShape ? { allOf: [own, member] } : member, depth);
      if (!arbitrary) return [];
      const tag = discriminator && isObject(member) && typeof member.$ref === 'string' ? mappingKey(discriminator, member.$ref) : undefined;
      return [tag === undefined ? arbitrary : arbitrary.map((value) => (isObject(value) ? { ...value, [String(discriminator!.propertyName)]: tag } : value))];
    });
    return options.length === 0 ? undefined : fc.oneof(...options);
  }

  /** `allOf` as one schema: properties and required lists joined, other keywords from the last member that has them. */
  private merged(schema: Json, depth: number, seen = new Set<string>()): Json {
    const { allOf, ...own } = schema;
    const parts: Json[] = [];
    for (const member of [...(allOf as unknown[]), own]) {
      let resolved = member;
      if (isObject(member) && typeof member.$ref === 'string' && !seen.has(member.$ref)) {
        seen.add(member.$ref);
        resolved = resolvePointer(this.context.document, member.$ref.slice(1));
      }
      if (!isObject(resolved)) continue;
      parts.push(Array.isArray(resolved.allOf) ? this.merged(resolved, depth, seen) : resolved);
    }
    const result: Json = {};
    const properties: Json = {};
    const required: unknown[] = [];
    for (const part of parts) {
      Object.assign(result, part);
      if (isObject(part.properties)) Object.assign(properties, part.properties);
      if (Array.isArray(part.required)) required.push(...part.required);
    }
    delete result.discriminator;
    if (Object.keys(properties).length > 0) result.properties = properties;
    if (required.length > 0) result.required = [...new Set(required)];
    if (result.type === undefined && Object.keys(properties).length > 0) result.type = 'object';
    return result;
  }

  /** The discriminator tag a named schema's values carry, when it or a schema it extends declares one. */
  private tagFor(ref: string, target: Json): { property: string; value: string } | undefined {
    const name = decodeURIComponent(ref.split('/').pop() ?? '');
    const bases = [target, ...(Array.isArray(target.allOf) ? target.allOf : []).map((member) => (isObject(member) && typeof member.$ref === 'string' ? resolvePointer(this.context.document, member.$ref.slice(1)) : member))];
    for (const base of bases) {
      if (!isObject(base)) continue;
      let tag: { property: string; value: string } | undefined;
      if (typeof base.discriminator === 'string') tag = { property: base.discriminator, value: typeof target['x-discriminator-value'] === 'string' ? target['x-discriminator-value'] : name };
      // OpenAPI 3: a discriminator beside oneOf/anyOf tags the member chosen (see `choice`), not the union itself.
      else if (isObject(base.discriminator) && typeof base.discriminator.propertyName === 'string' && !(base === target && (Array.isArray(base.oneOf) || Array.isArray(base.anyOf)))) tag = { property: base.discriminator.propertyName, value: mappingKey(base.discriminator, ref) ?? name };
      // A discriminator on a property that cannot hold the tag (specs do this) is not applied.
      if (tag) return admitsString(isObject(base.properties) ? base.properties[tag.property] : undefined, tag.value, this.context.document) ? tag : undefined;
    }
    return undefined;
  }
}

function admitsString(schema: unknown, value: string, document: Json): boolean {
  if (isObject(schema) && typeof schema.$ref === 'string') return admitsString(schema.$ref.startsWith('#') ? resolvePointer(document, schema.$ref.slice(1)) : undefined, value, document);
  if (!isObject(schema)) return schema === undefined;
  if (Array.isArray(schema.enum)) return schema.enum.includes(value);
  const type = schema.type;
  return type === undefined || type === 'string' || (Array.isArray(type) && type.includes('string'));
}

function inferType(schema: Json): string | undefined {
  if (isObject(schema.properties) || schema.additionalProperties !== undefined) return 'object';
  if (schema.items !== undefined) return 'array';
  return undefined;
}

/** OpenAPI 3 §Discriminator Object: the mapping key for a `$ref`, else the schema's name. */
function mappingKey(discriminator: Json, ref: string): string | undefined {
  const name = decodeURIComponent(ref.split('/').pop() ?? '');
  const mapping = isObject(discriminator.mapping) ? discriminator.mapping : {};
  const entry = Object.entries(mapping).find(([, target]) => target === ref || target === name);
  return entry ? entry[0] : name;
}
