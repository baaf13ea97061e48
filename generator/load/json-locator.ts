/**
 * JSON pointers → offsets in JSON text, for many pointers in one scan. The loader's locator parses
 * the text as YAML to find places; for a 5 MB JSON document that costs seconds and hundreds of MB,
 * and lint locates thousands of findings. This scanner walks the text once, descending only into
 * values some pointer goes through and skipping the rest bracket by bracket. A map entry is
 * located at its key, a list item at its value, as the loader does; a pointer that goes nowhere is
 * located at its deepest existing ancestor.
 */
import { splitPointer } from '../diagnostics.js';

interface Trie {
  children: Map<string, Trie>;
  offset: number;
}

const newTrie = (): Trie => ({ children: new Map(), offset: -1 });

export function locateJsonOffsets(text: string, pointers: Iterable<string>): Map<string, number> {
  const root = newTrie();
  const paths = new Map<string, string[]>();
  for (const pointer of pointers) {
    if (paths.has(pointer)) continue;
    const segments = splitPointer(pointer);
    paths.set(pointer, segments);
    let node = root;
    for (const segment of segments) {
      let next = node.children.get(segment);
      if (!next) node.children.set(segment, (next = newTrie()));
      node = next;
    }
  }
  const scanner = new Scanner(text);
  scanner.whitespace();
  root.offset = scanner.index;
  scanner.value(root);
  const offsets = new Map<string, number>();
  for (const [pointer, segments] of paths) {
    let node = root;
    let offset = root.offset;
    for (const segment of segments) {
      const next = node.children.get(segment);
      if (!next || next.offset < 0) break;
      node = next;
      offset = next.offset;
    }
    offsets.set(pointer, Math.max(offset, 0));
  }
  return offsets;
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;

class Scanner {
  index = 0;
  constructor(private readonly text: string) {}

  whitespace(): void {
    const text = this.text;
    let i = this.index;
    for (let c = text.charCodeAt(i); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++i));
    this.index = i;
  }

  /** Reads the value at the cursor, recording offsets for the trie's children. */
  value(trie: Trie | undefined): void {
    if (!trie || trie.children.size === 0) return this.skip();
    const c = this.text.charCodeAt(this.index);
    if (c === OPEN_BRACE) this.object(trie);
    else if (c === OPEN_BRACKET) this.array(trie);
    else this.skip();
  }

  private object(trie: Trie): void {
    this.index++;
    for (;;) {
      this.whitespace();
      const c = this.text.charCodeAt(this.index);
      if (c !== QUOTE) {
        if (c === CLOSE_BRACE) this.index++;
        return; // `}` or malformed text: stop descending
      }
      const keyOffset = this.index;
      const key = this.string();
      this.whitespace();
      if (this.text.charCodeAt(this.index) === COLON) this.index++;
      this.whitespace();
      const child = trie.children.get(key);
      if (child) child.offset = keyOffset;
      this.value(child);
      this.whitespace();
      if (this.text.charCodeAt(this.index) === COMMA) this.index++;
    }
  }

  private array(trie: Trie): void {
    this.index++;
    for (let item = 0; ; item++) {
      this.whitespace();
      const c = this.text.charCodeAt(this.index);
      if (c === CLOSE_BRACKET || Number.isNaN(c)) {
        this.index++;
        return;
      }
      const child = trie.children.get(String(item));
      if (child) child.offset = this.index;
      this.value(child);
      this.whitespace();
      if (this.text.charCodeAt(this.index) === COMMA) this.index++;
    }
  }

  /** A string at the cursor, decoded (escapes are rare in keys: the fast path slices). */
  private string(): string {
    const start = this.index;
    const end = this.stringEnd(start);
    this.index = end + 1;
    const raw = this.text.slice(start + 1, end);
    if (raw.indexOf('\\') < 0) return raw;
    try {
      return JSON.parse(this.text.slice(start, end + 1)) as string;
    } catch {
      return raw;
    }
  }

  /** The index of the closing quote of the string opening at `start`. */
  private stringEnd(start: number): number {
    const text = this.text;
    let i = start;
    for (;;) {
      i = text.indexOf('"', i + 1);
      if (i < 0) return text.length;
      let backslashes = 0;
      for (let j = i - 1; text.charCodeAt(j) === BACKSLASH; j--) backslashes++;
      if (backslashes % 2 === 0) return i;
    }
  }

  /** Skips the value at the cursor without building anything. */
  private skip(): void {
    const text = this.text;
    let depth = 0;
    let i = this.index;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) i = this.stringEnd(i);
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (depth === 0) break;
        if (--depth === 0) {
          i++;
          break;
        }
      } else if (depth === 0 && (c === COMMA || c === 32 || c === 10 || c === 13 || c === 9)) break;
    }
    this.index = i;
  }
}

/** Offsets → 1-based line and column, with one scan for line starts. */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}
