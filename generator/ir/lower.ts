/**
 * LoadedSpec → ApiIR: the version-specific lowering, then one naming pass for every version.
 * Pure: no I/O, diagnostics returned as values and located through the loader's source map.
 */
import { type Diagnostic, locateDiagnostics } from '../diagnostics.js';
import type { LoadedSpec } from '../load/load-spec.js';
import { lowerSwagger2 } from './swagger2.js';
import { lowerOpenApi3 } from './openapi3.js';
import type { DraftApi, DraftOperation } from './draft.js';
import { methodNameFor, operationNameFromRoute, typeNameFor, uniqueNames } from './names.js';
import { pathPlaceholders } from './route.js';
import type { ApiIR, BodyIR, LowerOptions, NamedSchemaIR, OperationIR, ParameterIR } from './types.js';

export interface Lowered {
  api: ApiIR;
  diagnostics: Diagnostic[];
}

export function lowerApi(spec: LoadedSpec, options: LowerOptions = {}): Lowered {
  const diagnostics: Diagnostic[] = [];
  const draft = spec.version === '2.0' ? lowerSwagger2(spec, diagnostics, options) : lowerOpenApi3(spec, diagnostics, options);
  const schemas = nameSchemas(draft);
  const api: ApiIR = {
    name: spec.name,
    title: draft.title,
    version: draft.version,
    ...(draft.description !== undefined ? { description: draft.description } : {}),
    source: { file: spec.file, sha256: spec.sha256, specVersion: spec.version },
    ...(draft.defaultBaseUrl !== undefined ? { defaultBaseUrl: draft.defaultBaseUrl } : {}),
    basePath: draft.basePath,
    schemas,
    operations: nameOperations(draft, schemas.map((schema) => schema.typeName), diagnostics),
  };
  return { api, diagnostics: locateDiagnostics(diagnostics, spec.locateMany) };
}

function nameSchemas(draft: DraftApi): NamedSchemaIR[] {
  const names = uniqueNames(draft.schemas, (schema) => typeNameFor(schema.specName), (schema) => schema.specName);
  return draft.schemas.map((schema, index) => ({ ...schema, typeName: names[index]! }));
}

const routeKey = (operation: DraftApi['operations'][number]) => `${operation.pathKey}\0${operation.method}`;

function nameOperations(draft: DraftApi, schemaTypeNames: string[], diagnostics: Diagnostic[]): OperationIR[] {
  const candidates = draft.operations.map((operation) =>
    operation.operationId !== undefined ? methodNameFor(operation.operationId) : operationNameFromRoute(operation.method, operation.path + (operation.constantQuery.length > 0 ? ' ' + operation.constantQuery.map((q) => q.value).join(' ') : '')),
  );
  const names = uniqueNames(draft.operations, (operation) => candidates[draft.operations.indexOf(operation)]!, routeKey);
  const typeNames = operationTypeNames(draft.operations, names, new Set(schemaTypeNames));
  return draft.operations.map((operation, index) => {
    const methodName = names[index]!;
    if (methodName !== candidates[index]) {
      diagnostics.push({
        code: 'names/duplicate-operation',
        severity: 'warning',
        message: `operation name "${candidates[index]}" is used more than once; this one (${operation.method.toUpperCase()} ${operation.pathKey}) is generated as ${methodName}`,
        pointer: operation.pointer,
      });
    }
    const sendable = withoutBodyOnGet(operation, diagnostics);
    return {
      ...sendable,
      methodName,
      typeName: typeNames[index]!,
      parameters: keyParameters(withPlaceholderParameters(sendable, diagnostics), sendable.body?.key),
    } as OperationIR;
  });
}

/**
 * A GET or HEAD request cannot carry a body: fetch refuses to send one (and HTTP gives it no
 * meaning, RFC 9110 §9.3.1). A body or formData that a spec declares there is left out of the
 * bindings, with a warning, so the other parameters can still be sent.
 */
