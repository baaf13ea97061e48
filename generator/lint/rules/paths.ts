/**
 * Path keys (Swagger 2.0 §Paths Object, OpenAPI §Paths Object): a relative path starting with `/`,
 * with `{name}` templates and nothing else — no query string, no fragment.
 */
import type { Place } from '../place.js';
import type { Rule } from '../types.js';
import { isObject } from '../walker.js';

export const pathQuery: Rule = {
  id: 'path-query',
  severity: 'warning',
  rationale: 'A query string or fragment in a path key is not a path; only openbind sends it as written.',
  description:
    'Path keys like `/?Action=GetDownloadUrlForLayer` (AWS query APIs, as catalogues publish them) or `/pets#list` carry a query string or fragment. The specifications define path keys as paths, so other generators build wrong URLs from them. openbind sends the query as constant query parameters, first, and drops the fragment. The portable form: the plain path, with the constant as a required query parameter whose `enum` has the one value.',
  example: 'paths:\n  /?Action=GetDownloadUrlForLayer:\n    get: …',
  create: (context) => ({
    pathItem({ path, place }) {
      const query = path.indexOf('?');
      const hash = path.indexOf('#');
      if (query < 0 && hash < 0) return;
      if (query >= 0 && (hash < 0 || query < hash)) {
        const queryText = path.slice(query + 1).split('#')[0]!;
        const constants = queryText.split('&').filter(Boolean).map((pair) => `${pair.split('=')[0]} (enum: [${pair.split('=').slice(1).join('=')}])`);
        context.report(place, `path "${path}" carries the query string "?${queryText}": openbind sends it as constant query parameters, first; other tools take path keys as plain paths and build wrong URLs. Portable form, where no other operation needs the same method on "${path.slice(0, query) || '/'}": that path with required query parameter${constants.length > 1 ? 's' : ''} ${constants.join(', ')}`);
      } else {
        context.report(place, `path "${path}" carries the fragment "${path.slice(hash)}", which is never sent to a server: openbind drops it; use distinct paths or parameters instead`);
      }
    },
  }),
};

