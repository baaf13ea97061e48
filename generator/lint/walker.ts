/**
 * The one pass: a walker that knows the shape of Swagger 2.0 and OpenAPI 3.x documents and calls,
 * for every node, the visitors that enabled rules registered for its kind. Rules never walk the
 * document themselves. A `$ref` is reported to `reference` visitors where it is written and
 * followed when its target is not walked in place anyway (targets in other files, or outside the
 * main document's components and paths), each target once.
 */
import type { DocumentSet } from './document-set.js';
import type { Place } from './place.js';
import type { Json, OperationRef, SpecVersion, Visit, Visitors } from './types.js';

export type Dispatch = { [K in keyof Visitors]-?: Array<NonNullable<Visitors[K]>> };

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Containers of the main document that the walker goes through in place. */
const WALKED = /^\/(paths|definitions|parameters|responses|components|webhooks)\//;

export class Walker {
  private readonly followed = new Set<string>();

  constructor(
    readonly set: DocumentSet,
    readonly version: SpecVersion,
    private readonly dispatch: Dispatch,
    private readonly onCrash: (error: unknown, place: Place) => void,
  ) {}

  emit<K extends keyof Visitors>(kind: K, node: Parameters<NonNullable<Visitors[K]>>[0]): void {
    for (const visitor of this.dispatch[kind]) {
      try {
        (visitor as (node: unknown) => void)(node);
      } catch (error) {
        this.onCrash(error, (node as Visit).place);
      }
    }
  }

  /**
   * A value where the specification allows a Reference Object: the node to walk here — the value
   * itself, the target of a reference that is not walked elsewhere, or nothing.
   */
  deref(value: unknown, place: Place, operation: OperationRef | undefined, inSchema = false, depth = 0): Visit | undefined {
    if (!isObject(value)) return undefined;
    const ref = value.$ref;
    if (typeof ref !== 'string') return { value, place, operation };
    const resolved = this.set.resolve(ref, place.file);
    this.emit('reference', { value, place, operation, ref, target: resolved.target, problem: resolved.problem, inSchema });
    const target = resolved.target;
    if (!target || depth > 20) return undefined;
    if (target.place.file === this.set.mainFile && WALKED.test(target.place.pointer + '/')) return undefined;
    const key = `${target.place.file}#${target.place.pointer}`;
    if (this.followed.has(key)) return undefined;
    this.followed.add(key);
    return this.deref(target.value, target.place, operation, inSchema, depth + 1);
  }

  /** Calls `each` for every entry of a map (skipping `x-` extensions). */
  entries(map: unknown, place: Place, each: (key: string, value: unknown, place: Place) => void): void {
    if (!isObject(map)) return;
    for (const key in map) if (!key.startsWith('x-')) each(key, map[key], place.child(key));
  }

  /** Calls `each` for every item of a list. */
  items(list: unknown, place: Place, each: (value: unknown, place: Place, index: number) => void): void {
    if (!Array.isArray(list)) return;
    for (let index = 0; index < list.length; index++) each(list[index], place.child(index), index);
  }
}
