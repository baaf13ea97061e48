/**
 * Text → JavaScript value, tolerant of what real catalogue documents carry: a UTF-8 BOM, CRLF,
 * and YAML wrapped between `---` front-matter lines (the closing `---` opens an empty second
 * YAML document, which we ignore). JSON takes the fast path through `JSON.parse`; the YAML parser
 * runs for it only when a diagnostic needs a location.
 */
import { createRequire } from 'node:module';
import type { Document, LineCounter, Node } from 'yaml';
import { lineIndex, locateJsonOffsets } from './json-locator.js';
import { type Diagnostic, type SourceLocation, splitPointer } from '../diagnostics.js';

const require = createRequire(import.meta.url);
let yamlModule: typeof import('yaml') | undefined;
/** The YAML parser, loaded on first use: a JSON document that needs no location never loads it. */
const yaml = () => (yamlModule ??= require('yaml') as typeof import('yaml'));

export interface ParsedText {
  /** `json` where the text is strict JSON (read with JSON.parse, located by a scan), else `yaml`. */
  format: 'json' | 'yaml';
  value: unknown;
  diagnostics: Diagnostic[];
  /** Maps a JSON pointer to the place it is written; the deepest existing ancestor if absent. */
  locate(pointer: string): SourceLocation;
  /** `locate` for many pointers at once: for JSON, one scan of the text for all of them. */
  locateMany(pointers: readonly string[]): SourceLocation[];
  /** The YAML syntax tree the value was read from (parsed on first call for JSON), for tools that edit or inspect how things are written. */
  syntax(): YamlSyntax;
}

export interface YamlSyntax {
  /** The document with content; undefined for an empty file. */
  document: Document.Parsed | undefined;
  lineCounter: LineCounter;
}

const BOM = '\uFEFF';

export function parseText(file: string, rawText: string): ParsedText {
  const text = rawText.startsWith(BOM) ? rawText.slice(1) : rawText;
  const locator = lazyLocator(file, text);
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const value: unknown = JSON.parse(text);
      return { format: 'json', value, diagnostics: [], ...jsonLocator(file, text), syntax: locator.syntax };
    } catch {
      // Not strict JSON (comments, trailing commas...): YAML 1.2 reads most of it, with locations.
    }
  }
  const { documents, lineCounter } = locator.parsed();
  const diagnostics: Diagnostic[] = [];
  for (const doc of documents) {
    for (const error of doc.errors) diagnostics.push(yamlDiagnostic(file, lineCounter, error, 'error'));
    for (const warning of doc.warnings) diagnostics.push(yamlDiagnostic(file, lineCounter, warning, 'warning'));
  }
  if (documents.some((doc) => doc.errors.length > 0)) {
    const lenient = readLeniently(text);
    if (lenient !== undefined) {
      const softened = diagnostics.map((d): Diagnostic => (d.severity === 'error' ? { ...d, severity: 'warning', code: 'load/yaml-lenient', message: `${d.message} (YAML 1.2 rejects this; read as js-yaml reads it)` } : d));
      return { format: 'yaml', value: lenient, diagnostics: softened, locate: locator.locate, locateMany: (pointers) => pointers.map(locator.locate), syntax: locator.syntax };
    }
  }
  const withContent = documents.filter(hasContent);
  if (withContent.length > 1) {
    const second = withContent[1]!;
    diagnostics.push({
      code: 'load/multiple-documents',
      severity: 'error',
      message: 'the file holds more than one YAML document with content; openbind reads one API per file',
      pointer: '',
      location: toLocation(file, lineCounter, second.range[0]),
    });
  }
  const first = withContent[0];
  if (!first) {
    diagnostics.push({
      code: 'load/empty',
      severity: 'error',
      message: 'the file is empty: no YAML or JSON document in it',
      pointer: '',
      location: { file, line: 1, column: 1 },
    });
    return { format: 'yaml', value: undefined, diagnostics, locate: locator.locate, locateMany: (pointers) => pointers.map(locator.locate), syntax: locator.syntax };
  }
  const value: unknown = first.errors.length > 0 ? undefined : first.toJS({ maxAliasCount: -1 });
  return { format: 'yaml', value, diagnostics, locate: locator.locate, locateMany: (pointers) => pointers.map(locator.locate), syntax: locator.syntax };
}

