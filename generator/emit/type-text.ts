/**
 * SchemaIR → TypeScript type text. Named schemas are referenced through `refName`, so the same
 * function serves `models.ts` (bare names) and other files (`Models.Pet`). Never emits `any`.
 */
import type { PropertyIR, SchemaIR } from '../ir/types.js';
import { docText } from './docs.js';
import { literal, propertyKey, quote } from './literals.js';

export interface TypeContext {
  /** Type text for a named schema, by its spec name. */
  refName(specName: string): string;
  /** Request types leave out readOnly properties; response types writeOnly ones (OpenAPI 3 §Fixed Fields). */
  direction?: 'request' | 'response';
}

export function typeText(schema: SchemaIR, context: TypeContext): string {
  const base = baseText(schema, context);
  return schema.nullable && base !== 'unknown' && base !== 'null' ? `${wrap(base)} | null` : base;
}

/** Parenthesise union and intersection text used inside another operator. */
function wrap(text: string): string {
  return /^[A-Za-z0-9_$."'[\]<>]+$/.test(text) || text.startsWith('{') && balancedObject(text) ? text : `(${text})`;
}

function balancedObject(text: string): boolean {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '{') depth++;
    else if (char === '}') depth--;
    if (depth === 0 && index < text.length - 1) return false;
  }
  return true;
}

function baseText(schema: SchemaIR, context: TypeContext): string {
  switch (schema.kind) {
    case 'ref': {
      const name = context.refName(schema.target);
      if (!schema.tag || name === 'unknown') return name;
      const { property, value } = schema.tag;
      return `Omit<${name}, ${quote(property)}> & { ${propertyKey(property)}: ${quote(value)} }`;
    }
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'binary':
      return 'Blob';
    case 'unknown':
      return 'unknown';
    case 'enum':
      return schema.values.map(literal).join(' | ');
    case 'array':
      return `${wrap(typeText(schema.items, context))}[]`;
    case 'object':
      return objectText(schema.properties, schema.additional, context);
    case 'union':
      return joinMembers(schema.members, ' | ', context);
    case 'intersection':
      return joinMembers(schema.members, ' & ', context);
  }
}

function joinMembers(members: SchemaIR[], operator: string, context: TypeContext): string {
  const texts = [...new Set(members.map((member) => typeText(member, context)))];
  if (texts.length === 0) return 'unknown';
  if (operator === ' & ') {
    const useful = texts.filter((text) => text !== 'unknown');
    if (useful.length === 0) return 'unknown';
    return useful.map(wrap).join(operator);
  }
  if (texts.includes('unknown')) return 'unknown';
  return texts.map(wrap).join(operator);
}

export function includeProperty(property: PropertyIR, context: TypeContext): boolean {
  if (context.direction === 'request' && property.schema.readOnly) return false;
  if (context.direction === 'response' && property.schema.writeOnly) return false;
  return true;
}

export function objectText(properties: PropertyIR[], additional: SchemaIR | boolean, context: TypeContext): string {
  const members = properties.filter((property) => includeProperty(property, context)).map((property) => {
    const doc = property.schema.description ? `/** ${docText(property.schema.description).replace(/\n/g, ' ')} */ ` : '';
    return `${doc}${propertyKey(property.name)}${property.required ? '' : '?'}: ${typeText(property.schema, context)};`;
  });
  const index = indexSignature(properties, additional, context);
  if (index) members.push(index);
  return members.length === 0 ? 'Record<string, never>' : `{ ${members.join(' ')} }`;
}

/**
 * `additionalProperties`: absent or `false` with listed properties → none; a schema with no
 * listed properties → its type; with listed properties the index type must admit theirs too,
 * so it is `unknown`.
 */
export function indexSignature(properties: PropertyIR[], additional: SchemaIR | boolean, context: TypeContext): string | undefined {
  if (additional === false) return undefined;
  if (additional === true) return '[key: string]: unknown;';
  if (properties.length > 0) return '[key: string]: unknown;';
  return `[key: string]: ${typeText(additional, context)};`;
}

