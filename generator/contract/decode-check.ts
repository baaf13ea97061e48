/**
 * Whether the generated client read a response as its spec declares: a documented success
 * resolves and anything else throws ApiError, with the status it got; the data (or the error's
 * body) is the body decoded by its documented encoding — JSON parsed, text as text, binary as a
 * Blob with the same bytes.
 */
import { isDeepStrictEqual } from 'node:util';
import type { OperationContract } from './operation-contract.js';
import { documentedResponse } from './response-check.js';
import type { RecordedResponse } from './exchange.js';
import type { Finding } from './case-runner.js';

export type ClientOutcome =
  | { kind: 'result'; status: number; data: unknown }
  | { kind: 'api-error'; status: number; body: unknown }
  | { kind: 'error'; message: string };

export async function decodeFindings(operation: OperationContract, outcome: ClientOutcome, response: RecordedResponse): Promise<Finding[]> {
  if (outcome.kind === 'error') return [];
  const documented = documentedResponse(operation, response.status);
  const spec = documented?.response.pointer ?? operation.operation.pointer;
  const findings: Finding[] = [];
  const status = documented?.response.status;
  const hasSuccess = operation.responses.some((r) => r.response.status.startsWith('2'));
  const success = status !== undefined && (status.startsWith('2') || (status === 'default' && !hasSuccess && response.status < 300));
  if (success !== (outcome.kind === 'result')) {
    findings.push({ code: 'decode', message: `the client ${outcome.kind === 'result' ? 'resolved' : 'threw ApiError'} for status ${response.status}, which the spec makes ${success ? 'a success' : 'an error'}`, spec });
  }
  if (outcome.status !== response.status) findings.push({ code: 'decode', message: `the client reported status ${outcome.status}; the server sent ${response.status}`, spec });
  const data = outcome.kind === 'result' ? outcome.data : outcome.body;
  const expected = expectedData(documented?.response.encoding ?? 'none', operation.operation.method, response);
  if (expected.kind === 'blob') {
    const same = data instanceof Blob && Buffer.from(await data.arrayBuffer()).equals(Buffer.from(response.body));
    if (!same) findings.push({ code: 'decode', message: `the client did not read the binary body as a Blob of its ${response.body.length} bytes`, spec });
  } else if (!isDeepStrictEqual(data, expected.value)) {
    findings.push({ code: 'decode', message: `the client decoded the body as ${preview(data)}; the spec's encoding gives ${preview(expected.value)}`, spec });
  }
  return findings;
}

function expectedData(encoding: string, method: string, response: RecordedResponse): { kind: 'value'; value: unknown } | { kind: 'blob' } {
  if (method.toLowerCase() === 'head' || response.status === 204 || response.status === 304) return { kind: 'value', value: undefined };
  if (encoding === 'binary') return { kind: 'blob' };
  const text = new TextDecoder().decode(response.body);
  if (encoding === 'text') return { kind: 'value', value: text };
  if (text.length === 0) return { kind: 'value', value: undefined };
  const json = encoding === 'json' || /[/+]json\b/i.test(response.headers.get('content-type') ?? '');
  if (!json) return { kind: 'value', value: text };
  try {
    return { kind: 'value', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'value', value: text };
  }
}

function preview(value: unknown): string {
  const text = value instanceof Blob ? `<Blob ${value.size} bytes>` : JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}
