/**
 * Lint one document: read it as the loader does, turn the loader's own diagnostics (reading,
 * lenient repairs, schema validation) into findings, walk the document once with every enabled
 * rule, then locate every finding in the file where it is written. A document that fails
 * validation is still linted: only what cannot be read at all stops here.
 */
import { type Diagnostic, type Severity, type SourceLocation, splitPointer } from '../diagnostics.js';
import { repairDocument } from '../load/repair.js';
import { HTTP_METHODS } from '../load/repair-paths.js';
import { specVersion, validateSchema } from '../load/validate-schema.js';
import { DocumentSet } from './document-set.js';
import { Place } from './place.js';
import { type LintSource, readSource } from './read-source.js';
import type { Finding, Json, LintContext, OperationRef, Rule, SpecVersion, Visitors } from './types.js';
import { walkOpenApi3 } from './walk-openapi3.js';
import { walkSwagger2 } from './walk-swagger2.js';
import { type Dispatch, isObject, Walker } from './walker.js';

export interface LintRun {
  file: string;
  version?: SpecVersion;
  /** Every finding at its rule's default severity, before configuration is applied. */
  findings: Finding[];
  /** The files read: the main one first, then those reached through `$ref`. */
  sources: LintSource[];
}

/** A finding before it is located. */
interface Pending {
  code: string;
  severity: Severity;
  message: string;
  place: Place;
  operation?: OperationRef | undefined;
  location?: SourceLocation | undefined;
}

const VISITOR_KINDS = ['document', 'info', 'tag', 'server', 'securityScheme', 'component', 'pathItem', 'operation', 'parameter', 'requestBody', 'response', 'mediaType', 'header', 'example', 'schema', 'reference', 'done'] as const satisfies ReadonlyArray<keyof Visitors>;

export async function lintFile(file: string, rules: readonly Rule[]): Promise<LintRun> {
  const read = await readSource(file);
  if (!('text' in read)) return { file, findings: [located(read, { file, line: 1, column: 1 })], sources: [] };
  const source = read;
  const findings: Finding[] = source.diagnostics.map((d) => located(d, d.location ?? { file, line: 1, column: 1 }));
  const run = (version?: SpecVersion): LintRun => ({ file, findings, sources: [source], ...(version ? { version } : {}) });
  if (source.value === undefined) return run();
  if (!isObject(source.value)) {
    findings.push(located({ code: 'load/not-an-object', severity: 'error', message: 'the document is not a mapping of fields (expected swagger: "2.0" or openapi: 3.x at the top)', pointer: '' }, source.at(0)));
    return run();
  }
  const root = source.value;
  const version = specVersion(root) ?? specVersion(repairDocument({ swagger: root.swagger, openapi: root.openapi }).document);
  if (!version) {
    const pointer = 'swagger' in root ? '/swagger' : 'openapi' in root ? '/openapi' : '';
    const unknown: Diagnostic = { code: 'load/unknown-version', severity: 'error', message: 'not a Swagger 2.0 or OpenAPI 3.0/3.1 document: expected swagger: "2.0" or openapi: "3.x.y"', pointer };
    findings.push(...locateDiagnostics(source, [unknown]));
    return run();
  }
  const set = new DocumentSet(source);
  const operations = new Map<string, OperationRef>();
  const pending = walkRules(set, root, version, [...rules, operationIndex(operations, file)]);
  // Rules read the document as written; now the loader's repairs and validation may change it
  // (in place: nothing reads the original after the walk, and a copy of 5 MB costs 100 ms).
  const repaired = repairDocument(root);
  const loaderDiagnostics = [...repaired.diagnostics, ...validateSchema(repaired.document, version)];
  findings.push(...locateDiagnostics(source, loaderDiagnostics).map((finding) => withOperation(finding, operations, file)));
  for (const other of set.files().slice(1)) findings.push(...other.diagnostics.map((d) => located(d, d.location ?? { file: other.file, line: 1, column: 1 })));
  findings.push(...locatePending(set, pending).map((finding) => (finding.operation || finding.location.file !== file ? finding : withOperation(finding, operations, file))));
  return { file, version, findings, sources: set.files() };
}

