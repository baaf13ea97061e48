/**
 * Identifiers from spec text. Wire names are never changed; these names are only what the
 * generated TypeScript calls things. Collisions are settled by sorting the colliding items by
 * their place in the spec (a stable key), never by the order they were visited in.
 */

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'as implements interface let package private protected public static yield any boolean constructor declare get ' +
    'module require number set string symbol type from of unknown never object undefined bigint async await infer keyof readonly unique satisfies'
  ).split(' '),
);

/**
 * Global names the emitted code refers to, or that readers expect to mean the global:
 * a spec type with one of these names gets a `Model` suffix (`Error` → `ErrorModel`).
 */
const GLOBAL_TYPES = new Set(
  (
    'Array Blob Boolean Date Error File FormData Function Headers Map Number Object Omit Partial Pick Promise ' +
    'ReadonlyArray Readonly Record Request RequestInit Response Set String Symbol URL URLSearchParams ArrayBuffer JSON Math'
  ).split(' '),
);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function isIdentifier(text: string): boolean {
  return IDENTIFIER.test(text) && !RESERVED.has(text);
}

/** Words of a name: split on anything that is not a letter or digit, and at lower→Upper steps. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0);
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function pascalCase(text: string): string {
  if (IDENTIFIER.test(text) && !text.includes('_') && !text.includes('$')) return capitalise(text);
  return words(text).map(capitalise).join('');
}

export function camelCase(text: string): string {
  const pascal = pascalCase(text);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

/** A usable identifier however odd the text: leading digits and reserved words get an underscore. */
function guard(identifier: string, fallback: string): string {
  let name = identifier.length > 0 ? identifier : fallback;
  if (/^[0-9]/.test(name)) name = '_' + name;
  if (RESERVED.has(name)) name = name + '_';
  return name;
}

/** A type name for a spec schema name: kept as written when it is an identifier. */
export function typeNameFor(specName: string): string {
  const name = guard(IDENTIFIER.test(specName) ? capitalise(specName) : pascalCase(specName), 'Schema');
  return GLOBAL_TYPES.has(name) ? name + 'Model' : name;
}

export function methodNameFor(operationId: string): string {
  return guard(IDENTIFIER.test(operationId) ? operationId.charAt(0).toLowerCase() + operationId.slice(1) : camelCase(operationId), 'operation');
}

/** A name for an operation without an operationId: `GET /pets/{petId}` → `getPetsByPetId`. */
export function operationNameFromRoute(method: string, path: string): string {
  const parts = path
    .split(/[/?#&=.]+/)
    .filter((part) => part.length > 0)
    .map((part) => {
      const parameter = /^\{(.+)\}$/.exec(part);
      return parameter ? 'By ' + parameter[1] : part;
    });
  return camelCase([method, ...parts].join(' '));
}

/**
 * Makes `name(item)` unique over `items`. Colliding items are ordered by `key(item)` (their place
 * in the spec); the first keeps the name, the others get `2`, `3`... Returns one name per item,
 * in the input order. `taken` holds names already used (compared exactly).
 */
export function uniqueNames<T>(items: readonly T[], name: (item: T) => string, key: (item: T) => string, taken: ReadonlySet<string> = new Set()): string[] {
  const groups = new Map<string, number[]>();
  items.forEach((item, index) => {
    const candidate = name(item);
    groups.set(candidate, [...(groups.get(candidate) ?? []), index]);
  });
  const used = new Set(taken);
  for (const candidate of groups.keys()) used.add(candidate);
  const result = items.map(name);
  for (const [candidate, indexes] of groups) {
    const ordered = [...indexes].sort((a, b) => compareStrings(key(items[a]!), key(items[b]!)));
    const keepsName = !taken.has(candidate);
    let counter = 1;
    ordered.forEach((index, rank) => {
      if (rank === 0 && keepsName) return;
      let next: string;
      do next = `${candidate}${++counter}`;
      while (used.has(next));
      used.add(next);
      result[index] = next;
    });
  }
  return result;
}

/** The one comparator for stable, locale-independent ordering. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
