/**
 * Contract cases, property-based: for each operation, fast-check generates params objects from
 * the spec's schemas (seeded), the generated client sends each one, and every case is checked —
 * the response against the spec (response-check.ts), and in consumer mode also that the mock
 * found nothing wrong with the request and that the client decoded the response as declared.
 *
 * Two passes per operation: the first runs every case and collects each distinct break (so a
 * server that breaks the contract in several ways has each reported); if any case broke, the
 * second runs the same seed as a failing property, so fast-check shrinks it to a minimal
 * counterexample.
 */
import fc from 'fast-check';
import type { MockServer } from './mock-server.js';
import { OPERATION_HINT_HEADER } from './mock-server.js';
import type { ApiContract, OperationContract } from './operation-contract.js';
import { describeParams, type Params, paramsArbitrary, paramsErrors } from './request-arbitrary.js';
import { checkResponse } from './response-check.js';
import { decodeFindings, type ClientOutcome } from './decode-check.js';
import { type FetchLike, type RecordedExchange, type RecordedRequest, recordingFetch, responseText } from './exchange.js';

export type ClientMethod = (params: Params, options?: { headers?: Record<string, string>; signal?: AbortSignal }) => Promise<{ status: number; data: unknown }>;
/** A generated `createClient`: it is called with the target's URL and a recording `fetch`. */
export type ClientFactory = (options: { baseUrl: string; fetch: FetchLike }) => object;

export interface Finding {
  /** `request` (the mock refused it), `client`, `status`, `content-type`, `body`, `header`, `decode`. */
  code: string;
  message: string;
  /** JSON pointer into the spec. */
  spec: string;
}

export interface CaseRecord {
  params: string;
  request?: RecordedRequest;
  response?: { status: number; headers: Record<string, string>; body: string };
  findings: Finding[];
}

export interface OperationResult {
  id: string;
  methodName: string;
  cases: number;
  /** Why no case ran (no valid data could be generated). */
  skipped?: string;
  /** Each distinct break, with the first case that showed it. */
  breaks: Array<Finding & { example: CaseRecord }>;
  /** The shrunk failing case, when any case broke. */
  counterexample?: CaseRecord;
  shrinks?: number;
}

export interface RunSettings {
  mode: 'consumer' | 'provider';
  baseUrl: string;
  seed: number;
  runs: number;
  /** Consumer mode: the mock the client talks to, to read what it found. */
  mock?: MockServer;
  timeoutMs?: number;
}

const MAX_BREAKS = 20;

export async function runOperation(contract: ApiContract, operation: OperationContract, createClient: ClientFactory, settings: RunSettings): Promise<OperationResult> {
  const base = { id: operation.id, methodName: operation.operation.methodName, breaks: [] as OperationResult['breaks'] };
  const generated = paramsArbitrary(contract, operation);
  if (!generated.ok) return { ...base, cases: 0, skipped: generated.reason };
  const slot: RecordedExchange = {};
  // Names the operation meant, for a mock to break ties between operations sharing a route (fragment keys); servers ignore it.
  const hint: Record<string, string> = { [OPERATION_HINT_HEADER]: encodeURIComponent(operation.operation.methodName) };
  const client = createClient({ baseUrl: settings.baseUrl, fetch: recordingFetch(slot, hint) }) as Record<string, ClientMethod | undefined>;
  const method = client[operation.operation.methodName];
  if (typeof method !== 'function') return { ...base, cases: 0, breaks: [{ code: 'client', message: `the client has no method ${operation.operation.methodName}`, spec: operation.operation.pointer, example: { params: '{}', findings: [] } }] };
  const runCase = (params: Params) => oneCase(contract, operation, method, slot, params, settings);
  const seen = new Map<string, true>();
  let cases = 0;
  let invalid = '';
  const survey = await fc.check(
    fc.asyncProperty(generated.arbitrary, async (params) => {
      const errors = paramsErrors(contract, operation, params);
      invalid ||= errors.join('; ');
      fc.pre(errors.length === 0);
      cases++;
      const record = await runCase(params);
      for (const finding of record.findings) {
        const key = `${finding.code}\0${finding.spec}\0${finding.message.replace(/"(?:[^"\\]|\\.)*"/g, '""')}`;
        if (seen.has(key) || base.breaks.length >= MAX_BREAKS) continue;
        seen.set(key, true);
        base.breaks.push({ ...finding, example: record });
      }
      return true;
    }),
    { seed: settings.seed, numRuns: settings.runs },
  );
  if (cases === 0) return { ...base, cases, skipped: survey.failed ? `no generated value validated against the operation's schemas (${invalid})` : 'no case ran' };
  if (base.breaks.length === 0) return { ...base, cases };
  const shrunk = await fc.check(
    fc.asyncProperty(generated.arbitrary, async (params) => {
      fc.pre(paramsErrors(contract, operation, params).length === 0);
      return (await runCase(params)).findings.length === 0;
    }),
    { seed: settings.seed, numRuns: settings.runs },
  );
  const counterexample = shrunk.counterexample ? await runCase(shrunk.counterexample[0]) : undefined;
  return { ...base, cases, ...(counterexample ? { counterexample, shrinks: shrunk.numShrinks } : {}) };
}

async function oneCase(contract: ApiContract, operation: OperationContract, method: ClientMethod, slot: RecordedExchange, params: Params, settings: RunSettings): Promise<CaseRecord> {
  delete slot.request;
  delete slot.response;
  const before = settings.mock?.exchanges.length ?? 0;
  let outcome: ClientOutcome;
  try {
    const result = await method(params, { signal: AbortSignal.timeout(settings.timeoutMs ?? 10_000) });
    outcome = { kind: 'result', status: result.status, data: result.data };
  } catch (error) {
    outcome = isApiError(error) ? { kind: 'api-error', status: error.status, body: error.body } : { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  const findings: Finding[] = [];
  const spec = operation.operation.pointer;
  if (outcome.kind === 'error') {
    const cause = outcome.message;
    findings.push(slot.request ? { code: 'request', message: `the request failed: ${cause}`, spec } : { code: 'client', message: `the client refused the params: ${cause}`, spec });
  }
  for (const exchange of settings.mock?.exchanges.slice(before) ?? []) {
    for (const violation of exchange.violations) findings.push({ code: 'request', message: `the mock found the request breaks the spec: ${violation.message}`, spec: violation.spec });
  }
  const response = slot.response as RecordedExchange['response'];
  if (response) {
    findings.push(...checkResponse(contract, operation, operation.operation.method, response));
    if (settings.mode === 'consumer' && findings.length === 0) findings.push(...(await decodeFindings(operation, outcome, response)));
  }
  return {
    params: describeParams(params),
    ...(slot.request ? { request: slot.request } : {}),
    ...(response ? { response: { status: response.status, headers: headerObject(response.headers), body: responseText(response) } } : {}),
    findings,
  };
}

/** The generated runtime's ApiError (each generated folder has its own class, so by shape). */
function isApiError(error: unknown): error is { status: number; body: unknown } {
  return error instanceof Error && error.name === 'ApiError' && typeof (error as { status?: unknown }).status === 'number';
}

function headerObject(headers: Headers): Record<string, string> {
  const object: Record<string, string> = {};
  headers.forEach((value, name) => (object[name] = value));
  return object;
}