function walkRules(set: DocumentSet, root: Json, version: SpecVersion, rules: readonly Rule[]): Pending[] {
  const pending: Pending[] = [];
  const dispatch = Object.fromEntries(VISITOR_KINDS.map((kind) => [kind, []])) as unknown as Dispatch;
  for (const rule of rules) {
    if (rule.versions && !rule.versions.includes(version)) continue;
    const context: LintContext = {
      version,
      root,
      mainFile: set.mainFile,
      report: (place, message, options) => pending.push({ code: rule.id, severity: rule.severity, message, place, operation: options?.operation, location: options?.location }),
      resolve: (value, place) => resolve(set, value, place),
      source: (name) => set.source(name),
    };
    const visitors = rule.create(context);
    for (const kind of VISITOR_KINDS) {
      const visitor = visitors[kind];
      if (visitor) (dispatch[kind] as unknown[]).push(visitor);
    }
  }
  const crash = (error: unknown, place: Place) =>
    pending.push({ code: 'lint/internal', severity: 'error', message: `a rule failed here: ${error instanceof Error ? error.message : String(error)} (please report this with the spec)`, place });
  const walker = new Walker(set, version, dispatch, crash);
  if (version === '2.0') walkSwagger2(walker, root, set.mainFile);
  else walkOpenApi3(walker, root, set.mainFile);
  walker.emit('done', undefined as never);
  return pending;
}

/** Follows references from a value, through any file, to what they stand for. */
function resolve(set: DocumentSet, value: unknown, place: Place): { value: unknown; place: Place } | undefined {
  let current = { value, place };
  for (let hops = 0; hops < 20; hops++) {
    const ref = isObject(current.value) ? current.value.$ref : undefined;
    if (typeof ref !== 'string') return current;
    const resolution = set.resolve(ref, current.place.file);
    if (!resolution.target) return undefined;
    current = resolution.target;
  }
  return undefined;
}

function located(diagnostic: Diagnostic, location: SourceLocation): Finding {
  return { code: diagnostic.code, severity: diagnostic.severity, message: diagnostic.message, pointer: diagnostic.pointer, location };
}

function locateDiagnostics(source: LintSource, diagnostics: Diagnostic[]): Finding[] {
  const locations = source.locateAll(diagnostics.filter((d) => !d.location).map((d) => d.pointer));
  return diagnostics.map((d) => located(d, d.location ?? locations.get(d.pointer)!));
}

function locatePending(set: DocumentSet, pending: Pending[]): Finding[] {
  const byFile = new Map<string, Pending[]>();
  for (const item of pending) {
    const list = byFile.get(item.place.file);
    if (list) list.push(item);
    else byFile.set(item.place.file, [item]);
  }
  const findings: Finding[] = [];
  for (const [file, items] of byFile) {
    const source = set.source(file);
    const locations = source?.locateAll(items.filter((item) => !item.location).map((item) => item.place.pointer));
    for (const item of items) {
      const location = item.location ?? locations?.get(item.place.pointer) ?? { file, line: 1, column: 1 };
      findings.push({ code: item.code, severity: item.severity, message: item.message, pointer: item.place.pointer, location, ...(item.operation ? { operation: item.operation } : {}) });
    }
  }
  return findings;
}

const METHODS: ReadonlySet<string> = new Set(HTTP_METHODS);

/** A built-in visitor: the main file's operations by path and method, for `withOperation`. */
function operationIndex(operations: Map<string, OperationRef>, file: string): Rule {
  return {
    id: 'lint/operations', severity: 'info', rationale: '', description: '',
    create: () => ({
      operation(node) {
        if (node.place.file === file) operations.set(`${node.path}\0${node.method}`, node.operation);
      },
    }),
  };
}

/** The operation a finding in the main file sits in, from its pointer (`/paths/<path>/<method>/…`). */
function withOperation(finding: Finding, operations: Map<string, OperationRef>, file: string): Finding {
  if (finding.location.file !== file) return finding;
  const [paths, path, method] = splitPointer(finding.pointer);
  if (paths !== 'paths' || path === undefined || method === undefined || !METHODS.has(method)) return finding;
  return { ...finding, operation: operations.get(`${path}\0${method}`) ?? { path, method } };
}
