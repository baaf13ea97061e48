/**
 * Diagnostics are values, collected by every stage and printed once by the CLI.
 * A diagnostic names the JSON pointer it is about; the loader's source map turns that pointer
 * into a `file:line:col` location in the user's file.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface SourceLocation {
  file: string;
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  /** RFC 6901 JSON pointer into the document, '' for the whole document. */
  pointer: string;
  location?: SourceLocation;
}

/** Thrown only to abort a stage whose diagnostics are already collected; never shown as a stack. */
export class DiagnosticsError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'DiagnosticsError';
  }
}

/** Gives every diagnostic without a location the place of its pointer, all located in one call. */
export function locateDiagnostics(diagnostics: readonly Diagnostic[], locateMany: (pointers: readonly string[]) => SourceLocation[]): Diagnostic[] {
  const unlocated = diagnostics.filter((d) => !d.location);
  const found = locateMany(unlocated.map((d) => d.pointer));
  const locations = new Map(unlocated.map((d, index) => [d, found[index]!] as const));
  return diagnostics.map((d) => (d.location ? d : { ...d, location: locations.get(d)! }));
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export function formatLocation(location: SourceLocation | undefined): string {
  if (!location) return '-';
  return `${location.file}:${location.line}:${location.column}`;
}

/** `file:line:col  severity  code  message` — one line per diagnostic, the format editors link. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.location ? formatLocation(d.location) : d.pointer === '' ? '-' : `#${d.pointer}`;
  // One line per diagnostic, whatever spec text a message quotes.
  return `${where}  ${d.severity}  ${d.code}  ${d.message.replace(/\s*[\r\n]+\s*/g, ' ')}`;
}

export function escapePointerSegment(segment: string | number): string {
  const text = String(segment);
  // Most segments need no escape; lowering builds a pointer for every schema it visits.
  return text.includes('~') || text.includes('/') ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text;
}

export function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function joinPointer(base: string, ...segments: Array<string | number>): string {
  let pointer = base;
  for (const segment of segments) pointer += '/' + escapePointerSegment(segment);
  return pointer;
}

export function splitPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  return pointer.replace(/^#/, '').slice(1).split('/').map(unescapePointerSegment);
}
