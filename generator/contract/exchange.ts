/**
 * One request a generated client made and the response it got, recorded by a `fetch` handed to
 * `createClient`: what reports show ("the request sent and what broke") and what the response
 * checks read. The response is cloned, so the client still reads its own body.
 */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The body as text; form parts and files are described, not dumped. */
  body?: string;
}

export interface RecordedResponse {
  status: number;
  headers: Headers;
  body: Uint8Array;
}

export interface RecordedExchange {
  request?: RecordedRequest;
  response?: RecordedResponse;
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export function recordingFetch(slot: RecordedExchange, extraHeaders: Record<string, string> = {}): FetchLike {
  return async (input, init) => {
    const headers = new Headers(init.headers);
    for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value);
    slot.request = { method: init.method ?? 'GET', url: input, headers: Object.fromEntries([...headerEntries(headers)]), ...describeBody(init.body) };
    const response = await fetch(input, { ...init, headers });
    slot.response = { status: response.status, headers: response.headers, body: new Uint8Array(await response.clone().arrayBuffer()) };
    return response;
  };
}

function headerEntries(headers: Headers): Array<[string, string]> {
  const entries: Array<[string, string]> = [];
  headers.forEach((value, name) => entries.push([name, value]));
  return entries;
}

function describeBody(body: RequestInit['body']): { body?: string } {
  if (body === undefined || body === null) return {};
  if (typeof body === 'string') return { body };
  if (body instanceof URLSearchParams) return { body: body.toString() };
  if (body instanceof FormData) {
    const parts: string[] = [];
    body.forEach((value, name) => parts.push(`${name}=${typeof value === 'string' ? JSON.stringify(value) : `<file ${value.size} bytes>`}`));
    return { body: `multipart/form-data: ${parts.join('; ')}` };
  }
  if (body instanceof Blob) return { body: `<${body.size} bytes>` };
  return { body: '<bytes>' };
}

export function responseText(response: RecordedResponse, limit = 2000): string {
  const text = new TextDecoder().decode(response.body);
  return text.length > limit ? `${text.slice(0, limit)}… (${response.body.length} bytes)` : text;
}
