/**
 * The runtime every generated client shares: builds the request an operation describes, sends it
 * with `fetch`, and reads the response by its documented status. No dependencies.
 */

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;
export type HeaderValues = Record<string, string>;

export interface ClientOptions {
  /** Everything before the spec's base path, e.g. `https://api.example.com`. */
  baseUrl?: string;
  /** A `fetch` to use instead of the global one (tests, proxies, retries). */
  fetch?: FetchLike;
  /** Headers sent with every request; a function is called for each request. */
  headers?: HeaderValues | (() => HeaderValues | Promise<HeaderValues>);
}

/** Per-call options: extra headers and an abort signal. */
export interface RequestOptions {
  headers?: HeaderValues;
  signal?: AbortSignal;
}

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie' | 'formData';
export type ParameterStyle = 'simple' | 'form' | 'spaceDelimited' | 'pipeDelimited' | 'tabDelimited' | 'deepObject' | 'label' | 'matrix';
export type BodyEncoding = 'json' | 'form' | 'multipart' | 'text' | 'binary';
export type ResponseEncoding = 'json' | 'text' | 'binary' | 'none';
/** How a documented response header's text is read. */
export type HeaderKind = 'string' | 'number' | 'boolean' | 'string[]' | 'number[]' | 'boolean[]';

export interface ParameterSpec {
  readonly name: string;
  readonly key: string;
  readonly in: ParameterLocation;
  readonly style: ParameterStyle;
  readonly explode: boolean;
}

export interface OperationSpec {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly constantQuery: ReadonlyArray<readonly [string, string]>;
  readonly parameters: readonly ParameterSpec[];
  readonly body?: { readonly key?: string; readonly encoding: BodyEncoding; readonly contentType: string };
  /** Documented statuses ('200', '2XX', 'default') and how each body is read. */
  readonly responses: Readonly<Record<string, ResponseEncoding>>;
  /** By documented status, the headers it documents and how each is read. */
  readonly headers?: Readonly<Record<string, ReadonlyArray<readonly [string, HeaderKind]>>>;
}

export interface ClientConfig {
  readonly baseUrl: string;
  readonly basePath: string;
  readonly fetch: FetchLike;
  readonly headers: ClientOptions['headers'];
}

/** A resolved call: the status, the decoded body, the documented headers decoded, and the raw response. */
export interface ApiResponse<Status, Data, HeaderValues = NoHeaders> {
  status: Status;
  data: Data;
  /** Every response header, as received. */
  headers: Headers;
  /** The documented headers that were sent, read by their schemas (numbers, booleans, lists). */
  headerValues: HeaderValues;
  response: Response;
}

/** The `headerValues` of a response that documents no headers. */
export type NoHeaders = Record<never, never>;

