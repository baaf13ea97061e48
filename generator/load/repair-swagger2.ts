/**
 * Swagger 2.0 repairs: `host` and `basePath` written as URLs or without their slash, and
 * non-body parameters without a `type`, with a type the specification does not have, or in the
 * path without `required: true`.
 */
import { joinPointer } from '../diagnostics.js';
import { HTTP_METHODS } from './repair-paths.js';
import { isObject, type Warn } from './repair.js';

type Json = Record<string, unknown>;

/** Swagger 2.0 §Swagger Object: `host` is a name and optional port; `basePath` starts with `/`. */
export function repairSwagger2Server(document: Json, warn: Warn): void {
  const { host, basePath } = document;
  if (typeof host === 'string' && !/^[^{}/ :\\]+(?::\d+)?$/.test(host)) {
    const url = /^(?:([a-z][a-z0-9+.-]*):)?(?:\/\/)?([^/?#\s]*)([^?#\s]*)/i.exec(host.trim());
    const [, scheme, name = '', path = ''] = url ?? [];
    if (name.length > 0 && /^[^{}/ :\\]+(?::\d+)?$/.test(name)) {
      warn('spec/host', '/host', `host "${host}" is not a host name; read as host "${name}"${path && path !== '/' ? `, basePath "${path}"` : ''}${scheme ? `, scheme ${scheme}` : ''}`);
      document.host = name;
      if (path && path !== '/' && document.basePath === undefined) document.basePath = path;
      if (scheme && document.schemes === undefined) document.schemes = [scheme.toLowerCase()];
    } else {
      warn('spec/host', '/host', `host "${host}" is not a host name; ignored (pass baseUrl to createClient)`);
      delete document.host;
    }
  }
  if (typeof document.basePath === 'string' && !document.basePath.startsWith('/')) {
    const fixed = '/' + document.basePath;
    warn('spec/base-path', '/basePath', `basePath "${document.basePath}" does not start with "/"; read as "${fixed}"`);
    document.basePath = fixed;
  } else if (basePath !== undefined && typeof basePath !== 'string') {
    warn('spec/base-path', '/basePath', 'basePath is not a string; ignored');
    delete document.basePath;
  }
}

export function repairSwagger2Parameters(document: Json, warn: Warn): void {
  const paths = document.paths;
  if (isObject(paths)) {
    for (const [key, item] of Object.entries(paths)) {
      if (!isObject(item)) continue;
      const itemPointer = joinPointer('/paths', key);
      repairList(item.parameters, joinPointer(itemPointer, 'parameters'), warn);
      for (const method of HTTP_METHODS) {
        const operation = item[method];
        if (isObject(operation)) repairList(operation.parameters, joinPointer(itemPointer, method, 'parameters'), warn);
      }
    }
  }
  if (isObject(document.parameters)) {
    for (const [name, parameter] of Object.entries(document.parameters)) repairParameter(parameter, joinPointer('/parameters', name), warn);
  }
}

function repairList(parameters: unknown, pointer: string, warn: Warn): void {
  if (!Array.isArray(parameters)) return;
  parameters.forEach((parameter, index) => repairParameter(parameter, joinPointer(pointer, index), warn));
}

const PARAMETER_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'file']);
/** What authors mean by the types the specification does not have. */
const TYPE_ALIASES: Record<string, string> = {
  int: 'integer', int32: 'integer', int64: 'integer', long: 'integer', float: 'number', double: 'number', decimal: 'number',
  bool: 'boolean', str: 'string', text: 'string', date: 'string', datetime: 'string', 'date-time': 'string', list: 'array',
};

/** Swagger 2.0 §Parameter Object: `type` is required for non-body parameters, `required: true` for path ones. */
function repairParameter(parameter: unknown, pointer: string, warn: Warn): void {
  if (!isObject(parameter) || '$ref' in parameter || parameter.in === 'body') return;
  const name = String(parameter.name);
  if (parameter.type === undefined) {
    warn('spec/untyped-parameter', pointer, `parameter "${name}" has no type; read as string`);
    parameter.type = 'string';
  } else if (typeof parameter.type !== 'string' || !PARAMETER_TYPES.has(parameter.type)) {
    const alias = typeof parameter.type === 'string' ? TYPE_ALIASES[parameter.type.toLowerCase()] : undefined;
    const type = alias ?? 'string';
    warn('spec/parameter-type', joinPointer(pointer, 'type'), `parameter "${name}" has type ${JSON.stringify(parameter.type)}, which Swagger 2.0 does not have; read as ${type}`);
    parameter.type = type;
    if (type === 'array' && parameter.items === undefined) parameter.items = { type: 'string' };
  }
  if (parameter.type === 'array' && isObject(parameter.items) && parameter.items.type === 'file' && parameter.in === 'formData') {
    // Several files in one formData field: what the author means, though items cannot say `file`.
    warn('spec/parameter-type', joinPointer(pointer, 'items', 'type'), `formData parameter "${name}" is a list of files; items of type "file" read as binary strings`);
    parameter.items = { ...parameter.items, type: 'string', format: 'binary' };
  }
  if (parameter.type === 'array' && !isObject(parameter.items)) {
    warn('spec/parameter-type', pointer, `array parameter "${name}" has no items; read as a list of strings`);
    parameter.items = { type: 'string' };
  }
  if (parameter.in === 'path' && parameter.required !== true) {
    warn('spec/path-parameter-required', pointer, `path parameter "${name}" is not marked required: true; path parameters always are`);
    parameter.required = true;
  }
}