function withoutBodyOnGet(operation: DraftOperation, diagnostics: Diagnostic[]): DraftOperation {
  if (operation.method !== 'get' && operation.method !== 'head') return operation;
  const { body, ...rest } = operation;
  const form = operation.parameters.filter((parameter) => parameter.in === 'formData');
  if (!body && form.length === 0) return operation;
  // An optional body that can hold nothing (Stripe declares one on each of its 213 GETs) goes quietly.
  if (form.length > 0 || !body || !holdsNothing(body)) {
    diagnostics.push({
      code: 'spec/body-on-get',
      severity: 'warning',
      message: `${operation.method.toUpperCase()} ${operation.pathKey} declares a request body${form.length > 0 ? ` (formData ${form.map((p) => `"${p.name}"`).join(', ')})` : ''}, which a ${operation.method.toUpperCase()} request cannot carry; it is left out`,
      pointer: form[0]?.pointer ?? body!.pointer,
    });
  }
  return { ...rest, parameters: operation.parameters.filter((parameter) => parameter.in !== 'formData') };
}

function holdsNothing(body: BodyIR): boolean {
  return !body.required && body.schema.kind === 'object' && body.schema.properties.length === 0 && body.schema.additional === false;
}

/** The types an operation gets in `operations.ts`; `index.ts` exports them beside the models. */
const OPERATION_TYPE_SUFFIXES = ['Params', 'Responses', 'ResponseHeaders', 'Result'];

/**
 * An operation's type stem is its method name capitalised (`getPet` → `GetPetParams`). Where one
 * of its types would have a model's name (operation `createOrder`, model `CreateOrderResult`),
 * the stem becomes `<Name>Operation` for that operation only, so both can be exported.
 */
function operationTypeNames(operations: DraftApi['operations'], methodNames: string[], modelNames: ReadonlySet<string>): string[] {
  return methodNames.map((methodName, index) => {
    const stem = methodName.charAt(0).toUpperCase() + methodName.slice(1);
    // Inline body and response types are named `<Stem>Request`, `<Stem>Response200` (emit/inline-types.ts).
    const inline = ['Request', ...operations[index]!.responses.map((r) => `Response${r.status === 'default' ? 'Default' : r.status.replace(/[^A-Za-z0-9]/g, '')}`)];
    const clashes = [...OPERATION_TYPE_SUFFIXES, ...inline].some((suffix) => modelNames.has(stem + suffix));
    return clashes ? `${stem}Operation` : stem;
  });
}

const LOCATION_ORDER = ['path', 'query', 'header', 'cookie', 'formData'];

/**
 * A parameter's key in the params object is its wire name. Where two locations share a name
 * (a `id` in path and in query), every one of them is keyed `<in>.<name>` instead, so no choice
 * depends on which came first.
 */
function keyParameters(parameters: ParameterIR[], bodyKey: string | undefined): ParameterIR[] {
  const counts = new Map<string, number>();
  for (const parameter of parameters) counts.set(parameter.name, (counts.get(parameter.name) ?? 0) + 1);
  if (bodyKey !== undefined) counts.set(bodyKey, (counts.get(bodyKey) ?? 0) + 1);
  return parameters
    .map((parameter) => ((counts.get(parameter.name) ?? 0) > 1 ? { ...parameter, key: `${parameter.in}.${parameter.name}` } : parameter))
    .sort((a, b) => LOCATION_ORDER.indexOf(a.in) - LOCATION_ORDER.indexOf(b.in) || 0);
}

/**
 * Swagger 2.0 / OpenAPI 3 §Path Templating: every `{name}` must have a path parameter; one
 * without is added as a required string, before parameters are keyed, so it cannot clash.
 */
function withPlaceholderParameters(operation: DraftOperation, diagnostics: Diagnostic[]): ParameterIR[] {
  const declared = new Set(operation.parameters.filter((p) => p.in === 'path').map((p) => p.name));
  const added: ParameterIR[] = [];
  for (const name of pathPlaceholders(operation.path)) {
    if (declared.has(name)) continue;
    declared.add(name);
    diagnostics.push({
      code: 'spec/undeclared-path-parameter',
      severity: 'warning',
      message: `path "${operation.pathKey}" has {${name}} but ${operation.method.toUpperCase()} declares no path parameter "${name}"; added as a required string`,
      pointer: operation.pointer,
    });
    added.push({ name, key: name, in: 'path', required: true, schema: { kind: 'string' }, style: 'simple', explode: false, deprecated: false, pointer: operation.pointer });
  }
  return [...added, ...operation.parameters];
}