export const pathTrailingSlash: Rule = {
  id: 'path-trailing-slash',
  severity: 'warning',
  rationale: 'Servers often treat `/pets/` and `/pets` as different resources.',
  description: 'A path key ending in `/` (other than `/` itself) usually means the same resource as without it; many servers redirect or answer 404 for one of the two.',
  example: 'paths:\n  /pets/:\n    get: …',
  create: (context) => ({
    pathItem({ path, place }) {
      const bare = path.split(/[?#]/)[0]!;
      if (bare.length > 1 && bare.endsWith('/')) context.report(place, `path "${path}" ends with "/"`);
    },
  }),
};

export const pathDeclarationEmpty: Rule = {
  id: 'path-declaration-empty',
  severity: 'error',
  rationale: 'An empty `{}` in a path names no parameter, so no value can fill it.',
  description: 'A path template `{}` has no parameter name: no parameter can be declared for it and no client can fill it.',
  example: 'paths:\n  /pets/{}:\n    get: …',
  create: (context) => ({
    pathItem({ path, place }) {
      if (/\{\s*\}/.test(path)) context.report(place, `path "${path}" has an empty template "{}"`);
    },
  }),
};

/** `/a/{x}/b` → ['a', '{}', 'b'], templates blanked, for comparing paths. */
function shape(path: string): string[] {
  return path.split(/[?#]/)[0]!.replace(/^\/+|\/+$/g, '').split('/').map((segment) => segment.replace(/\{[^}]*\}/g, '{}'));
}

export const pathIdentical: Rule = {
  id: 'path-identical',
  severity: 'error',
  rationale: '`/pets/{id}` and `/pets/{name}` are the same URL pattern; a server cannot tell them apart.',
  description: 'Two path keys that differ only in the names of their templates match exactly the same URLs, so one of them can never be reached. (Path keys that differ only by a query string, as in AWS query APIs, are distinct for openbind and not reported.)',
  example: 'paths:\n  /pets/{id}: …\n  /pets/{name}: …',
  create: (context) => {
    const seen = new Map<string, string>();
    return {
      pathItem({ path, place }) {
        if (/[?#]/.test(path)) return;
        const key = shape(path).join('/');
        const first = seen.get(key);
        if (first === undefined) seen.set(key, path);
        else if (first !== path) context.report(place, `path "${path}" matches the same URLs as "${first}"`);
      },
    };
  },
};

export const pathAmbiguous: Rule = {
  id: 'path-ambiguous',
  severity: 'warning',
  rationale: 'When two templates can match one URL and neither is more specific, routing depends on the server.',
  description:
    'Two path keys are ambiguous when some URL matches both and neither is more specific everywhere: `/{entity}/me` and `/users/{id}` both match `/users/me`. The specifications say concrete segments win, but here each path has a concrete segment where the other has a template.',
  example: 'paths:\n  /{entity}/me: …\n  /users/{id}: …',
  create: (context) => {
    const byLength = new Map<number, Array<{ path: string; segments: string[] }>>();
    return {
      pathItem({ path, place }) {
        if (/[?#]/.test(path)) return;
        const segments = shape(path);
        const others = byLength.get(segments.length) ?? [];
        for (const other of others) {
          if (ambiguous(segments, other.segments)) {
            context.report(place, `path "${path}" and "${other.path}" can both match one URL, and neither is more specific`);
            break;
          }
        }
        others.push({ path, segments });
        byLength.set(segments.length, others);
      },
    };
  },
};

function ambiguous(a: string[], b: string[]): boolean {
  let aMoreGeneral = false;
  let bMoreGeneral = false;
  for (let i = 0; i < a.length; i++) {
    const aTemplate = a[i]!.includes('{}');
    const bTemplate = b[i]!.includes('{}');
    if (!aTemplate && !bTemplate && a[i] !== b[i]) return false;
    if (aTemplate && !bTemplate) aMoreGeneral = true;
    if (bTemplate && !aTemplate) bMoreGeneral = true;
  }
  return aMoreGeneral && bMoreGeneral;
}

export const pathParams: Rule = {
  id: 'path-params',
  severity: 'error',
  rationale: 'Every `{name}` in a path needs a path parameter, and every path parameter a `{name}`.',
  description:
    'Each template in a path key must be declared as an `in: path` parameter (at the path or the operation), and each declared path parameter must appear in the path; a template may appear only once. openbind reads an undeclared template as a required string, but the declaration is what documents it.',
  example: 'paths:\n  /pets/{petId}:\n    get:\n      parameters: []',
  create: (context) => {
    const reported = new Set<string>();
    return {
    operation({ path, method, value, place, pathItem, operation }) {
      const templates = [...path.split(/[?#]/)[0]!.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
      const declared = new Map<string, Place>();
      const collect = (list: unknown, listPlace: typeof place) => {
        if (!Array.isArray(list)) return;
        list.forEach((entry, index) => {
          const parameter = context.resolve(entry, listPlace.child(index));
          if (parameter && isObject(parameter.value) && parameter.value.in === 'path' && typeof parameter.value.name === 'string') {
            declared.set(parameter.value.name, listPlace.child(index));
          }
        });
      };
      collect(pathItem.value.parameters, pathItem.place.child('parameters'));
      collect(value.parameters, place.child('parameters'));
      const seen = new Set<string>();
      for (const name of templates) {
        if (seen.has(name)) context.report(place, `${method.toUpperCase()} ${path}: template {${name}} appears more than once in the path`, { operation });
        seen.add(name);
        if (!declared.has(name)) context.report(place, `${method.toUpperCase()} ${path}: template {${name}} has no path parameter declared`, { operation });
      }
      for (const [name, at] of declared) {
        if (seen.has(name) || reported.has(at.pointer)) continue;
        reported.add(at.pointer);
        context.report(at, `path parameter "${name}" does not appear in path "${path}"`, { operation });
      }
    },
    };
  },
};
