/**
 * `openbind mock`: a `node:http` server that speaks one spec. It routes every request to the
 * operation the spec defines for it (route-table.ts), checks it against the spec's own schemas
 * (request-check.ts) and answers with generated data that validates (mock-response.ts) — or
 * refuses it with a problem+json body: 404 no route, 405 method not allowed, 415 media type not
 * consumed, 400 any other violation. One JSON log line per request.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiContract } from './operation-contract.js';
import { mockAnswer, requestSeed } from './mock-response.js';
import { problem, PROBLEM_TYPE, type Problem } from './problem.js';
import { checkRequest, headerText, type Violation } from './request-check.js';
import { RouteTable, type RouteMatch } from './route-table.js';
import { decodeText, rawPairs } from './wire-values.js';

export interface MockOptions {
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  seed?: number;
  /** Receives one JSON line per request. */
  log?: (line: string) => void;
  maxBodyBytes?: number;
  /** Keep every exchange in `exchanges` (tests, contract runs); a long-running mock does not. */
  record?: boolean;
}

/** One request and the mock's answer, kept for tests and the contract runners. */
export interface Exchange {
  method: string;
  url: string;
  operation?: string;
  status: number;
  violations: Violation[];
  headers: Record<string, string>;
  body: Buffer;
}

export interface MockServer {
  url: string;
  exchanges: Exchange[];
  close(): Promise<void>;
}

/**
 * Several operations can share one wire route (fragment keys). A client may name the one it
 * means with this header (its operationId or client method name); without it the first that
 * accepts the request wins. Only a tie is broken this way: the hint never overrides routing.
 */
export const OPERATION_HINT_HEADER = 'x-openbind-operation';

export async function startMock(contract: ApiContract, options: MockOptions = {}): Promise<MockServer> {
  const table = new RouteTable(contract);
  const exchanges: Exchange[] = [];
  const seed = options.seed ?? 1;
  const server: Server = createServer((request, response) => {
    readBody(request, options.maxBodyBytes ?? 10 * 1024 * 1024)
      .then((body) => handle(contract, table, seed, request, body))
      .catch((error: unknown) => ({ status: 500, headers: { 'content-type': PROBLEM_TYPE }, body: problemBody(problem(500, `the mock failed: ${(error as Error).message}`, [], contract.spec.locate)), violations: [] as Violation[] }))
      .then((answer) => {
        const exchange: Exchange = { method: request.method ?? 'GET', url: request.url ?? '/', ...('operation' in answer && answer.operation ? { operation: answer.operation } : {}), status: answer.status, violations: answer.violations, headers: answer.headers, body: answer.body };
        if (options.record !== false) exchanges.push(exchange);
        options.log?.(JSON.stringify({ method: exchange.method, url: exchange.url, operation: exchange.operation ?? null, status: exchange.status, violations: exchange.violations.map(({ in: where, name, pointer, message }) => ({ in: where, ...(name !== undefined ? { name } : {}), pointer, message })) }));
        send(response, answer.status, answer.headers, answer.body);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    exchanges,
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  violations: Violation[];
  operation?: string;
}

async function handle(contract: ApiContract, table: RouteTable, seed: number, request: IncomingMessage, body: Buffer | 'too-large'): Promise<Answer> {
  const method = (request.method ?? 'GET').toUpperCase();
  const url = request.url ?? '/';
  const locate = contract.spec.locate;
  if (body === 'too-large') return refuse(problem(413, 'the request body is larger than the mock accepts', [], locate), []);
  const queryAt = url.indexOf('?');
  const rawPath = queryAt >= 0 ? url.slice(0, queryAt) : url;
  const pairs = rawPairs(queryAt >= 0 ? url.slice(queryAt + 1) : '');
  const routed = table.match(method, rawPath, pairs.map(([name, raw]) => [name, decodeText(raw)]));
  if (routed.kind === 'no-route') return refuse(problem(404, `no operation of the spec is ${method} ${url}`, [], locate), []);
  if (routed.kind === 'method-not-allowed') {
    const refused = refuse(problem(405, `${method} is not an operation of ${rawPath}; the spec allows ${routed.allowed.join(', ')}`, [], locate), []);
    return { ...refused, headers: { ...refused.headers, allow: routed.allowed.join(', ') } };
  }
  const parts = { method, query: pairs, headers: request.headers, body };
  const { match, violations } = await pick(contract, routed.candidates, parts, headerText(request.headers[OPERATION_HINT_HEADER]));
  const operation = match.contract;
  if (violations.length > 0) {
    const status = violations.some((violation) => violation.in === 'content-type') ? 415 : 400;
    const detail = `${violations.length} violation(s) of ${operation.id}`;
    return { ...refuse(problem(status, detail, violations, locate, operation.id), violations), operation: operation.id };
  }
  const answer = mockAnswer(contract, operation, { method, headers: request.headers }, requestSeed(seed, method, url, body));
  if (!answer.ok) return { ...refuse(problem(500, answer.detail, [], locate, operation.id), []), operation: operation.id };
  return { status: answer.answer.status, headers: answer.answer.headers, body: answer.answer.body, violations: [], operation: operation.id };
}

/** Among tied routes: the one the hint names, else the first that accepts the request, else the one with fewest violations. */
async function pick(contract: ApiContract, candidates: RouteMatch[], parts: { method: string; query: ReturnType<typeof rawPairs>; headers: IncomingMessage['headers']; body: Buffer }, hint: string | undefined): Promise<{ match: RouteMatch; violations: Violation[] }> {
  const named = hint === undefined ? undefined : decodeText(hint);
  const hinted = named === undefined ? undefined : candidates.find(({ contract: { operation } }) => operation.methodName === named || operation.operationId === named);
  const ordered = hinted ? [hinted] : candidates;
  let best: { match: RouteMatch; violations: Violation[] } | undefined;
  for (const match of ordered) {
    const violations = await checkRequest(contract, match.contract, { ...parts, pathValues: match.pathValues });
    if (violations.length === 0) return { match, violations };
    if (!best || violations.length < best.violations.length) best = { match, violations };
  }
  return best!;
}

function refuse(details: Problem, violations: Violation[]): Answer {
  return { status: details.status, headers: { 'content-type': PROBLEM_TYPE }, body: problemBody(details), violations };
}

function problemBody(details: Problem): Buffer {
  return Buffer.from(JSON.stringify(details, null, 2) + '\n', 'utf8');
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > limit ? 'too-large' : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, headers: Record<string, string>, body: Buffer): void {
  try {
    response.writeHead(status, { ...headers, 'content-length': String(body.length) });
    response.end(body);
  } catch {
    // A header value from the spec that HTTP cannot carry: answer without the documented headers.
    if (!response.headersSent) {
      response.writeHead(status, { 'content-type': headers['content-type'] ?? 'application/octet-stream', 'content-length': String(body.length) });
      response.end(body);
    }
  }
}
