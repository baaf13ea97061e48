/**
 * Which operation a request is for, from the IR's routing facts (method, path template, the
 * path key's constant query), so the mock routes exactly what the generated client sends:
 * - a path key's query selects the operation (`/?Action=Feed` and `/?Action=Walk` share `/`);
 * - a fragment key (`/#CreateTable`) is never sent, so several operations can share one wire
 *   route; they are tied, and the caller picks among them by the request itself;
 * - the most specific match wins: more literal characters (`/pets/mine` over `/pets/{petId}`),
 *   then more constant query pairs, then spec order — a deterministic rule.
 */
import type { ApiContract, OperationContract } from './operation-contract.js';

export interface RouteMatch {
  contract: OperationContract;
  /** Raw (still percent-encoded) values of the path template's placeholders, by name. */
  pathValues: Map<string, string>;
}

export type RouteResult =
  | { kind: 'found'; candidates: RouteMatch[] }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'no-route' };

interface Route {
  contract: OperationContract;
  pattern: RegExp;
  names: string[];
  literalLength: number;
  index: number;
}

export class RouteTable {
  private readonly routes: Route[];
  private readonly basePath: string;

  constructor(contract: ApiContract) {
    this.basePath = contract.api.basePath;
    this.routes = contract.operations.map((operation, index) => {
      const path = operation.operation.path;
      const names = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
      const literals = path.split(/\{[^}]+\}/);
      const pattern = new RegExp(`^${literals.map((literal) => escapeRegExp(wireLiteral(literal))).join('([^/]+)')}$`);
      return { contract: operation, pattern, names, literalLength: literals.join('').length, index };
    });
  }

  match(method: string, rawPath: string, query: ReadonlyArray<[string, string]>): RouteResult {
    if (!rawPath.startsWith(this.basePath)) return { kind: 'no-route' };
    const path = rawPath.slice(this.basePath.length) || '/';
    const onPath = this.routes.flatMap((route) => {
      const match = route.pattern.exec(path);
      if (!match) return [];
      const selected = route.contract.operation.constantQuery.every((pair) => query.some(([name, value]) => name === pair.name && value === pair.value));
      return selected ? [{ route, match }] : [];
    });
    if (onPath.length === 0) return { kind: 'no-route' };
    const forMethod = onPath.filter(({ route }) => route.contract.operation.method === method.toLowerCase());
    if (forMethod.length === 0) {
      return { kind: 'method-not-allowed', allowed: [...new Set(onPath.map(({ route }) => route.contract.operation.method.toUpperCase()))] };
    }
    forMethod.sort((a, b) => rank(b.route) - rank(a.route) || a.route.index - b.route.index);
    const best = rank(forMethod[0]!.route);
    const candidates = forMethod
      .filter(({ route }) => rank(route) === best)
      .map(({ route, match }) => ({ contract: route.contract, pathValues: new Map(route.names.map((name, index) => [name, match[index + 1]!])) }));
    return { kind: 'found', candidates };
  }
}

/** Literal characters first, then constant query pairs: `/pets/mine` beats `/pets/{petId}`. */
function rank(route: Route): number {
  return route.literalLength * 100 + route.contract.operation.constantQuery.length;
}

/**
 * A literal path part as it arrives: the URL parser `fetch` uses percent-encodes the WHATWG URL
 * path percent-encode set (controls, space, `"`, `#`, `<`, `>`, `?`, backtick, `{`, `}`) and
 * non-ASCII, and leaves the rest (`|`, `(`, `'`) as written.
 */
function wireLiteral(literal: string): string {
  return literal.replace(/[\u0000-\u0020"#<>?`{}\u007f]|[^\u0000-\u007f]+/gu, (text) => encodeURIComponent(text));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
