/**
 * One file read for lint, the way the loader reads it (BOM, CRLF, front-matter, lenient YAML),
 * with what lint needs beyond the value: the text, batch location of many pointers, and the YAML
 * nodes for rules and fixes that care how a thing is written. Reading and locating are the
 * loader's `parseText` (strict JSON: JSON.parse and the scanning locator).
 */
import { readFile } from 'node:fs/promises';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { type Diagnostic, type SourceLocation, splitPointer } from '../diagnostics.js';
import { parseText, type YamlSyntax } from '../load/parse-text.js';
import { lineIndex } from '../load/json-locator.js';
import type { SourceView } from './types.js';

export interface LintSource extends SourceView {
  value: unknown;
  /** The file starts with a UTF-8 BOM (kept when a fix rewrites it). */
  hasBom: boolean;
  /** Reading problems (YAML errors, duplicate keys, lenient reading), located. */
  diagnostics: Diagnostic[];
  locateAll(pointers: Iterable<string>): Map<string, SourceLocation>;
  syntax(): YamlSyntax | undefined;
}

const BOM = '\uFEFF';

export async function readSource(file: string): Promise<LintSource | Diagnostic> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return { code: 'load/read', severity: 'error', message: `cannot read ${file}: ${reason}`, pointer: '', location: { file, line: 1, column: 1 } };
  }
  return sourceFromText(file, raw);
}

export function sourceFromText(file: string, raw: string): LintSource {
  const hasBom = raw.startsWith(BOM);
  const text = hasBom ? raw.slice(1) : raw;
  let lines: ((offset: number) => { line: number; column: number }) | undefined;
  const at = (offset: number): SourceLocation => ({ file, ...(lines ??= lineIndex(text))(offset) });
  const parsed = parseText(file, text);
  const locateAll = (pointers: Iterable<string>) => {
    const unique = [...new Set(pointers)];
    const found = parsed.locateMany(unique);
    return new Map(unique.map((pointer, index) => [pointer, found[index]!] as const));
  };
  const common = { file, format: parsed.format, text, hasBom, value: parsed.value, diagnostics: parsed.diagnostics, at, locateAll };
  // Strict JSON has no YAML nodes worth reading: rules and fixes that need them are YAML-only.
  if (parsed.format === 'json') return { ...common, syntax: () => undefined, yamlNode: () => undefined, yamlRoot: () => undefined };
  return {
    ...common,
    syntax: parsed.syntax,
    yamlNode: (pointer) => yamlNodeAt(parsed.syntax().document?.contents ?? null, pointer),
    yamlRoot: () => parsed.syntax().document?.contents ?? undefined,
  };
}

/** The YAML node a pointer names, or undefined. */
export function yamlNodeAt(root: unknown, pointer: string): Node | undefined {
  let node: unknown = root;
  for (const segment of splitPointer(pointer)) {
    if (isMap(node)) node = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment)?.value;
    else if (isSeq(node)) node = node.items[Number(segment)];
    else return undefined;
  }
  return (node ?? undefined) as Node | undefined;
}
