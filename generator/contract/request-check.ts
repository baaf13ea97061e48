/**
 * Everything a request does that its operation does not allow: a missing required parameter,
 * a value its schema rejects (path, query, header, cookie), an undeclared query parameter, a
 * body of a media type the operation does not consume, a body that is not JSON or that its
 * schema rejects, form fields (urlencoded or multipart) their schemas reject. Each violation
 * says where in the request it is and which place in the spec it breaks.
 */
import type { ApiContract, OperationContract, ParameterContract } from './operation-contract.js';
import { mediaTypeMatches, parseMediaType } from './media-type.js';
import { coerce, decodeText, headerValue, pathValue, queryValue, type RawPairs, schemaTypes, subSchema } from './wire-values.js';
import type { Json } from './schema-document.js';
import { pathPlaceholders } from '../ir/route.js';

export interface Violation {
  /** Where in the request: `path`, `query`, `header`, `cookie`, `body`, `content-type`. */
  in: string;
  /** The parameter or field name, where there is one. */
  name?: string;
  /** JSON pointer into the value (the body, or the parameter's value). */
  pointer: string;
  message: string;
  /** JSON pointer into the spec document: the parameter, body or schema broken. */
  spec: string;
}

export interface RequestParts {
  method: string;
  pathValues: Map<string, string>;
  query: RawPairs;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export async function checkRequest(contract: ApiContract, operation: OperationContract, request: RequestParts): Promise<Violation[]> {
  const violations: Violation[] = [];
  const document = contract.validator.documents.request;
  const cookies = parseCookies(headerText(request.headers.cookie));
  const check = (entry: ParameterContract, value: unknown) => {
    const { parameter } = entry;
    for (const error of contract.validator.validate('request', entry.schema, value)) {
      violations.push({ in: parameter.in, name: parameter.name, pointer: error.pointer, message: `${parameter.in} parameter "${parameter.name}": ${error.message}`, spec: parameter.pointer });
    }
  };
  for (const entry of operation.parameters) {
    const { parameter } = entry;
    let value: unknown;
    switch (parameter.in) {
      case 'path': {
        // A path parameter the template has no placeholder for can never be sent (a spec defect).
        if (!request.pathValues.has(parameter.name) && !pathPlaceholders(operation.operation.path).includes(parameter.name)) continue;
        const raw = request.pathValues.get(parameter.name);
        value = raw === undefined ? undefined : pathValue(parameter, entry.schema, raw, document);
        break;
      }
      case 'query': {
        const found = queryValue(parameter, entry.schema, request.query, document);
        if (found && found.count > 1) violations.push({ in: 'query', name: parameter.name, pointer: '', message: `query parameter "${parameter.name}" is sent ${found.count} times; it takes one value`, spec: parameter.pointer });
        value = found?.value;
        break;
      }
      case 'header': {
        const text = headerText(request.headers[parameter.name.toLowerCase()]);
        value = text === undefined ? undefined : headerValue(entry.schema, text, document);
        break;
      }
      case 'cookie': {
        const text = cookies.get(parameter.name);
        value = text === undefined ? undefined : headerValue(entry.schema, text, document);
        break;
      }
      case 'formData':
        continue; // checked with the body
    }
    if (value === undefined) {
      if (parameter.required) violations.push({ in: parameter.in, name: parameter.name, pointer: '', message: `required ${parameter.in} parameter "${parameter.name}" is missing`, spec: parameter.pointer });
      continue;
    }
    check(entry, value);
  }
  violations.push(...undeclaredQuery(operation, request.query, document));
  violations.push(...(await checkBody(contract, operation, request)));
  return violations;
}

/** A query parameter the operation does not declare: a misspelt name the server would ignore. */
function undeclaredQuery(operation: OperationContract, query: RawPairs, document: Json): Violation[] {
  const declared = new Set([...operation.operation.constantQuery.map((pair) => pair.name)]);
  let open = false;
  for (const { parameter, schema } of operation.parameters) {
    if (parameter.in !== 'query') continue;
    declared.add(parameter.name);
    if (schemaTypes(schema, document).has('object')) {
      if (parameter.style === 'form' && parameter.explode) open = true; // its properties are bare names
    }
  }
  if (open) return [];
  const names = [...new Set(query.map(([name]) => name))].filter((name) => !declared.has(name) && !declared.has(name.replace(/\[.*$/, '')));
  return names.map((name) => ({ in: 'query', name, pointer: '', message: `query parameter "${name}" is not declared by the operation`, spec: operation.operation.pointer }));
}

async function checkBody(contract: ApiContract, operation: OperationContract, request: RequestParts): Promise<Violation[]> {
  const body = operation.body;
  if (!body) return [];
  const spec = body.body.pointer;
  const contentType = headerText(request.headers['content-type']);
  if (request.body.length === 0 && contentType === undefined) {
    return body.body.required ? [{ in: 'body', pointer: '', message: 'the request body is required', spec }] : [];
  }
  if (contentType === undefined) return [{ in: 'content-type', pointer: '', message: `a request body needs a Content-Type; the operation consumes ${body.media.map((m) => m.type).join(', ')}`, spec }];
  const media = body.media.find((entry) => mediaTypeMatches(entry.type, contentType));
  if (!media) return [{ in: 'content-type', pointer: '', message: `Content-Type ${contentType} is not one the operation consumes (${body.media.map((m) => m.type).join(', ')})`, spec }];
  const type = parseMediaType(contentType).essence;
  let value: unknown;
  if (type === 'application/json' || type.endsWith('+json')) {
    try {
      value = JSON.parse(request.body.toString('utf8')) as unknown;
    } catch (error) {
      return [{ in: 'body', pointer: '', message: `the body is not JSON: ${(error as Error).message}`, spec }];
    }
  } else if (type === 'application/x-www-form-urlencoded' || type.startsWith('multipart/')) {
    const fields = await formFields(request.body, contentType);
    if (!fields) return [{ in: 'body', pointer: '', message: `the body is not ${type}`, spec }];
    value = formObject(fields, media.schema, contract.validator.documents.request, body.fields);
  } else if (type.startsWith('text/')) {
    value = request.body.toString('utf8');
  } else {
    return []; // bytes: nothing a JSON Schema can say about them
  }
  if (!media.schema) return [];
  return contract.validator.validate('request', media.schema, value).map((error) => {
    // In a form, the first pointer segment is the field: name it, and its formData parameter.
    const field = value !== null && typeof value === 'object' && !Array.isArray(value) && (type.startsWith('multipart/') || type.endsWith('x-www-form-urlencoded')) ? error.pointer.split('/')[1] : undefined;
    const fromField = body.fields.find((entry) => entry.parameter.name === field);
    return { in: 'body', ...(field ? { name: field } : {}), pointer: error.pointer, message: `body: ${error.message}`, spec: fromField?.parameter.pointer ?? spec };
  });
}

/** Form fields, urlencoded or multipart (parsed by the platform's own `Response.formData`). */
async function formFields(body: Buffer, contentType: string): Promise<Array<[string, string]> | undefined> {
  if (parseMediaType(contentType).essence === 'application/x-www-form-urlencoded') {
    return body.toString('utf8').split('&').filter((pair) => pair.length > 0).map((pair) => {
      const at = pair.indexOf('=');
      return at >= 0 ? [decodeText(pair.slice(0, at)), decodeText(pair.slice(at + 1))] : [decodeText(pair), ''];
    });
  }
  try {
    const form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
    const fields: Array<[string, string]> = [];
    const entries: Array<[string, FormDataEntryValue]> = [];
    form.forEach((entry, name) => entries.push([name, entry]));
    for (const [name, entry] of entries) fields.push([name, typeof entry === 'string' ? entry : await entry.text()]);
    return fields;
  } catch {
    return undefined;
  }
}

/** Fields as one object: repeated names and delimited values make arrays, each text coerced by its schema. */
function formObject(fields: Array<[string, string]>, schema: unknown, document: Json, formParameters: ParameterContract[]): Json {
  const object: Json = {};
  for (const name of new Set(fields.map(([field]) => field))) {
    const texts = fields.filter(([field]) => field === name).map(([, text]) => text);
    const fieldSchema = formParameters.find((entry) => entry.parameter.name === name)?.schema ?? subSchema(schema, document, { property: name });
    const types = schemaTypes(fieldSchema, document);
    if (types.has('array')) {
      const items = subSchema(fieldSchema, document, 'items');
      const parameter = formParameters.find((entry) => entry.parameter.name === name)?.parameter;
      const delimiter = parameter && !parameter.explode ? ({ spaceDelimited: ' ', pipeDelimited: '|', tabDelimited: '\t' } as Record<string, string>)[parameter.style] ?? ',' : undefined;
      // Repeated fields are the items; one field with a delimiter is split (collectionFormat).
      const parts = texts.length === 1 && delimiter !== undefined ? texts[0]!.split(delimiter) : texts;
      object[name] = parts.map((text) => coerce(text, items, document));
    } else {
      object[name] = coerce(texts[texts.length - 1]!, fieldSchema, document);
    }
  }
  return object;
}

export function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) cookies.set(part.slice(0, at).trim(), decodeText(part.slice(at + 1).trim()));
  }
  return cookies;
}