/**
 * What only a lenient parser reads (a multi-line quoted string indented less than its key, as in
 * some Moby API versions): js-yaml — the parser swagger-parser itself uses — reads it the way its
 * authors' tools did. Only when it finds exactly one document with content.
 */
function readLeniently(text: string): unknown {
  try {
    const values = (require('js-yaml') as typeof import('js-yaml')).loadAll(text).filter((value) => value !== null && value !== undefined);
    return values.length === 1 && typeof values[0] === 'object' ? values[0] : undefined;
  } catch {
    return undefined;
  }
}

/** A closing front-matter `---` opens a document whose content is an empty (null) scalar. */
function hasContent(doc: Document.Parsed): boolean {
  const contents = doc.contents;
  if (contents === null) return false;
  return !(yaml().isScalar(contents) && contents.value === null && doc.errors.length === 0);
}

interface YamlProblem {
  code: string;
  message: string;
  pos: [number, number];
}

function yamlDiagnostic(file: string, lines: LineCounter, problem: YamlProblem, severity: 'error' | 'warning'): Diagnostic {
  const firstLine = problem.message.split('\n')[0] ?? problem.message;
  return {
    code: problem.code === 'DUPLICATE_KEY' ? 'load/duplicate-key' : `load/yaml-${problem.code.toLowerCase().replace(/_/g, '-')}`,
    severity,
    message: firstLine.replace(/ at line \d+, column \d+:?$/, ''),
    pointer: '',
    location: toLocation(file, lines, problem.pos[0]),
  };
}

function toLocation(file: string, lines: LineCounter, offset: number): SourceLocation {
  const pos = lines.linePos(offset);
  return { file, line: pos.line, column: pos.col };
}

/**
 * Locations in a JSON document without parsing it again as YAML (on a 2.4 MB document, 0.4 s and
 * 130 MB): a scanner finds every pointer asked for in one pass (json-locator.ts).
 */
function jsonLocator(file: string, text: string): Pick<ParsedText, 'locate' | 'locateMany'> {
  let lines: ((offset: number) => { line: number; column: number }) | undefined;
  const locateMany = (pointers: readonly string[]): SourceLocation[] => {
    if (pointers.length === 0) return [];
    const offsets = locateJsonOffsets(text, pointers);
    lines ??= lineIndex(text);
    return pointers.map((pointer) => ({ file, ...lines!(offsets.get(pointer) ?? 0) }));
  };
  return { locate: (pointer) => locateMany([pointer])[0]!, locateMany };
}

function lazyLocator(file: string, text: string) {
  let cache: { documents: Document.Parsed[]; lineCounter: LineCounter } | undefined;
  const parsed = () => {
    if (!cache) {
      const lineCounter = new (yaml().LineCounter)();
      // Duplicate keys are reported as warnings by the loader; the last one wins, as in JSON.parse.
      const documents = yaml().parseAllDocuments(text, { lineCounter, uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
      cache = { documents: Array.isArray(documents) ? documents : [], lineCounter };
    }
    return cache;
  };
  const locate = (pointer: string): SourceLocation => {
    const { documents, lineCounter } = parsed();
    const doc = documents.find(hasContent);
    const offset = doc ? offsetOf(doc.contents as Node | null, splitPointer(pointer)) : 0;
    return toLocation(file, lineCounter, offset);
  };
  const syntax = (): YamlSyntax => {
    const { documents, lineCounter } = parsed();
    return { document: documents.find(hasContent), lineCounter };
  };
  return { parsed, locate, syntax };
}

/** Walks the YAML tree along a pointer; a map entry is located at its key, where people look. */
function offsetOf(root: Node | null, segments: string[]): number {
  let node: unknown = root;
  let offset = root?.range?.[0] ?? 0;
  for (const segment of segments) {
    if (yaml().isMap(node)) {
      const pair = node.items.find((item) => yaml().isScalar(item.key) && String(item.key.value) === segment);
      if (!pair) break;
      offset = (yaml().isScalar(pair.key) ? pair.key.range?.[0] : undefined) ?? offset;
      node = pair.value;
    } else if (yaml().isSeq(node)) {
      const item: unknown = node.items[Number(segment)];
      if (!item || typeof item !== 'object' || !('range' in item)) break;
      offset = (item as Node).range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}
