/**
 * Lenient reading: problems that real documents carry and that still have one obvious meaning are
 * repaired in place, each with a located warning (`--strict` turns warnings into failures).
 * Whatever is not repaired here must pass the official schema, or generation stops.
 *
 * Pointers in the warnings name the place in the document as written (before any repair), so the
 * source map can locate them.
 */
import type { Diagnostic } from '../diagnostics.js';
import { repairPaths } from './repair-paths.js';
import { repairSwagger2Parameters, repairSwagger2Server } from './repair-swagger2.js';

type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type Warn = (code: string, pointer: string, message: string) => void;

export interface Repaired {
  document: Json;
  diagnostics: Diagnostic[];
}

/**
 * Repairs `document` itself: callers hand over the value they just parsed (a copy of Microsoft
 * Graph cost 0.6 s). Returned, with the warnings, for callers that chain.
 */
export function repairDocument(document: Json): Repaired {
  const diagnostics: Diagnostic[] = [];
  const warn: Warn = (code, pointer, message) => diagnostics.push({ code, severity: 'warning', message, pointer });

  repairVersions(document, warn);
  repairInfo(document, warn);
  const isSwagger2 = document.swagger === '2.0';
  repairTags(document, warn);
  repairPaths(document, isSwagger2, warn);
  if (isSwagger2) {
    repairSwagger2Server(document, warn);
    repairSwagger2Parameters(document, warn);
  }
  return { document, diagnostics };
}

function repairVersions(document: Json, warn: Warn): void {
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
}

/** §Info Object: `title` and `version` are required, but nothing in the bindings depends on them. */
function repairInfo(document: Json, warn: Warn): void {
  if (document.info === undefined) {
    warn('spec/info', '', 'the document has no info object; read with an empty title and version');
    document.info = { title: '', version: '' };
    return;
  }
  const info = document.info;
  if (!isObject(info)) return;
  for (const field of ['title', 'version'] as const) {
    if (info[field] !== undefined) continue;
    warn('spec/info', '/info', `info has no ${field}; read as ""`);
    info[field] = '';
  }
}

/** Swagger 2.0 §Swagger Object and OpenAPI §OpenAPI Object: tag names are unique; a repeat adds nothing. */
function repairTags(document: Json, warn: Warn): void {
  if (!Array.isArray(document.tags)) return;
  const seen = new Set<string>();
  document.tags = document.tags.filter((tag, index) => {
    const name = isObject(tag) ? String(tag.name) : JSON.stringify(tag);
    if (!seen.has(name)) {
      seen.add(name);
      return true;
    }
    warn('spec/duplicate-tag', `/tags/${index}`, `tag "${name}" is declared more than once; the first declaration is kept`);
    return false;
  });
}
