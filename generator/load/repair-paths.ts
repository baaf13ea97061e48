/**
 * Repairs under `paths`: path keys with stray spaces, HTML entities or no leading `/`; path item
 * fields that are methods written with spaces or capitals, or that are no field at all;
 * `null` entries in parameter lists; response keys that are not status codes; repeated tags.
 */
import { joinPointer } from '../diagnostics.js';
import { isObject, type Warn } from './repair.js';

type Json = Record<string, unknown>;

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const METHODS: ReadonlySet<string> = new Set(HTTP_METHODS);
/** Swagger 2.0 §Path Item Object and OpenAPI 3.x's: the fields besides the methods. */
const PATH_ITEM_FIELDS = new Set(['$ref', 'parameters', 'summary', 'description', 'servers']);
const STATUS = /^([1-5](\d\d|XX)|default)$/;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'" };

export function repairPaths(document: Json, isSwagger2: boolean, warn: Warn): void {
  const paths = document.paths;
  if (!isObject(paths)) return;
  for (const key of Object.keys(paths)) {
    if (key.startsWith('x-')) continue;
    const pointer = joinPointer('/paths', key);
    const pathKey = repairPathKey(paths, key, pointer, warn);
    const item = paths[pathKey];
    if (!isObject(item)) continue;
    repairPathItem(item, pointer, isSwagger2, warn);
  }
}

function repairPathKey(paths: Json, key: string, pointer: string, warn: Warn): string {
  let fixed = key.trim().replace(/&(amp|lt|gt|quot|#39|apos);/g, (entity) => ENTITIES[entity] ?? entity);
  if (!fixed.startsWith('/')) fixed = '/' + fixed;
  if (fixed === key) return key;
  if (fixed in paths) {
    warn('spec/path-key', pointer, `path "${key}" would read as "${fixed}", which the document already has; kept as written`);
    return key;
  }
  const reasons = [key.trim() !== key && 'has surrounding spaces', /&(amp|lt|gt|quot|#39|apos);/.test(key) && 'has HTML entities', !key.trim().startsWith('/') && 'does not start with "/"'].filter(Boolean);
  warn(key.trim().startsWith('/') ? 'spec/path-key' : 'spec/path-leading-slash', pointer, `path "${key}" ${reasons.join(' and ')}; read as "${fixed}"`);
  // Re-insert every key so the document keeps its order with the repaired one in place.
  const entries = Object.entries(paths);
  for (const [name] of entries) delete paths[name];
  for (const [name, value] of entries) paths[name === key ? fixed : name] = value;
  return fixed;
}

function repairPathItem(item: Json, pointer: string, isSwagger2: boolean, warn: Warn): void {
  for (const field of Object.keys(item)) {
    if (field.startsWith('x-') || METHODS.has(field)) continue;
    const fieldPointer = joinPointer(pointer, field);
    const method = field.trim().toLowerCase();
    if (METHODS.has(method) && !(method in item)) {
      warn('spec/method-name', fieldPointer, `"${field}" read as the method ${method}`);
      item[method] = item[field];
      delete item[field];
    } else if (field === 'parameters' && !Array.isArray(item.parameters)) {
      warn('spec/unknown-path-field', fieldPointer, 'path-level "parameters" is not a list of parameters; ignored');
      delete item[field];
    } else if (!PATH_ITEM_FIELDS.has(field) || (isSwagger2 && (field === 'summary' || field === 'description' || field === 'servers'))) {
      warn('spec/unknown-path-field', fieldPointer, `"${field}" is not a method or a field of a path item; ignored`);
      delete item[field];
    }
  }
  dropNullEntries(item, 'parameters', joinPointer(pointer, 'parameters'), warn);
  for (const method of HTTP_METHODS) {
    const operation = item[method];
    if (!isObject(operation)) continue;
    const operationPointer = joinPointer(pointer, method);
    dropNullEntries(operation, 'parameters', joinPointer(operationPointer, 'parameters'), warn);
    repairResponseKeys(operation, joinPointer(operationPointer, 'responses'), warn);
    repairOperationTags(operation, joinPointer(operationPointer, 'tags'), warn);
  }
}

function dropNullEntries(owner: Json, field: string, pointer: string, warn: Warn): void {
  const list = owner[field];
  if (!Array.isArray(list)) return;
  owner[field] = list.filter((entry, index) => {
    dropRefSiblings(entry, joinPointer(pointer, index), warn);
    if (isObject(entry)) return true;
    warn('spec/empty-entry', joinPointer(pointer, index), `entry ${index} of ${field} is ${entry === null ? 'empty' : 'not an object'}; ignored`);
    return false;
  });
}

/**
 * A Reference Object is `$ref` alone (§Reference Object): fields beside it are ignored by the
 * specification, and the schema rejects them. Read as the reference, with a warning.
 */
function dropRefSiblings(entry: unknown, pointer: string, warn: Warn): void {
  if (!isObject(entry) || typeof entry.$ref !== 'string') return;
  const siblings = Object.keys(entry).filter((key) => key !== '$ref' && !key.startsWith('x-'));
  if (siblings.length === 0) return;
  warn('spec/ref-siblings', pointer, `fields beside $ref (${siblings.join(', ')}) are ignored: a reference stands for what it points to`);
  for (const key of siblings) delete entry[key];
}

function repairResponseKeys(operation: Json, pointer: string, warn: Warn): void {
  if (operation.responses === undefined) operation.responses = {};
  const responses = operation.responses;
  if (!isObject(responses)) return;
  for (const key of Object.keys(responses)) {
    dropRefSiblings(responses[key], joinPointer(pointer, key), warn);
    if (key.startsWith('x-') || STATUS.test(key)) continue;
    warn('spec/response-code', joinPointer(pointer, key), `response key "${key}" is not a status code (e.g. 200, 4XX, default); ignored`);
    delete responses[key];
  }
  // §Responses Object: at least one response. With none, any 2xx is the success, of unknown shape.
  if (!Object.keys(responses).some((key) => !key.startsWith('x-'))) {
    warn('spec/no-responses', pointer, 'the operation documents no response; any 2xx is read as its success, with an unknown body');
    responses.default = { description: '' };
  }
}

function repairOperationTags(operation: Json, pointer: string, warn: Warn): void {
  if (!Array.isArray(operation.tags)) return;
  const seen = new Set<unknown>();
  operation.tags = operation.tags.filter((tag, index) => {
    if (!seen.has(tag)) {
      seen.add(tag);
      return true;
    }
    warn('spec/duplicate-tag', joinPointer(pointer, index), `tag "${String(tag)}" is listed more than once; the repeat is ignored`);
    return false;
  });
}
