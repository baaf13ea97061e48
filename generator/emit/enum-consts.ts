/**
 * For a named enum, a `const` object beside its literal union, so code can write
 * `Status.Active` instead of a bare string: `export const Status = { Active: 'active' } as const;`.
 * Member names come from `x-enum-varnames` / `x-enumNames` where the spec gives them, else from
 * the values. Where some value yields no name, or two yield the same, no object is emitted:
 * a made-up suffix would be a name nobody can guess.
 */
import { isIdentifier, pascalCase } from '../ir/names.js';
import type { NamedSchemaIR } from '../ir/types.js';
import { literal } from './literals.js';

/** Text, not a structure: ts-morph would re-indent the multi-line initializer. */
export function enumConstStatement(named: NamedSchemaIR): string | undefined {
  const { schema } = named;
  if (schema.kind !== 'enum' || schema.nullable) return undefined;
  const names = memberNames(schema.values, schema.names);
  if (!names) return undefined;
  const members = schema.values.map((value, index) => `  ${names[index]}: ${literal(value as string | number)},`);
  return `/** The values of \`${named.typeName}\`, by name. */\nexport const ${named.typeName} = {\n${members.join('\n')}\n} as const;\n`;
}

function memberNames(values: ReadonlyArray<string | number | boolean | null>, given: readonly string[] | undefined): string[] | undefined {
  if (values.length === 0 || values.some((value) => typeof value !== 'string' && typeof value !== 'number')) return undefined;
  const names = values.map((value, index) => {
    const written = given?.[index];
    if (written !== undefined) return isIdentifier(written) ? written : nameFrom(written);
    return typeof value === 'number' ? numberName(value) : nameFrom(value as string);
  });
  if (names.some((name) => name === undefined)) return undefined;
  return new Set(names).size === names.length ? (names as string[]) : undefined;
}

function nameFrom(text: string): string | undefined {
  const name = pascalCase(text);
  if (name.length === 0) return undefined;
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

function numberName(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  return `Value${value < 0 ? 'Minus' : ''}${String(Math.abs(value)).replace('.', '_')}`;
}
