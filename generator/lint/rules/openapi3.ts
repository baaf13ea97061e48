/**
 * OpenAPI 3.x only: examples, callbacks, webhooks and component names.
 */
import type { Rule } from '../types.js';

export const exampleValue: Rule = {
  id: 'example-value',
  severity: 'warning',
  rationale: 'An Example Object must hold its example one way: inline `value` or `externalValue`.',
  description: 'OpenAPI 3 §Example Object: `value` and `externalValue` are mutually exclusive, and an example with neither shows nothing.',
  example: 'examples:\n  one:\n    value: 1\n    externalValue: https://example.org/one.json',
  versions: ['3.0', '3.1'],
  create: (context) => ({
    example(node) {
      const hasValue = node.value.value !== undefined;
      const hasExternal = node.value.externalValue !== undefined;
      if (hasValue && hasExternal) context.report(node.place, 'example has both value and externalValue; keep one', { operation: node.operation });
      else if (!hasValue && !hasExternal) context.report(node.place, 'example has neither value nor externalValue', { operation: node.operation });
    },
  }),
};

export const callbackNesting: Rule = {
  id: 'callback-nesting',
  severity: 'warning',
  rationale: 'Callbacks inside callbacks, or servers and callbacks inside webhooks, describe requests no one sends.',
  description: 'A callback\'s operation declares callbacks of its own; or (3.1) a webhook\'s operation declares `callbacks` or `servers` — the API provider makes webhook requests, so they have no server of the API and no callbacks.',
  example: 'callbacks:\n  onEvent:\n    "{$request.body#/url}":\n      post:\n        callbacks: …',
  versions: ['3.0', '3.1'],
  create: (context) => ({
    operation(node) {
      const segments = node.place.pointer.split('/');
      const inCallback = segments.includes('callbacks');
      const inWebhook = node.place.file === context.mainFile && segments[1] === 'webhooks';
      if (inCallback && node.value.callbacks !== undefined) context.report(node.place.child('callbacks'), 'a callback operation declares callbacks of its own', { operation: node.operation });
      if (inWebhook && node.value.callbacks !== undefined) context.report(node.place.child('callbacks'), 'a webhook operation declares callbacks', { operation: node.operation });
      if (inWebhook && node.value.servers !== undefined) context.report(node.place.child('servers'), 'a webhook operation declares servers', { operation: node.operation });
    },
    pathItem(node) {
      if (node.place.file === context.mainFile && node.place.pointer.startsWith('/webhooks/') && node.value.servers !== undefined) context.report(node.place.child('servers'), 'a webhook declares servers');
    },
  }),
};

export const componentName: Rule = {
  id: 'component-name',
  severity: 'error',
  rationale: 'Component names are used in `$ref` URIs and as type names; OpenAPI 3 allows only letters, digits and `.-_`.',
  description: 'OpenAPI 3 §Components Object: every key must match `^[a-zA-Z0-9.\\-_]+$`. A name with spaces or other characters breaks references (which must percent-encode it) and tools that derive type names from it; openbind renames the generated type.',
  example: 'components:\n  schemas:\n    Pet Owner:\n      type: object',
  versions: ['3.0', '3.1'],
  create: (context) => ({
    component(node) {
      if (node.place.file === context.mainFile && !/^[a-zA-Z0-9.\-_]+$/.test(node.name)) context.report(node.place, `${node.kind} name "${node.name}" has characters other than letters, digits and .-_`);
    },
  }),
};
