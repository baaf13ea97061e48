/**
 * Strings and numbers for a JSON Schema, as fast-check arbitraries: lengths, patterns, formats,
 * bounds and multipleOf honoured. Where a value goes on the wire limits the text it may hold:
 * HTTP header values are visible ASCII, a path segment is never empty nor `.`/`..` (URL parsers
 * resolve those to another resource), and an array item sent with a delimiter (`ssv`, `csv` in a
 * header) cannot contain that delimiter — each is a limit of HTTP or of the spec's own encoding.
 */
import fc from 'fast-check';
import type { Json } from './schema-document.js';

export interface TextRules {
  /** `header`: visible ASCII only; `segment`: a non-empty path segment; `any`: any Unicode. */
  text: 'any' | 'header' | 'segment';
  /** Characters an item may not contain, because they delimit items. */
  exclude?: string;
  /** No empty strings: an empty item of a delimited list reads back as no item. */
  nonEmpty?: boolean;
}

/** Mostly ASCII, with the characters that need escaping on the wire and a few beyond the BMP. */
const ANY_UNIT = fc.oneof(
  { weight: 10, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)) },
  { weight: 2, arbitrary: fc.constantFrom('/', '?', '&', '=', '#', '%', '+', ',', '|', ';', ' ', '"', '\\', "'") },
  { weight: 1, arbitrary: fc.constantFrom('é', 'ß', '中', 'Ж', '😀', '\u2028', '\t', '\n') },
);
const HEADER_UNIT = fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code));

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

function compiledPattern(pattern: unknown): RegExp | undefined {
  if (typeof pattern !== 'string') return undefined;
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
}

export function stringArbitrary(schema: Json, rules: TextRules): fc.Arbitrary<string> {
  const minLength = Math.max(num(schema.minLength) ?? 0, rules.text === 'segment' || rules.nonEmpty ? 1 : 0);
  const maxLength = Math.max(minLength, Math.min(num(schema.maxLength) ?? minLength + 12, minLength + 24));
  const formatted = formatArbitrary(schema.format);
  const pattern = compiledPattern(schema.pattern);
  let strings: fc.Arbitrary<string>;
  if (pattern) strings = fc.stringMatching(pattern, { size: 'xsmall' });
  else if (formatted) strings = formatted;
  else {
    let unit = rules.text === 'header' ? HEADER_UNIT : ANY_UNIT;
    const excluded = rules.exclude;
    if (excluded) unit = unit.filter((char) => !excluded.includes(char));
    strings = fc.string({ unit, minLength, maxLength });
  }
  return rules.text === 'segment' ? strings.filter((text) => text !== '.' && text !== '..' && text.length > 0) : strings;
}

/** JSON Schema and OpenAPI string formats that constrain the value. */
function formatArbitrary(format: unknown): fc.Arbitrary<string> | undefined {
  const dates = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true });
  switch (format) {
    case 'date-time':
      return dates.map((date) => date.toISOString());
    case 'date':
      return dates.map((date) => date.toISOString().slice(0, 10));
    case 'time':
      return dates.map((date) => date.toISOString().slice(11, 19) + 'Z');
    case 'email':
      return fc.emailAddress({ size: 'xsmall' });
    case 'uuid':
      return fc.uuid();
    case 'uri':
    case 'url':
    case 'uri-reference':
    case 'iri':
      return fc.webUrl({ size: 'xsmall' });
    case 'hostname':
      return fc.domain({ size: 'xsmall' });
    case 'ipv4':
      return fc.ipV4();
    case 'ipv6':
      return fc.ipV6();
    case 'byte':
      return fc.base64String({ maxLength: 24 });
    case 'duration':
      return fc.tuple(fc.nat(30), fc.nat(23), fc.nat(59)).map(([days, hours, minutes]) => `P${days}DT${hours}H${minutes}M`);
    case 'json-pointer':
      return fc.array(fc.constantFrom('a', 'b', '0', 'c~1d'), { maxLength: 3 }).map((parts) => parts.map((part) => '/' + part).join(''));
    case 'relative-json-pointer':
      return fc.nat(3).map(String);
    case 'regex':
      return fc.constantFrom('^a+$', '[0-9]{2}', '.*');
    case 'uri-template':
      return fc.constantFrom('https://example.com/{id}', '/items{?q}');
    default:
      return undefined;
  }
}

export function integerArbitrary(schema: Json): fc.Arbitrary<number> {
  const wide = schema.format === 'int32' ? 2 ** 31 - 1 : Number.MAX_SAFE_INTEGER;
  let min = Math.max(num(schema.minimum) ?? -100_000, -wide - (schema.format === 'int32' ? 1 : 0));
  let max = Math.min(num(schema.maximum) ?? 100_000, wide);
  if (schema.exclusiveMinimum === true) min = Math.floor(min) + 1;
  if (schema.exclusiveMaximum === true) max = Math.ceil(max) - 1;
  if (num(schema.exclusiveMinimum) !== undefined) min = Math.max(min, Math.floor(num(schema.exclusiveMinimum)!) + 1);
  if (num(schema.exclusiveMaximum) !== undefined) max = Math.min(max, Math.ceil(num(schema.exclusiveMaximum)!) - 1);
  min = Math.ceil(min);
  max = Math.floor(max);
  if (min > max) max = min;
  const step = num(schema.multipleOf);
  if (step && step > 0 && Number.isInteger(step)) {
    const low = Math.ceil(min / step);
    const high = Math.max(low, Math.floor(max / step));
    return fc.integer({ min: low, max: high }).map((k) => k * step);
  }
  return fc.integer({ min, max });
}

export function numberArbitrary(schema: Json): fc.Arbitrary<number> {
  const min = num(schema.minimum) ?? num(schema.exclusiveMinimum) ?? -100_000;
  const max = num(schema.maximum) ?? num(schema.exclusiveMaximum) ?? 100_000;
  const minExcluded = schema.exclusiveMinimum === true || num(schema.exclusiveMinimum) !== undefined;
  const maxExcluded = schema.exclusiveMaximum === true || num(schema.exclusiveMaximum) !== undefined;
  const step = num(schema.multipleOf);
  if (step && step > 0) return integerArbitrary({ minimum: Math.ceil(min / step), maximum: Math.floor(max / step) }).map((k) => Number((k * step).toPrecision(12)));
  // -0 is left out: it would be sent as "0" and read back as 0 anyway.
  return fc.double({ min, max: Math.max(min, max), minExcluded, maxExcluded, noNaN: true, noDefaultInfinity: true }).map((value) => (Object.is(value, -0) ? 0 : value));
}
