/**
 * `--fix`: the mechanical repairs that cannot change what the document means, as text edits at
 * the exact places the YAML parser found — never a re-serialisation, so every other byte of the
 * file stays as it was:
 *   front-matter             the closing `---` line is removed (the opening one is valid YAML)
 *   non-string-key           `200:` → `"200":`, where the key's text is exactly the number it means
 *   spec/version-not-string  `swagger: 2.0` → `swagger: "2.0"`, `version: 1.10` → `version: "1.10"`
 */
import { isMap, isScalar, Scalar } from 'yaml';
import { splitPointer, joinPointer } from '../../diagnostics.js';
import type { LintSource } from '../read-source.js';
import { yamlNodeAt } from '../read-source.js';
import { closingFrontMatter } from '../rules/written-form.js';
import type { Finding } from '../types.js';

export interface Edit {
  start: number;
  end: number;
  text: string;
  code: string;
}

export const FIXABLE = new Set(['front-matter', 'non-string-key', 'spec/version-not-string']);

export function fixEdits(source: LintSource, findings: readonly Finding[]): Edit[] {
  if (source.format !== 'yaml') return [];
  const root = source.yamlRoot();
  const edits: Edit[] = [];
  for (const finding of findings) {
    if (finding.location.file !== source.file || !FIXABLE.has(finding.code)) continue;
    const edit = finding.code === 'front-matter' ? frontMatterEdit(source.text) : finding.code === 'non-string-key' ? keyEdit(source.text, root, finding.pointer) : versionEdit(source.text, root, finding.pointer);
    if (edit) edits.push({ ...edit, code: finding.code });
  }
  return edits;
}

function frontMatterEdit(text: string): Omit<Edit, 'code'> | undefined {
  const closing = closingFrontMatter(text);
  if (!closing) return undefined;
  const lineEnd = text.startsWith('\r\n', closing.end) ? 2 : text.startsWith('\n', closing.end) ? 1 : 0;
  return { start: closing.start, end: closing.end + lineEnd, text: '' };
}

function keyEdit(text: string, root: unknown, pointer: string): Omit<Edit, 'code'> | undefined {
  const segments = splitPointer(pointer);
  const key = segments.pop();
  const map = yamlNodeAt(root, joinPointer('', ...segments));
  if (!isMap(map)) return undefined;
  const pair = map.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
  const node = pair?.key;
  if (!isScalar(node) || node.type !== Scalar.PLAIN || !node.range || typeof node.value === 'string') return undefined;
  const written = text.slice(node.range[0], node.range[1]);
  // `0x1F:` means "31" to openbind; quoting its text would change the key. Only exact numbers.
  if (written !== String(node.value)) return undefined;
  return { start: node.range[0], end: node.range[1], text: `"${written}"` };
}

function versionEdit(text: string, root: unknown, pointer: string): Omit<Edit, 'code'> | undefined {
  if (pointer !== '/swagger' && pointer !== '/info/version') return undefined;
  const node = yamlNodeAt(root, pointer);
  if (!isScalar(node) || node.type !== Scalar.PLAIN || !node.range || typeof node.value !== 'number') return undefined;
  const written = text.slice(node.range[0], node.range[1]);
  if (pointer === '/swagger') return node.value === 2 ? { start: node.range[0], end: node.range[1], text: '"2.0"' } : undefined;
  return /^[0-9.]+$/.test(written) ? { start: node.range[0], end: node.range[1], text: `"${written}"` } : undefined;
}

/** Applies non-overlapping edits (a later overlapping one is dropped). */
export function applyEdits(text: string, edits: readonly Edit[]): { text: string; applied: Edit[] } {
  const applied: Edit[] = [];
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    if (applied.length === 0 || applied[applied.length - 1]!.end <= edit.start) applied.push(edit);
  }
  let result = text;
  for (const edit of [...applied].reverse()) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return { text: result, applied };
}
