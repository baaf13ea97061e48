/**
 * Discriminators become literal tags, so a union of subtypes narrows on its tag property.
 * Swagger 2.0 §Schema Object `discriminator` (a property name on the base; a subtype `allOf`s the
 * base and its tag value is its definition name, or `x-discriminator-value`); OpenAPI 3
 * §Discriminator Object (`propertyName`, `mapping` from tag values to schemas), on a base that
 * subtypes `allOf`, or beside a `oneOf`/`anyOf` of refs.
 */
import { isObject } from '../load/repair.js';
import type { SchemaIR } from './types.js';

type Json = Record<string, unknown>;

interface Discriminator {
  property: string;
  /** Tag value → named schema, from an OpenAPI 3 `mapping`. */
  mapping: Map<string, string>;
}

export function discriminatorOf(raw: unknown, namedPrefix: string): Discriminator | undefined {
  if (!isObject(raw)) return undefined;
  const value = raw.discriminator;
  const property = typeof value === 'string' ? value : isObject(value) && typeof value.propertyName === 'string' ? value.propertyName : undefined;
  if (!property) return undefined;
  const mapping = new Map<string, string>();
  if (isObject(value) && isObject(value.mapping)) {
    for (const [tag, target] of Object.entries(value.mapping)) {
      if (typeof target !== 'string') continue;
      mapping.set(tag, target.startsWith(namedPrefix) ? decodeURIComponent(target.slice(namedPrefix.length)) : target);
    }
  }
  return { property, mapping };
}

/** The tag value that selects `schemaName`: its mapping key, else its own name. */
function tagValue(discriminator: Discriminator, schemaName: string, override: unknown): string {
  if (typeof override === 'string') return override;
  for (const [tag, target] of discriminator.mapping) if (target === schemaName) return tag;
  return schemaName;
}

/**
 * A named schema `allOf`-ing a base that has a discriminator: its ref to the base carries the tag
 * (`Omit<Pet, 'petType'> & { petType: 'Cat' }` when emitted).
 */
export function tagSubtype(schema: SchemaIR, raw: unknown, schemaName: string, lookup: (name: string) => unknown, namedPrefix: string): SchemaIR {
  if (schema.kind !== 'intersection' || !isObject(raw)) return schema;
  let changed = false;
  const members = schema.members.map((member) => {
    if (member.kind !== 'ref' || member.tag) return member;
    const discriminator = discriminatorOf(lookup(member.target), namedPrefix);
    if (!discriminator) return member;
    changed = true;
    return { ...member, tag: { property: discriminator.property, value: tagValue(discriminator, schemaName, raw['x-discriminator-value']) } };
  });
  return changed ? { ...schema, members } : schema;
}

/** A `oneOf`/`anyOf` with a discriminator: each ref member carries its tag. */
export function tagUnionMembers(members: SchemaIR[], raw: Json, namedPrefix: string): SchemaIR[] {
  const discriminator = discriminatorOf(raw, namedPrefix);
  if (!discriminator) return members;
  return members.map((member) => (member.kind === 'ref' && !member.tag ? { ...member, tag: { property: discriminator.property, value: tagValue(discriminator, member.target, undefined) } } : member));
}
