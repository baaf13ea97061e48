/**
 * Responses (§Responses Object): whether an operation documents its success, its client errors,
 * and the shape of what it returns — which is what typed bindings are made of.
 */
import type { LintContext, OperationVisit, Rule } from '../types.js';
import { isObject } from '../walker.js';

const label = (node: OperationVisit) => `${node.method.toUpperCase()} ${node.path}`;
const codes = (node: OperationVisit) => (isObject(node.value.responses) ? Object.keys(node.value.responses).filter((key) => !key.startsWith('x-')) : []);

export const operationSuccessResponse: Rule = {
  id: 'operation-success-response',
  severity: 'warning',
  rationale: 'Without a 2xx or 3xx response, nothing says what success looks like.',
  description: 'An operation documents no `2xx` or `3xx` response. openbind then reads `default` (or any 2xx) as the success, with an unknown body.',
  example: 'responses:\n  "404":\n    description: Not found',
  create: (context) => ({
    operation(node) {
      if (!isObject(node.value.responses)) return;
      if (!codes(node).some((code) => /^[23]/.test(code))) context.report(node.place.child('responses'), `${label(node)} documents no 2xx or 3xx response`, { operation: node.operation });
    },
  }),
};

export const operation4xxResponse: Rule = {
  id: 'operation-4xx-response',
  severity: 'info',
  rationale: 'Client errors are part of an operation\'s contract; documented, they get types.',
  description: 'An operation documents no `4xx` response. The client still throws `ApiError` for one, but its body has no type.',
  create: (context) => ({
    operation(node) {
      if (!isObject(node.value.responses)) return;
      if (!codes(node).some((code) => /^4/.test(code))) context.report(node.place.child('responses'), `${label(node)} documents no 4xx response`, { operation: node.operation });
    },
  }),
};

/** Success statuses that carry no body by definition (RFC 9110 §15.3.5, §15.3.6, §15.4.5). */
const NO_BODY = new Set(['204', '205', '304']);

export const responseSchema: Rule = {
  id: 'response-schema',
  severity: 'warning',
  rationale: 'A success response without a schema makes the typed client return `unknown`.',
  description:
    'No success response of the operation (its 2xx responses, or `default` when there is none) has a schema, so the generated client types the result as `unknown`. Not reported for 204/205/304 responses, HEAD and OPTIONS, which have no body by definition.',
  example: 'responses:\n  "200":\n    description: OK',
  create: (context) => ({
    operation(node) {
      if (node.method === 'head' || node.method === 'options' || !isObject(node.value.responses)) return;
      const all = codes(node);
      const success = all.filter((code) => /^2/.test(code));
      const chosen = success.length > 0 ? success : all.filter((code) => code === 'default');
      if (chosen.length === 0 || chosen.some((code) => NO_BODY.has(code))) return;
      const responses = node.place.child('responses');
      if (chosen.some((code) => hasSchema(context, node.value.responses as Record<string, unknown>, code, responses))) return;
      context.report(responses, `${label(node)}: the success response${chosen.length > 1 ? 's' : ''} (${chosen.join(', ')}) ${chosen.length > 1 ? 'have' : 'has'} no schema, so the client types the result as unknown`, { operation: node.operation });
    },
  }),
};

function hasSchema(context: LintContext, responses: Record<string, unknown>, code: string, place: Parameters<LintContext['resolve']>[1]): boolean {
  const response = context.resolve(responses[code], place.child(code));
  if (!response || !isObject(response.value)) return true; // unresolvable: reported elsewhere
  if (response.value.schema !== undefined) return true;
  const content = response.value.content;
  return isObject(content) && Object.values(content).some((media) => isObject(media) && media.schema !== undefined);
}

export const inlineSchema: Rule = {
  id: 'inline-schema',
  severity: 'info',
  rationale: 'An inline object body or response gets a name made from the operation, not one you chose.',
  description:
    'A request body or response whose schema is an inline object (or `allOf`/`oneOf`/`anyOf`) rather than a `$ref`. openbind declares a type for it named after the operation (`<Operation>Request`, `<Operation>Response201`), which changes when the operationId does. A named definition (`definitions` / `components.schemas`) gives it a stable name and lets other operations share it.',
  example: 'responses:\n  "200":\n    schema:\n      type: object\n      properties: …',
  create: (context) => ({
    schema(node) {
      if ((node.role !== 'body' && node.role !== 'response') || node.place.name !== 'schema' || !node.operation) return;
      const schema = node.value;
      const isObjectType = isObject(schema.properties) || ['allOf', 'oneOf', 'anyOf'].some((key) => Array.isArray(schema[key]));
      if (isObjectType) context.report(node.place, `inline ${node.role === 'body' ? 'request body' : 'response'} schema of ${node.operation.method.toUpperCase()} ${node.operation.path}: its type gets a name made from the operation; define it under ${context.version === '2.0' ? 'definitions' : 'components.schemas'} to name it`, { operation: node.operation });
    },
  }),
};
