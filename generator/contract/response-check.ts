/**
 * Whether a server's response is one its operation documents: a documented status (an exact
 * code, else its range `4XX`, else `default`), a Content-Type among the documented media types,
 * a body that parses (JSON) and validates against the schema, and the documented headers —
 * required ones present (OpenAPI 3 `required: true`; Swagger 2.0 says documented headers "are
 * sent with the response", so all of them unless `x-required: false`), present ones valid
 * against their schemas.
 */
import type { ApiContract, OperationContract, ResponseContract } from './operation-contract.js';
import { isJsonMediaType, mediaTypeMatches, parseMediaType } from './media-type.js';
import { coerce, headerValue } from './wire-values.js';

export interface ResponseViolation {
  /** `status`, `content-type`, `body`, `header`. */
  code: string;
  message: string;
  /** JSON pointer into the spec: the responses, the response or its schema. */
  spec: string;
}

export interface ObservedResponse {
  status: number;
  headers: Headers;
  body: Uint8Array;
}

/** §Responses Object: an exact code wins over a range (`2XX`), which wins over `default`. */
export function documentedResponse(operation: OperationContract, status: number): ResponseContract | undefined {
  const exact = String(status);
  const range = `${exact[0]}XX`;
  return (
    operation.responses.find((r) => r.response.status === exact) ??
    operation.responses.find((r) => r.response.status.toUpperCase() === range) ??
    operation.responses.find((r) => r.response.status === 'default')
  );
}

export function checkResponse(contract: ApiContract, operation: OperationContract, method: string, observed: ObservedResponse): ResponseViolation[] {
  const response = documentedResponse(operation, observed.status);
  const responsesPointer = `${operation.operation.pointer}/responses`;
  if (!response) {
    const documented = operation.responses.map((r) => r.response.status).join(', ') || 'none';
    return [{ code: 'status', message: `status ${observed.status} is not documented (documented: ${documented})`, spec: responsesPointer }];
  }
  const spec = response.response.pointer;
  const violations: ResponseViolation[] = [];
  for (const header of response.headers) {
    const text = observed.headers.get(header.name);
    if (text === null) {
      if (header.required) violations.push({ code: 'header', message: `required header ${header.name} is missing`, spec: `${spec}/headers/${header.name}` });
      continue;
    }
    for (const error of contract.validator.validate('response', header.schema, headerValue(header.schema, text, contract.validator.documents.response))) {
      violations.push({ code: 'header', message: `header ${header.name}: ${JSON.stringify(text)}: ${error.message}`, spec: `${spec}/headers/${header.name}` });
    }
  }
  const bodyless = method.toUpperCase() === 'HEAD' || observed.status === 204 || observed.status === 304;
  if (bodyless || response.media.length === 0) return violations;
  const contentType = observed.headers.get('content-type');
  const withSchema = response.media.filter((media) => media.schema !== undefined);
  if (contentType === null) {
    if (observed.body.length > 0 || withSchema.length > 0) violations.push({ code: 'content-type', message: `no Content-Type; the spec documents ${response.media.map((m) => m.type).join(', ')}`, spec });
    return violations;
  }
  const media = response.media.find((entry) => mediaTypeMatches(entry.type, contentType));
  if (!media) {
    violations.push({ code: 'content-type', message: `Content-Type ${contentType} is not documented (documented: ${response.media.map((m) => m.type).join(', ')})`, spec });
    return violations;
  }
  if (!media.schema) return violations;
  const text = new TextDecoder().decode(observed.body);
  let value: unknown;
  if (isJsonMediaType(contentType)) {
    if (text.trim().length === 0) {
      violations.push({ code: 'body', message: 'the body is empty; the spec documents a JSON body', spec });
      return violations;
    }
    try {
      value = JSON.parse(text) as unknown;
    } catch (error) {
      violations.push({ code: 'body', message: `the body is not valid JSON: ${(error as Error).message}`, spec });
      return violations;
    }
  } else if (parseMediaType(contentType).type === 'text' && !parseMediaType(contentType).subtype.includes('xml')) {
    value = coerce(text, media.schema, contract.validator.documents.response);
  } else {
    return violations; // bytes, XML: nothing the JSON Schema says about them can be checked here
  }
  for (const error of contract.validator.validate('response', media.schema, value)) {
    violations.push({ code: 'body', message: `body: ${error.message}`, spec });
  }
  return violations;
}