/** Thrown for every response that is not a documented success; carries what the server said. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly headers: Headers,
    /** The decoded body: JSON where the response is JSON, else text. */
    readonly body: unknown,
    readonly response: Response,
  ) {
    super(`${operation} failed: HTTP ${status}`);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function configure(options: ClientOptions, defaultBaseUrl: string | undefined, basePath: string): ClientConfig {
  const baseUrl = options.baseUrl ?? defaultBaseUrl;
  if (baseUrl === undefined) throw new TypeError('createClient: this API names no host; pass { baseUrl }');
  const fetchImpl = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
  return { baseUrl: baseUrl.replace(/\/+$/, ''), basePath, fetch: fetchImpl, headers: options.headers };
}

/**
 * The client object: one method per operation in the table, each sending its params object.
 * `C` is the generated `Client` interface, which types what this builds from the table.
 */
export function bindClient<C>(config: ClientConfig, operations: Readonly<Record<string, OperationSpec>>): C {
  const methods = {};
  for (const [name, operation] of Object.entries(operations)) {
    // Defined, not assigned, so no method name can reach the prototype (`__proto__`). A plain loop:
    // `Object.fromEntries(….map(…))` cost every type-check of the user's project 30 ms of inference.
    const method = (params: object = {}, options?: RequestOptions) => send(config, operation, params, options);
    Object.defineProperty(methods, name, { value: method, enumerable: true });
  }
  return methods as C;
}

/** An operation's params object, read by parameter key. */
export async function send(config: ClientConfig, operation: OperationSpec, paramsObject: object, options: RequestOptions = {}): Promise<ApiResponse<number, unknown, Record<string, unknown>>> {
  const params = paramsObject as Readonly<Record<string, unknown>>;
  const query: string[] = operation.constantQuery.map(([name, value]) => `${encodeQuery(name)}=${encodeQuery(value)}`);
  const headers = new Headers();
  const shared = typeof config.headers === 'function' ? await config.headers() : config.headers;
  for (const [name, value] of Object.entries(shared ?? {})) headers.set(name, value);
  const cookies: string[] = [];
  let path = operation.path;
  const formFields: Array<[string, unknown]> = [];
  for (const parameter of operation.parameters) {
    const value = params[parameter.key];
    if (value === undefined || value === null) continue;
    switch (parameter.in) {
      case 'path':
        path = path.split(`{${parameter.name}}`).join(pathValue(parameter, value));
        break;
      case 'query':
        query.push(...queryPairs(parameter, value));
        break;
      case 'header':
        headers.set(parameter.name, flatValues(value).join(','));
        break;
      case 'cookie':
        cookies.push(`${parameter.name}=${encodeURIComponent(flatValues(value).join(','))}`);
        break;
      case 'formData':
        formFields.push([parameter.name, formValue(parameter, value)]);
        break;
    }
  }
  if (cookies.length > 0) headers.set('Cookie', cookies.join('; '));
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  const body = operation.body ? encodeBody(operation.body, operation.body.key === undefined ? formFields : params[operation.body.key], headers) : undefined;
  const url = config.baseUrl + config.basePath + path + (query.length > 0 ? '?' + query.join('&') : '');
  const init: RequestInit = { method: operation.method.toUpperCase(), headers };
  if (body !== undefined) init.body = body;
  if (options.signal) init.signal = options.signal;
  const response = await config.fetch(url, init);
  const documented = documentedStatus(operation, response.status);
  const success = documented !== undefined && (documented.startsWith('2') || (documented === 'default' && !hasSuccess(operation) && response.ok));
  const data = await decode(response, documented === undefined ? 'none' : operation.responses[documented]!, operation.method);
  if (!success) throw new ApiError(operation.name, response.status, response.headers, data, response);
  const headerValues = decodeHeaders(response.headers, documented === undefined ? undefined : operation.headers?.[documented]);
  return { status: response.status, data, headers: response.headers, headerValues, response };
}

/** Swagger 2.0 §Header Object (csv by default) and OpenAPI 3's `simple` style: lists are comma-separated. */
function decodeHeaders(headers: Headers, documented: ReadonlyArray<readonly [string, HeaderKind]> | undefined): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, kind] of documented ?? []) {
    const text = headers.get(name);
    if (text === null) continue;
    const scalar = kind.replace('[]', '');
    const decoded = kind.endsWith('[]') ? text.split(',').map((item) => headerScalar(item.trim(), scalar)) : headerScalar(text.trim(), scalar);
    // A value that is not what the spec says (`abc` for a number) is left out; `headers` has the text.
    if (decoded !== undefined && !(Array.isArray(decoded) && decoded.includes(undefined))) values[name] = decoded;
  }
  return values;
}

function headerScalar(text: string, kind: string): string | number | boolean | undefined {
  if (kind === 'number') return text === '' || Number.isNaN(Number(text)) ? undefined : Number(text);
  if (kind === 'boolean') return text === 'true' ? true : text === 'false' ? false : undefined;
  return text;
}

function hasSuccess(operation: OperationSpec): boolean {
  return Object.keys(operation.responses).some((status) => status.startsWith('2'));
}

/** §Responses Object: an exact code wins over a range (`2XX`), which wins over `default`. */
function documentedStatus(operation: OperationSpec, status: number): string | undefined {
  const exact = String(status);
  if (exact in operation.responses) return exact;
  const range = `${exact.charAt(0)}XX`;
  if (range in operation.responses) return range;
  if (`${exact.charAt(0)}xx` in operation.responses) return `${exact.charAt(0)}xx`;
  return 'default' in operation.responses ? 'default' : undefined;
}

