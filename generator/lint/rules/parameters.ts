/**
 * Parameters (§Parameter Object): unique by name and location, sent the way they are declared,
 * and declared with the type of the values they carry.
 */
import type { Place } from '../place.js';
import type { Json, LintContext, Rule } from '../types.js';
import { isObject } from '../walker.js';

function resolvedList(context: LintContext, list: unknown, place: Place): Array<{ parameter: Json; place: Place }> {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry, index) => {
    const resolved = context.resolve(entry, place.child(index));
    return resolved && isObject(resolved.value) ? [{ parameter: resolved.value, place: place.child(index) }] : [];
  });
}

export const parameterUnique: Rule = {
  id: 'parameter-unique',
  severity: 'error',
  rationale: 'A parameter is identified by its name and location; a repeat is ambiguous.',
  description: 'A parameter list declares the same `name` and `in` twice (an operation may override a path-level parameter, but not repeat its own). openbind keeps the first and drops the repeat.',
  example: 'parameters:\n  - { name: id, in: query, type: string }\n  - { name: id, in: query, type: integer }',
  create: (context) => {
    const check = (list: unknown, place: Place, operation?: { path: string; method: string }) => {
      const seen = new Set<string>();
      for (const { parameter, place: at } of resolvedList(context, list, place)) {
        const key = `${String(parameter.in)} ${String(parameter.name)}`;
        if (seen.has(key)) context.report(at, `${String(parameter.in)} parameter "${String(parameter.name)}" is declared twice in this list`, operation ? { operation } : undefined);
        seen.add(key);
      }
    };
    return {
      pathItem: (node) => check(node.value.parameters, node.place.child('parameters')),
      operation: (node) => check(node.value.parameters, node.place.child('parameters'), node.operation),
    };
  },
};

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

export const formDataConsumes: Rule = {
  id: 'formdata-consumes',
  severity: 'warning',
  rationale: 'formData parameters are sent as a form; `consumes` must say which form.',
  description: 'Swagger 2.0 §Parameter Object: an operation with `in: formData` parameters must consume `application/x-www-form-urlencoded` or `multipart/form-data`. openbind sends multipart when a file is among them and urlencoded otherwise.',
  example: 'consumes: [application/json]\nparameters:\n  - { name: file, in: formData, type: file }',
  versions: ['2.0'],
  create: (context) => ({
    operation(node) {
      const all = [...resolvedList(context, node.pathItem.value.parameters, node.pathItem.place.child('parameters')), ...resolvedList(context, node.value.parameters, node.place.child('parameters'))];
      if (!all.some(({ parameter }) => parameter.in === 'formData')) return;
      const consumes = Array.isArray(node.value.consumes) ? node.value.consumes : Array.isArray(context.root.consumes) ? context.root.consumes : [];
      if (!consumes.some((type) => typeof type === 'string' && FORM_TYPES.some((form) => type.toLowerCase().startsWith(form)))) {
        context.report(node.place, `${node.method.toUpperCase()} ${node.path} has formData parameters but consumes neither ${FORM_TYPES.join(' nor ')}`, { operation: node.operation });
      }
    },
  }),
};

/** The declared type of a simple parameter: Swagger 2.0 `type`, or OpenAPI 3 `schema.type`. */
function declaredType(context: LintContext, parameter: Json, place: Place): { type: unknown; schema: Json } | undefined {
  if (parameter.in === 'body' || parameter.content !== undefined) return undefined;
  if (context.version === '2.0') return { type: parameter.type, schema: parameter };
  const schema = context.resolve(parameter.schema, place.child('schema'));
  return schema && isObject(schema.value) ? { type: schema.value.type, schema: schema.value } : { type: undefined, schema: {} };
}

