/**
 * A `node:http` server on 127.0.0.1 that knows a Swagger 2.0 document and nothing of openbind:
 * it reads the spec itself (with `yaml`, not through openbind's loader or IR), routes each
 * request to the operation the spec defines for its method, path and key query
 * (`/?Action=X`), and records every way the request breaks the spec. Tests then assert that
 * the generated client's real requests broke nothing.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { parseAllDocuments } from 'yaml';

type Json = Record<string, unknown>;

interface SpecOperation {
  id: string;
  method: string;
  template: RegExp;
  pathNames: string[];
  keyQuery: Array<[string, string]>;
  parameters: Json[];
  successStatus: number;
}

export interface RecordedRequest {
  method: string;
  /** The request target exactly as it arrived. */
  url: string;
  /** `METHOD pathKey` of the operation it was routed to, or undefined for none. */
  operation: string | undefined;
  violations: string[];
  headers: IncomingMessage['headers'];
  body: string;
}

export interface SpecServer {
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

export async function readSwagger(file: string): Promise<Json> {
  const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  const document = parseAllDocuments(text, { uniqueKeys: false }) as unknown as Array<{ toJS(): unknown }>;
  const value = document.map((doc) => doc.toJS()).find((v) => v !== null && typeof v === 'object');
  return value as Json;
}

export function specOperations(spec: Json): SpecOperation[] {
  const operations: SpecOperation[] = [];
  for (const [key, item] of Object.entries((spec.paths ?? {}) as Record<string, Json>)) {
    const [beforeHash = ''] = key.replace(/#\{/g, '{').split('#');
    const queryAt = beforeHash.indexOf('?');
    const path = (queryAt >= 0 ? beforeHash.slice(0, queryAt) : beforeHash) || '/';
    const keyQuery = queryAt >= 0 ? [...new URLSearchParams(beforeHash.slice(queryAt + 1))] : [];
    const pathNames = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const pattern = path.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('([^/]+)');
    for (const method of METHODS) {
      const operation = item[method] as Json | undefined;
      if (!operation) continue;
      const parameters = [...((item.parameters ?? []) as Json[]), ...((operation.parameters ?? []) as Json[])].map((p) => resolve(spec, p));
      const statuses = Object.keys((operation.responses ?? {}) as Json).filter((s) => /^2\d\d$/.test(s));
      operations.push({ id: `${method.toUpperCase()} ${key}`, method: method.toUpperCase(), template: new RegExp(`^${pattern}$`), pathNames, keyQuery, parameters, successStatus: Number(statuses[0] ?? 200) });
    }
  }
  return operations;
}

function resolve(spec: Json, value: Json): Json {
  const ref = value.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return value;
  return ref.slice(2).split('/').reduce<unknown>((node, segment) => (node as Json | undefined)?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')], spec) as Json;
}

/** Routes a request: method and path must match; every key-query pair must be present; the most specific wins. */
function route(operations: SpecOperation[], method: string, path: string, query: URLSearchParams): { operation?: SpecOperation; match?: RegExpExecArray } {
  const candidates = operations
    .map((operation) => ({ operation, match: operation.method === method ? operation.template.exec(path) ?? undefined : undefined }))
    .filter((c) => c.match && c.operation.keyQuery.every(([name, value]) => query.getAll(name).includes(value)))
    .sort((a, b) => b.operation.keyQuery.length - a.operation.keyQuery.length);
  return candidates[0] ?? {};
}

function checkValue(name: string, parameter: Json, raw: string, violations: string[]): void {
  const type = parameter.type;
  const values = type === 'array' ? raw.split(({ ssv: ' ', tsv: '\t', pipes: '|' } as Record<string, string>)[String(parameter.collectionFormat)] ?? ',') : [raw];
  const itemType = type === 'array' ? (parameter.items as Json | undefined)?.type : type;
  for (const value of values) {
    if (itemType === 'integer' && !/^-?\d+$/.test(value)) violations.push(`${name}: "${value}" is not an integer`);
    if (itemType === 'number' && !Number.isFinite(Number(value))) violations.push(`${name}: "${value}" is not a number`);
    if (itemType === 'boolean' && value !== 'true' && value !== 'false') violations.push(`${name}: "${value}" is not a boolean`);
  }
  if (Array.isArray(parameter.enum) && !values.every((v) => (parameter.enum as unknown[]).map(String).includes(v))) violations.push(`${name}: "${raw}" is not one of the enum values`);
}

export function checkRequest(spec: Json, operations: SpecOperation[], method: string, url: string, headers: IncomingMessage['headers']): { operation?: SpecOperation; violations: string[] } {
  const violations: string[] = [];
  const queryAt = url.indexOf('?');
  const rawPath = queryAt >= 0 ? url.slice(0, queryAt) : url;
  const rawQuery = queryAt >= 0 ? url.slice(queryAt + 1) : '';
  if (rawQuery.includes('?')) violations.push(`the query has a second "?": ${rawQuery}`);
  const basePath = typeof spec.basePath === 'string' ? spec.basePath.replace(/\/+$/, '') : '';
  if (!rawPath.startsWith(basePath)) violations.push(`path ${rawPath} is not under basePath ${basePath}`);
  const path = rawPath.slice(basePath.length) || '/';
  const query = new URLSearchParams(rawQuery);
  const { operation, match } = route(operations, method, path, query);
  if (!operation || !match) return { violations: [...violations, `no operation of the spec is ${method} ${url}`] };
  const declared = new Map(operation.parameters.map((p) => [`${String(p.in)}:${String(p.name)}`, p]));
  const keyNames = new Set(operation.keyQuery.map(([name]) => name));
  for (const name of new Set(query.keys())) {
    const parameter = declared.get(`query:${name}`);
    if (!parameter && !keyNames.has(name)) violations.push(`query parameter "${name}" is not declared`);
    if (parameter) {
      const values = query.getAll(name);
      if (values.length > 1 && parameter.collectionFormat !== 'multi') violations.push(`query parameter "${name}" sent ${values.length} times`);
      for (const value of values) checkValue(name, parameter, value, violations);
    }
  }
  operation.pathNames.forEach((name, index) => {
    const parameter = declared.get(`path:${name}`);
    const raw = match[index + 1]!;
    if (parameter) checkValue(name, parameter, decodeURIComponent(raw), violations);
  });
  for (const parameter of operation.parameters) {
    if (parameter.required !== true) continue;
    const name = String(parameter.name);
    if (parameter.in === 'query' && !query.has(name)) violations.push(`required query parameter "${name}" is missing`);
    if (parameter.in === 'header' && headers[name.toLowerCase()] === undefined) violations.push(`required header "${name}" is missing`);
  }
  return { operation, violations };
}

export interface Answer {
  status: number;
  contentType: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

/**
 * Starts the server on an ephemeral loopback port. By default every answer is the operation's
 * first documented 2xx, with a JSON body naming the operation; `answer` can say otherwise.
 */
export async function startSpecServer(specFile: string, answer?: (operation: string, request: RecordedRequest) => Answer | undefined): Promise<SpecServer> {
  const spec = await readSwagger(specFile);
  const operations = specOperations(spec);
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = request.url ?? '/';
      const method = request.method ?? 'GET';
      const { operation, violations } = checkRequest(spec, operations, method, url, request.headers);
      const recorded: RecordedRequest = { method, url, operation: operation?.id, violations, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(recorded);
      const custom = violations.length === 0 && operation ? answer?.(operation.id, recorded) : undefined;
      const status = custom?.status ?? (violations.length > 0 ? (operation ? 400 : 404) : operation!.successStatus);
      response.writeHead(status, { ...custom?.headers, 'content-type': custom?.contentType ?? 'application/json' });
      response.end(custom ? custom.body : status === 204 ? undefined : JSON.stringify(violations.length > 0 ? { violations } : { operation: operation!.id }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
