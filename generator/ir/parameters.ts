/**
 * Swagger 2.0 §Path Item Object / OpenAPI 3 §Path Item Object: path-level parameters apply to
 * every operation; an operation's own with the same name and location wins. Shared by both
 * versions so the rule cannot drift. Entries that are no parameter (a `$ref` to a schema, no
 * `in`) and repeats within one list are dropped with a warning: the list must be unique by
 * name and location.
 */
import { type Diagnostic, joinPointer } from '../diagnostics.js';
import { isObject } from '../load/repair.js';
import { resolvePointer } from './schema.js';

type Json = Record<string, unknown>;

export interface RawParameter {
  raw: Json;
  pointer: string;
}

export function mergeParameters(
  itemParameters: unknown,
  itemPointer: string,
  operationParameters: unknown,
  operationPointer: string,
  context: { document: Json; diagnostics: Diagnostic[]; locations: ReadonlySet<string> },
): RawParameter[] {
  const own = collect(operationParameters, operationPointer, context);
  const ownKeys = new Set(own.map(identity));
  return [...collect(itemParameters, itemPointer, context).filter((p) => !ownKeys.has(identity(p))), ...own];
}

const identity = (p: RawParameter) => `${String(p.raw.in)}\0${String(p.raw.name)}`;

function collect(list: unknown, pointer: string, context: { document: Json; diagnostics: Diagnostic[]; locations: ReadonlySet<string> }): RawParameter[] {
  if (!Array.isArray(list)) return [];
  const seen = new Set<string>();
  return list.flatMap((entry, index) => {
    const entryPointer = joinPointer(pointer, 'parameters', index);
    const raw = resolveParameter(entry, context.document);
    const warn = (message: string) => context.diagnostics.push({ code: 'spec/invalid-parameter', severity: 'warning', message, pointer: entryPointer });
    if (!isObject(raw)) {
      warn(`parameter ${index} ${isObject(entry) && typeof entry.$ref === 'string' ? `($ref "${entry.$ref}") points to nothing` : 'is not an object'}; ignored`);
      return [];
    }
    if (typeof raw.in !== 'string' || !context.locations.has(raw.in) || typeof raw.name !== 'string') {
      warn(`parameter ${index} has no valid "in" and "name"${isObject(entry) && typeof entry.$ref === 'string' ? ` ($ref "${entry.$ref}" is not a parameter)` : ''}; ignored`);
      return [];
    }
    const parameter = { raw, pointer: isObject(entry) && typeof entry.$ref === 'string' ? entry.$ref.slice(1) : entryPointer };
    const key = identity(parameter);
    if (seen.has(key)) {
      warn(`${raw.in} parameter "${raw.name}" is listed more than once; the first is used`);
      return [];
    }
    seen.add(key);
    return [parameter];
  });
}

function resolveParameter(value: unknown, document: Json, seen: Set<string> = new Set()): unknown {
  if (isObject(value) && typeof value.$ref === 'string' && value.$ref.startsWith('#') && !seen.has(value.$ref)) {
    seen.add(value.$ref);
    return resolveParameter(resolvePointer(document, value.$ref.slice(1)), document, seen);
  }
  return value;
}
