/**
 * Lenient reading: problems that real documents carry and that still have one obvious meaning are
 * repaired on a copy, each with a located warning (`--strict` turns warnings into failures).
 * Whatever is not repaired here must pass the official schema, or generation stops.
 */
import { type Diagnostic, joinPointer } from '../diagnostics.js';

type Json = Record<string, unknown>;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface Repaired {
  document: Json;
  diagnostics: Diagnostic[];
}

export function repairDocument(input: Json): Repaired {
  const document = structuredClone(input);
  const diagnostics: Diagnostic[] = [];
  const warn = (code: string, pointer: string, message: string) =>
    diagnostics.push({ code, severity: 'warning', message, pointer });

  if (typeof document.swagger === 'number') {
    warn('spec/version-not-string', '/swagger', `swagger: ${document.swagger} is a number; read as "2.0" (quote it)`);
    document.swagger = document.swagger === 2 ? '2.0' : String(document.swagger);
  }
  if (typeof document.openapi === 'number') {
    warn('spec/version-not-string', '/openapi', `openapi: ${document.openapi} is a number; quote it`);
    document.openapi = String(document.openapi) === '3' ? '3.0.0' : String(document.openapi) + '.0';
  }
  const info = document.info;
  if (isObject(info) && (typeof info.version === 'number' || typeof info.version === 'boolean')) {
    warn('spec/version-not-string', '/info/version', `info.version ${String(info.version)} is not a string; read as "${String(info.version)}"`);
    info.version = String(info.version);
  }
  const isSwagger2 = document.swagger === '2.0';
  const paths = document.paths;
  if (isObject(paths)) {
    for (const key of Object.keys(paths)) {
      let pathKey = key;
      if (!key.startsWith('/') && !key.startsWith('x-')) {
        pathKey = '/' + key;
        warn('spec/path-leading-slash', joinPointer('/paths', key), `path "${key}" does not start with "/"; read as "${pathKey}"`);
        if (!(pathKey in paths)) {
          paths[pathKey] = paths[key];
          delete paths[key];
        }
      }
      const item = paths[pathKey];
      if (!isObject(item)) continue;
      const itemPointer = joinPointer('/paths', key);
      if (isSwagger2) repairParameters(item.parameters, joinPointer(itemPointer, 'parameters'), warn);
      for (const method of HTTP_METHODS) {
        const operation = item[method];
        if (isObject(operation) && isSwagger2) repairParameters(operation.parameters, joinPointer(itemPointer, method, 'parameters'), warn);
      }
    }
  }
  if (isSwagger2 && isObject(document.parameters)) {
    for (const [name, parameter] of Object.entries(document.parameters)) repairParameter(parameter, joinPointer('/parameters', name), warn);
  }
  return { document, diagnostics };
}

type Warn = (code: string, pointer: string, message: string) => void;

function repairParameters(parameters: unknown, pointer: string, warn: Warn): void {
  if (!Array.isArray(parameters)) return;
  parameters.forEach((parameter, index) => repairParameter(parameter, joinPointer(pointer, index), warn));
}

/** Swagger 2.0 §Parameter Object: `type` is required for non-body parameters, `required: true` for path ones. */
function repairParameter(parameter: unknown, pointer: string, warn: Warn): void {
  if (!isObject(parameter) || '$ref' in parameter) return;
  if (parameter.in !== 'body' && parameter.type === undefined) {
    warn('spec/untyped-parameter', pointer, `parameter "${String(parameter.name)}" has no type; read as string`);
    parameter.type = 'string';
  }
  if (parameter.in === 'path' && parameter.required !== true) {
    warn('spec/path-parameter-required', pointer, `path parameter "${String(parameter.name)}" is not marked required: true; path parameters always are`);
    parameter.required = true;
  }
}
