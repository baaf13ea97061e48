/**
 * Security (Swagger 2.0 §Security Definitions, OpenAPI 3 §Security Scheme Object): how clients
 * authenticate, declared once and required per operation or for the whole API.
 */
import type { Place } from '../place.js';
import type { Json, LintContext, OperationRef, Rule } from '../types.js';
import { isObject } from '../walker.js';

function schemes(context: LintContext): Json {
  const root = context.root;
  const found = context.version === '2.0' ? root.securityDefinitions : isObject(root.components) ? root.components.securitySchemes : undefined;
  return isObject(found) ? found : {};
}

export const securityDefined: Rule = {
  id: 'security-defined',
  severity: 'warning',
  rationale: 'Without declared security, clients cannot know how to authenticate — or whether the API is public.',
  description:
    'The document declares no security scheme (`securityDefinitions` / `components.securitySchemes`): reported once, at the top. Where schemes are declared, each operation without a `security` requirement (its own or the top-level one) is reported; `security: []` says an operation is public on purpose.',
  create: (context) => {
    const declared = Object.keys(schemes(context));
    const global = context.root.security;
    return {
      document(node) {
        if (declared.length === 0 && global === undefined) context.report(node.place, `the document declares no security scheme: clients learn nothing of how to authenticate (declare ${context.version === '2.0' ? 'securityDefinitions' : 'components.securitySchemes'}, or security: [] if the API is public)`);
      },
      operation(node) {
        if (declared.length > 0 && global === undefined && node.value.security === undefined) context.report(node.place, `${node.method.toUpperCase()} ${node.path} has no security requirement (add one, or security: [] if it is public)`, { operation: node.operation });
      },
    };
  },
};

export const securitySchemeDefined: Rule = {
  id: 'security-scheme-defined',
  severity: 'error',
  rationale: 'A security requirement naming an undeclared scheme or scope cannot be satisfied.',
  description: 'A `security` requirement (top-level or on an operation) names a scheme that is not declared, or an OAuth2 scope its scheme does not list.',
  example: 'security:\n  - api_key: []\nsecurityDefinitions: {}',
  create: (context) => {
    const declared = schemes(context);
    const check = (requirements: unknown, place: Place, operation?: OperationRef) => {
      if (!Array.isArray(requirements)) return;
      requirements.forEach((requirement, index) => {
        if (!isObject(requirement)) return;
        for (const [name, scopes] of Object.entries(requirement)) {
          const at = place.child(index, name);
          const scheme = declared[name];
          if (!isObject(scheme)) {
            context.report(at, `security scheme "${name}" is not declared`, operation ? { operation } : undefined);
            continue;
          }
          const known = knownScopes(scheme);
          if (!known || !Array.isArray(scopes)) continue;
          scopes.forEach((scope, scopeIndex) => {
            if (typeof scope === 'string' && !known.has(scope)) context.report(at.child(scopeIndex), `scope "${scope}" is not declared by security scheme "${name}"`, operation ? { operation } : undefined);
          });
        }
      });
    };
    return {
      document: (node) => check(node.value.security, node.place.child('security')),
      operation: (node) => check(node.value.security, node.place.child('security'), node.operation),
    };
  },
};

/** The scopes an OAuth2 scheme declares; undefined for other schemes, whose scopes are free-form roles (3.1). */
function knownScopes(scheme: Json): Set<string> | undefined {
  if (scheme.type !== 'oauth2') return undefined;
  const lists = isObject(scheme.flows) ? Object.values(scheme.flows).map((flow) => (isObject(flow) ? flow.scopes : undefined)) : [scheme.scopes];
  return new Set(lists.flatMap((scopes) => (isObject(scopes) ? Object.keys(scopes) : [])));
}