const NUMERIC = /^-?\d+(\.\d+)?$/;
const NUMBER_NAME = /^(limit|offset|page|per_?page|page_?size|size|count|skip|top|timeout|port|year|month|day|age|amount|quantity)$|(count|limit|size|number|seconds|millis|ms|port|index|max|min)$|^(max|min)[A-Z_]/i;
const NUMBER_TEXT = /\b(number of|maximum number|max(imum)? (results|items|records)|how many|count of|an integer|a number)\b/i;

export const parameterHoldsNumber: Rule = {
  id: 'parameter-holds-number',
  severity: 'info',
  rationale: 'A number declared as a string makes the client accept any text and lose the number type.',
  description:
    'A parameter declared as `type: string` (or with no type, read as a string) whose name, description, enum, default or example says it holds a number (`limit`, `maxResults`, "the number of items", `default: 10`). The generated client then takes a `string`; declare `type: integer` or `number`.',
  example: 'parameters:\n  - name: limit\n    in: query\n    type: string',
  create: (context) => ({
    parameter(node) {
      const declared = declaredType(context, node.value, node.place);
      if (!declared || (declared.type !== undefined && declared.type !== 'string') || declared.schema.format !== undefined) return;
      const { schema } = declared;
      const name = String(node.value.name ?? '');
      const values = [schema.default, schema.example, node.value.example, ...(Array.isArray(schema.enum) ? schema.enum : [])].filter((value) => value !== undefined);
      const why =
        values.length > 0 && values.every((value) => typeof value === 'number' || (typeof value === 'string' && NUMERIC.test(value))) ? 'its values are numbers'
        : NUMBER_NAME.test(name) ? 'its name says it is a number'
        : typeof node.value.description === 'string' && NUMBER_TEXT.test(node.value.description) ? 'its description says it is a number'
        : undefined;
      if (why) context.report(node.place, `parameter "${name}" is ${declared.type === undefined ? 'untyped (read as a string)' : 'a string'}, but ${why}: declare type: integer or number`, { operation: node.operation });
    },
  }),
};

const LIST_TEXT = /\b(comma[- ]separated|comma[- ]delimited|space[- ]separated|list of|array of|one or more|multiple values)\b/i;
/** The last word of the name is a plural (`layerDigests`, `instance_ids`), but not `status`, `address`, `alias`… */
const PLURAL_NAME = /(?:^|[a-z0-9_])(?:[A-Z][a-z]+|_?[a-z]+)[a-z]s$/;
const NOT_PLURAL = /(ss|us|is|as|os|ics)$/i;

export const parameterHoldsList: Rule = {
  id: 'parameter-holds-list',
  severity: 'info',
  rationale: 'A list declared as one string must be joined by hand, and the client cannot serialise it per the spec.',
  description:
    'A parameter declared as `type: string` (or untyped) whose description or plural name says it holds several values ("comma-separated", "list of", `layerDigests`). Declare `type: array` with `items` and the serialisation (`collectionFormat` in Swagger 2.0, `style`/`explode` in OpenAPI 3), so the client takes a list and sends it the way the server expects.',
  example: 'parameters:\n  - name: layerDigests\n    in: query\n    type: string',
  create: (context) => ({
    parameter(node) {
      const declared = declaredType(context, node.value, node.place);
      if (!declared || (declared.type !== undefined && declared.type !== 'string') || declared.schema.format !== undefined || Array.isArray(declared.schema.enum)) return;
      const name = String(node.value.name ?? '');
      const why =
        typeof node.value.description === 'string' && LIST_TEXT.test(node.value.description) ? 'its description says it holds several values'
        : PLURAL_NAME.test(name) && !NOT_PLURAL.test(name) ? 'its plural name suggests several values'
        : undefined;
      if (why) context.report(node.place, `parameter "${name}" is ${declared.type === undefined ? 'untyped (read as a string)' : 'a string'}, but ${why}: if so, declare type: array with items and ${context.version === '2.0' ? 'collectionFormat' : 'style/explode'}`, { operation: node.operation });
    },
  }),
};
