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
  /** Named schema → the first tag value the OpenAPI 3 `mapping` gives it. */
  tagOf: Map<string, string>;
}

/**
 * Discriminators read so far in one lowering, by the schema object that declares them: a base
 * with a thousand subtypes (Microsoft Graph's `entity`, whose mapping has a thousand entries) is
 * read once, not once per subtype.
 */
export type DiscriminatorCache = WeakMap<object, Discriminator | null>;

function discriminatorOf(raw: unknown, namedPrefix: string, cache: DiscriminatorCache): Discriminator | undefined {
  if (!isObject(raw)) return undefined;
  const cached = cache.get(raw);
  if (cached !== undefined) return cached ?? undefined;
  const found = readDiscriminator(raw, namedPrefix);
  cache.set(raw, found ?? null);
  return found;
}

function readDiscriminator(raw: Json, namedPrefix: string): Discriminator | undefined {
  const value = raw.discriminator;
  const property = typeof value === 'string' ? value : isObject(value) && typeof value.propertyName === 'string' ? value.propertyName : undefined;
  if (!property) return undefined;
  const tagOf = new Map<string, string>();
  if (isObject(value) && isObject(value.mapping)) {
    for (const [tag, target] of Object.entries(value.mapping)) {
      if (typeof target !== 'string') continue;
      const schemaName = target.startsWith(namedPrefix) ? decodeURIComponent(target.slice(namedPrefix.length)) : target;
      if (!tagOf.has(schemaName)) tagOf.set(schemaName, tag);
    }
  }
  return { property, tagOf };
}

/** The tag value that selects `schemaName`: its mapping key, else its own name. */
function tagValue(discriminator: Discriminator, schemaName: string, override: unknown): string {
  if (typeof override === 'string') return override;
  return discriminator.tagOf.get(schemaName) ?? schemaName;
}

/**
 * A named schema `allOf`-ing a base that has a discriminator: its ref to the base carries the tag
 * (`Omit<Pet, 'petType'> & { petType: 'Cat' }` when emitted).
 */
export function tagSubtype(schema: SchemaIR, raw: unknown, schemaName: string, lookup: (name: string) => unknown, namedPrefix: string, cache: DiscriminatorCache): SchemaIR {
  if (schema.kind !== 'intersection' || !isObject(raw)) return schema;
  let changed = false;
  const members = schema.members.map((member) => {
    if (member.kind !== 'ref' || member.tag) return member;
    const discriminator = discriminatorOf(lookup(member.target), namedPrefix, cache);
    if (!discriminator) return member;
    changed = true;
    return { ...member, tag: { property: discriminator.property, value: tagValue(discriminator, schemaName, raw['x-discriminator-value']) } };
  });
  return changed ? { ...schema, members } : schema;
}

/** A `oneOf`/`anyOf` with a discriminator: each ref member carries its tag. */
export function tagUnionMembers(members: SchemaIR[], raw: Json, namedPrefix: string, cache: DiscriminatorCache): SchemaIR[] {
  const discriminator = discriminatorOf(raw, namedPrefix, cache);
  if (!discriminator) return members;
  return members.map((member) => (member.kind === 'ref' && !member.tag ? { ...member, tag: { property: discriminator.property, value: tagValue(discriminator, member.target, undefined) } } : member));
}