async function decode(response: Response, encoding: ResponseEncoding, method: string): Promise<unknown> {
  if (method.toLowerCase() === 'head' || response.status === 204 || response.status === 304) return undefined;
  if (encoding === 'binary') return response.blob();
  const text = await response.text();
  if (encoding === 'text') return text;
  if (text.length === 0) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (encoding === 'json' || /[/+]json\b/i.test(type)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/** RFC 3986 unreserved characters stay; everything else is percent-encoded. */
function encodeQuery(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function scalar(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function flatValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(scalar);
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([k, v]) => [k, scalar(v)]);
  }
  return [scalar(value)];
}

/**
 * A path segment value. `/` is always encoded, so a value never adds a segment. A value that
 * is exactly `.` or `..` cannot be sent at all: URL parsers (fetch's among them) resolve it, and
 * its percent-encoded forms too, to the current or parent folder — another resource.
 */
function pathValue(parameter: ParameterSpec, value: unknown): string {
  const encoded = flatValues(value).map(encodeQuery);
  let segment: string;
  if (parameter.style === 'label') segment = '.' + encoded.join(parameter.explode ? '.' : ',');
  else if (parameter.style === 'matrix') segment = `;${encodeQuery(parameter.name)}=` + encoded.join(',');
  else segment = encoded.join(',');
  if (segment === '.' || segment === '..') throw new TypeError(`path parameter "${parameter.name}" cannot be "${segment}": it would address another resource`);
  return segment;
}

const DELIMITERS: Partial<Record<ParameterStyle, string>> = { spaceDelimited: '%20', pipeDelimited: '|', tabDelimited: '%09' };

/** OpenAPI 3 §Style Values (Swagger 2 collectionFormat lowers to these). */
function queryPairs(parameter: ParameterSpec, value: unknown): string[] {
  const name = encodeQuery(parameter.name);
  if (Array.isArray(value)) {
    const parts = value.map((item) => encodeQuery(scalar(item)));
    if (parameter.explode && parameter.style === 'form') return parts.map((part) => `${name}=${part}`);
    return [`${name}=${parts.join(DELIMITERS[parameter.style] ?? ',')}`];
  }
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && v !== null);
    if (parameter.style === 'deepObject') return entries.map(([k, v]) => `${name}%5B${encodeQuery(k)}%5D=${encodeQuery(scalar(v))}`);
    if (parameter.explode) return entries.map(([k, v]) => `${encodeQuery(k)}=${encodeQuery(scalar(v))}`);
    return [`${name}=${entries.map(([k, v]) => `${encodeQuery(k)},${encodeQuery(scalar(v))}`).join(',')}`];
  }
  return [`${name}=${encodeQuery(scalar(value))}`];
}

/** Swagger 2.0 §Parameter Object: a formData list is one field joined by its collectionFormat, or repeated for `multi`. */
function formValue(parameter: ParameterSpec, value: unknown): unknown {
  if (!Array.isArray(value) || (parameter.explode && parameter.style === 'form') || value.some((item) => item instanceof Blob)) return value;
  return value.map(scalar).join(FORM_DELIMITERS[parameter.style] ?? ',');
}

/** Raw here: URLSearchParams and FormData encode the field themselves. */
const FORM_DELIMITERS: Partial<Record<ParameterStyle, string>> = { spaceDelimited: ' ', pipeDelimited: '|', tabDelimited: '\t' };

function encodeBody(body: NonNullable<OperationSpec['body']>, value: unknown, headers: Headers): BodyInit | undefined {
  if (value === undefined) return undefined;
  const fields = Array.isArray(value) && body.key === undefined ? (value as Array<[string, unknown]>) : typeof value === 'object' && value !== null ? Object.entries(value) : [];
  switch (body.encoding) {
    case 'json':
      headers.set('Content-Type', body.contentType);
      return JSON.stringify(value);
    case 'form': {
      const form = new URLSearchParams();
      for (const [name, field] of fields) for (const item of Array.isArray(field) ? field : [field]) if (item !== undefined && item !== null) form.append(name, scalar(item));
      headers.set('Content-Type', 'application/x-www-form-urlencoded');
      return form;
    }
    case 'multipart': {
      // No Content-Type here: fetch sets it with the multipart boundary.
      const form = new FormData();
      for (const [name, field] of fields) {
        for (const item of Array.isArray(field) ? field : [field]) {
          if (item === undefined || item === null) continue;
          form.append(name, item instanceof Blob ? item : scalar(item));
        }
      }
      return form;
    }
    case 'text':
      headers.set('Content-Type', body.contentType);
      return scalar(value);
    case 'binary':
      headers.set('Content-Type', body.contentType);
      return value instanceof Blob || value instanceof ArrayBuffer || ArrayBuffer.isView(value) || typeof value === 'string' ? (value as BodyInit) : JSON.stringify(value);
  }
}
