/**
 * Media types (RFC 9110 §8.3.1): `type/subtype` compared case-insensitively, parameters
 * (`; charset=utf-8`) ignored, and the wildcards a spec may document (`*\/*`, `image/*`).
 */
export interface MediaType {
  /** `type/subtype`, lower case. */
  essence: string;
  type: string;
  subtype: string;
}

export function parseMediaType(text: string): MediaType {
  const essence = (text.split(';')[0] ?? '').trim().toLowerCase();
  const [type = '', subtype = ''] = essence.split('/');
  return { essence, type, subtype };
}

/** Whether an actual media type is one the documented (possibly wildcard) type allows. */
export function mediaTypeMatches(documented: string, actual: string): boolean {
  const want = parseMediaType(documented);
  const got = parseMediaType(actual);
  return (want.type === '*' || want.type === got.type) && (want.subtype === '*' || want.subtype === got.subtype);
}

/** A concrete type to send for a documented one: a wildcard is filled in. */
export function concreteMediaType(documented: string): string {
  const { type, subtype, essence } = parseMediaType(documented);
  if (type === '*') return 'application/json';
  if (subtype === '*') return type === 'text' ? 'text/plain' : type === 'application' ? 'application/octet-stream' : `${type}/octet-stream`;
  return essence;
}

/** Whether a media type's body is JSON. */
export function isJsonMediaType(text: string): boolean {
  const { essence, subtype } = parseMediaType(text);
  return essence === 'application/json' || subtype.endsWith('+json') || essence === '*/*';
}
