/**
 * The mock's answer to a valid request: a documented response (the first 2xx, else `2XX`, else
 * `default`, else the first; `Prefer: code=404` picks another documented one), in a documented
 * media type (the first the request's Accept allows), with a body generated from its schema and
 * checked against it, and every documented header set. Deterministic: the data comes from
 * fast-check seeded with a hash of the mock's seed and the request, so the same seed and the
 * same request give the same bytes.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { bodyEncoding } from '../ir/draft.js';
import type { ApiContract, MediaContract, OperationContract, ResponseContract } from './operation-contract.js';
import { concreteMediaType, mediaTypeMatches, parseMediaType } from './media-type.js';
import { schemaArbitrary } from './schema-arbitrary.js';
import type { Json } from './schema-document.js';

export interface MockAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export type AnswerResult = { ok: true; answer: MockAnswer } | { ok: false; detail: string; spec: string };

export function requestSeed(seed: number, method: string, url: string, body: Buffer): number {
  const digest = createHash('sha256').update(`${seed}\0${method}\0${url}\0`).update(body).digest();
  return digest.readInt32LE(0);
}

export function chooseResponse(operation: OperationContract, prefer: string | undefined): ResponseContract | undefined {
  const responses = operation.responses;
  const wanted = /\bcode=(\d{3})\b/.exec(prefer ?? '')?.[1];
  if (wanted) {
    const exact = responses.find((r) => r.response.status === wanted) ?? responses.find((r) => r.response.status.toUpperCase() === `${wanted[0]}XX`);
    if (exact) return exact;
  }
  return (
    responses.find((r) => /^2\d\d$/.test(r.response.status)) ??
    responses.find((r) => r.response.status.toUpperCase() === '2XX') ??
    responses.find((r) => r.response.status === 'default') ??
    responses[0]
  );
}

function statusCode(status: string, preferred: string | undefined): number {
  if (/^\d{3}$/.test(status)) return Number(status);
  if (/^[1-5]XX$/i.test(status)) return preferred && preferred[0] === status[0] ? Number(preferred) : Number(status[0]) * 100;
  return 200;
}

function chooseMedia(response: ResponseContract, accept: string | undefined): MediaContract | undefined {
  if (response.media.length === 0) return undefined;
  const accepted = (accept ?? '').split(',').map((part) => part.trim()).filter((part) => part.length > 0);
  const acceptable = (media: MediaContract) => accepted.length === 0 || accepted.some((range) => mediaTypeMatches(range, concreteMediaType(media.type)));
  const preferred = response.media.find((media) => media.type === response.response.contentType);
  return [preferred, ...response.media].find((media): media is MediaContract => media !== undefined && acceptable(media)) ?? preferred ?? response.media[0];
}

export function mockAnswer(contract: ApiContract, operation: OperationContract, request: { method: string; headers: Record<string, string | string[] | undefined> }, seed: number): AnswerResult {
  const prefer = headerText(request.headers.prefer);
  const response = chooseResponse(operation, prefer);
  // An operation that documents no response: any 2xx is its success (ir/ lowering), so 200 with no body.
  if (!response) return { ok: true, answer: { status: 200, headers: {}, body: Buffer.alloc(0) } };
  const status = statusCode(response.response.status, /\bcode=(\d{3})\b/.exec(prefer ?? '')?.[1]);
  const headers: Record<string, string> = {};
  for (const [index, header] of response.headers.entries()) {
    const value = generate(contract, header.schema, seed + index + 1, 'header');
    if (value.ok && value.value !== undefined && value.value !== null) headers[header.name] = Array.isArray(value.value) ? value.value.map(String).join(',') : String(value.value);
  }
  const media = chooseMedia(response, headerText(request.headers.accept));
  const noBody = request.method === 'HEAD' || status === 204 || status === 304;
  if (!media || noBody) return { ok: true, answer: { status, headers, body: Buffer.alloc(0) } };
  const contentType = concreteMediaType(media.type);
  headers['content-type'] = contentType;
  if (!media.schema) return { ok: true, answer: { status, headers, body: Buffer.alloc(0) } };
  const encoding = bodyEncoding(contentType);
  const generated = generate(contract, media.schema, seed, encoding === 'binary' ? 'binary' : 'json');
  if (!generated.ok) return { ok: false, detail: generated.detail, spec: response.response.pointer };
  return { ok: true, answer: { status, headers, body: encodeBody(generated.value, contentType) } };
}

type Generated = { ok: true; value: unknown } | { ok: false; detail: string };

/** A value of the schema that validates, from the first few fast-check samples for this seed. */
function generate(contract: ApiContract, schema: Json, seed: number, part: 'json' | 'header' | 'binary'): Generated {
  const arbitrary = schemaArbitrary(schema, { document: contract.validator.documents.response, direction: 'response', binary: part === 'binary' ? 'blob' : 'string', text: part === 'header' ? 'header' : 'any' });
  if (!arbitrary) return { ok: false, detail: 'the response schema admits no finite value' };
  if (part === 'binary') {
    return { ok: true, value: fc.sample(fc.uint8Array({ minLength: 1, maxLength: 64 }), { seed, numRuns: 1 })[0] };
  }
  let firstErrors = '';
  for (const value of fc.sample(arbitrary, { seed, numRuns: 25 })) {
    const errors = contract.validator.validate('response', schema, value);
    if (errors.length === 0) return { ok: true, value };
    firstErrors ||= errors.map((error) => error.message).join('; ');
  }
  return { ok: false, detail: `no generated value validated against the response schema (${firstErrors})` };
}

function encodeBody(value: unknown, contentType: string): Buffer {
  if (value instanceof Uint8Array) return Buffer.from(value);
  const { essence, subtype } = parseMediaType(contentType);
  if (essence.startsWith('text/') && !subtype.includes('xml') && typeof value === 'string') return Buffer.from(value, 'utf8');
  if (subtype === 'xml' || subtype.endsWith('+xml')) return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${xml('value', value)}`, 'utf8');
  return Buffer.from(JSON.stringify(value) ?? 'null', 'utf8');
}

/** A plain XML rendering, one element per property or item; enough for a client that reads XML as text. */
function xml(name: string, value: unknown): string {
  const tag = /^[A-Za-z_][\w.-]*$/.test(name) ? name : 'item';
  if (Array.isArray(value)) return value.map((item) => xml(tag, item)).join('');
  if (value !== null && typeof value === 'object') return `<${tag}>${Object.entries(value).map(([key, item]) => xml(key, item)).join('')}</${tag}>`;
  return `<${tag}>${String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</${tag}>`;
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}
