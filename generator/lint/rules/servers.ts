/**
 * Where the API is served: Swagger 2.0 `host`, `basePath` and `schemes`; OpenAPI 3 `servers`.
 * openbind's client takes its default base URL from them.
 */
import type { Place } from '../place.js';
import type { Rule } from '../types.js';
import { isObject } from '../walker.js';

export const serverDefined: Rule = {
  id: 'server-defined',
  severity: 'info',
  rationale: 'Without a host or servers, every client must be told where the API is.',
  description: 'A Swagger 2.0 document without `host` or `schemes`, or an OpenAPI 3 document without `servers`. openbind\'s `createClient` then requires a `baseUrl` (its type says so); documentation tools show no URL.',
  create: (context) => ({
    document(node) {
      const root = node.value;
      if (context.version === '2.0') {
        if (typeof root.host !== 'string' || root.host.trim() === '') context.report(node.place, 'the document names no host: clients must be given a base URL (createClient({ baseUrl }))');
        if (!Array.isArray(root.schemes) || root.schemes.length === 0) context.report(node.place, 'the document names no schemes: clients guess between http and https');
      } else if (!Array.isArray(root.servers) || root.servers.length === 0) {
        context.report(Array.isArray(root.servers) ? node.place.child('servers') : node.place, 'the document names no servers: clients must be given a base URL (createClient({ baseUrl }))');
      }
    },
  }),
};

export const serverTrailingSlash: Rule = {
  id: 'server-trailing-slash',
  severity: 'warning',
  rationale: 'Paths start with `/`; a base URL ending in `/` makes `//` in every request URL.',
  description: 'A server URL (OpenAPI 3) or `basePath` (Swagger 2.0) ends with `/`, so joining it with a path (which starts with `/`) gives `//`.',
  example: 'servers:\n  - url: https://api.example.org/v1/',
  create: (context) => ({
    document(node) {
      const basePath = node.value.basePath;
      if (context.version === '2.0' && typeof basePath === 'string' && basePath.length > 1 && basePath.endsWith('/')) context.report(node.place.child('basePath'), `basePath "${basePath}" ends with "/"`);
    },
    server(node) {
      const url = node.value.url;
      if (typeof url === 'string' && url.length > 1 && url.endsWith('/')) context.report(node.place.child('url'), `server URL "${url}" ends with "/"`);
    },
  }),
};

export const serverVariables: Rule = {
  id: 'server-variables',
  severity: 'error',
  rationale: 'Each `{variable}` in a server URL needs a definition with a default, or the URL cannot be built.',
  description: 'OpenAPI 3 §Server Object: every `{name}` in a server URL must be defined under `variables` (with a `default`); each defined variable should be used; an `enum` must not be empty and must contain the `default`.',
  example: 'servers:\n  - url: https://{region}.example.org',
  versions: ['3.0', '3.1'],
  create: (context) => ({
    server(node) {
      const url = typeof node.value.url === 'string' ? node.value.url : '';
      const used = new Set([...url.matchAll(/\{([^}]*)\}/g)].map((match) => match[1]!));
      const variables = isObject(node.value.variables) ? node.value.variables : {};
      for (const name of used) if (!(name in variables)) context.report(node.place.child('url'), `server URL variable {${name}} is not defined under variables`);
      for (const [name, variable] of Object.entries(variables)) {
        const place = node.place.child('variables', name);
        if (!used.has(name)) context.report(place, `server variable "${name}" is not used in the URL`);
        if (!isObject(variable)) continue;
        if (Array.isArray(variable.enum) && variable.enum.length === 0) context.report(place.child('enum'), `server variable "${name}" has an empty enum`);
        else if (Array.isArray(variable.enum) && variable.default !== undefined && !variable.enum.includes(variable.default)) context.report(place.child('default'), `server variable "${name}" has a default that is not in its enum`);
      }
    },
  }),
};

const EXAMPLE_HOST = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^/@]*@)?(?:[^/]*\.)?example\.(com|org|net)(?::\d+)?(?:\/|$)/i;

export const serverExample: Rule = {
  id: 'server-example',
  severity: 'info',
  rationale: 'example.com is a placeholder; a client generated from it calls nothing real.',
  description: 'The `host` (Swagger 2.0) or a server URL (OpenAPI 3) is on example.com, example.org or example.net — a placeholder that becomes the generated client\'s default base URL.',
  create: (context) => ({
    document(node) {
      if (context.version === '2.0' && typeof node.value.host === 'string' && EXAMPLE_HOST.test(node.value.host)) context.report(node.place.child('host'), `host "${node.value.host}" is a placeholder`);
    },
    server(node) {
      if (typeof node.value.url === 'string' && EXAMPLE_HOST.test(node.value.url)) context.report(node.place.child('url'), `server URL "${node.value.url}" is a placeholder`);
    },
  }),
};

const LOCAL = /^https?:\/\/(localhost|127\.|\[::1\])/i;

export const httpOnly: Rule = {
  id: 'http-only',
  severity: 'warning',
  rationale: 'An API served only over plain http sends credentials and data in the clear.',
  description: 'Every scheme the document names is `http` (Swagger 2.0 `schemes`, at the top or on an operation) or every server URL is `http://` (OpenAPI 3; local addresses excepted). The generated client then defaults to plain http.',
  example: 'schemes:\n  - http',
  create: (context) => {
    const check = (schemes: unknown, place: Place, operation?: { path: string; method: string }) => {
      if (Array.isArray(schemes) && schemes.length > 0 && schemes.every((scheme) => scheme === 'http' || scheme === 'ws')) {
        context.report(place, `only ${schemes.join(', ')} is offered: requests and credentials travel unencrypted; add https`, operation ? { operation } : undefined);
      }
    };
    return {
      document(node) {
        if (context.version === '2.0') return check(node.value.schemes, node.place.child('schemes'));
        const urls = Array.isArray(node.value.servers) ? node.value.servers.map((server) => (isObject(server) && typeof server.url === 'string' ? server.url : '')) : [];
        if (urls.length > 0 && urls.every((url) => /^http:\/\//i.test(url) && !LOCAL.test(url))) {
          context.report(node.place.child('servers'), 'every server URL is plain http: requests and credentials travel unencrypted; add an https server');
        }
      },
      operation(node) {
        if (context.version === '2.0') check(node.value.schemes, node.place.child('schemes'), node.operation);
      },
    };
  },
};

