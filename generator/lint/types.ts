/**
 * The shapes lint is built from. A rule is a small object (id, default severity, one-line
 * rationale, doc entry) whose `create` returns visitors by node kind; one walker goes over the
 * document once and calls every enabled rule's visitor for each node (see walk.ts).
 */
import type { Diagnostic, Severity, SourceLocation } from '../diagnostics.js';
import type { Place } from './place.js';

export type Json = Record<string, unknown>;
export type SpecVersion = '2.0' | '3.0' | '3.1';

/** Where in the API a node sits, for exceptions by path or operation. */
export interface OperationRef {
  path: string;
  method: string;
  operationId?: string;
}

/** A node the walker visits: its value, where it is written, and the operation it belongs to. */
export interface Visit<T = Json> {
  value: T;
  place: Place;
  operation?: OperationRef;
}

export interface PathItemVisit extends Visit {
  path: string;
}

export interface OperationVisit extends Visit {
  path: string;
  method: string;
  pathItem: Visit;
  operation: OperationRef;
}

/** How a schema is used; `definition` for named schemas (definitions, components.schemas). */
export type SchemaRole = 'definition' | 'body' | 'response' | 'parameter' | 'header' | 'media' | 'nested';

export interface SchemaVisit extends Visit {
  role: SchemaRole;
}

export interface ResponseVisit extends Visit {
  /** The status key when reached from an operation's responses. */
  code?: string;
}

export interface ReferenceVisit extends Visit {
  ref: string;
  /** What it points to; undefined when it points nowhere. */
  target?: Visit<unknown>;
  /** Why it points nowhere, when it does. */
  problem?: string;
  /** Written where a schema goes (where OpenAPI 3.1 allows fields beside `$ref`). */
  inSchema: boolean;
}

export type ComponentKind = 'schemas' | 'parameters' | 'responses' | 'requestBodies' | 'headers' | 'examples' | 'links' | 'callbacks' | 'securitySchemes' | 'pathItems';

export interface ComponentVisit extends Visit<unknown> {
  kind: ComponentKind;
  name: string;
}

/** Visitors by node kind; each is called once per node of that kind, in document order. */
export interface Visitors {
  document?(node: Visit): void;
  info?(node: Visit): void;
  tag?(node: Visit): void;
  server?(node: Visit): void;
  securityScheme?(node: Visit & { name: string }): void;
  component?(node: ComponentVisit): void;
  pathItem?(node: PathItemVisit): void;
  operation?(node: OperationVisit): void;
  parameter?(node: Visit): void;
  requestBody?(node: Visit): void;
  response?(node: ResponseVisit): void;
  mediaType?(node: Visit & { mediaType: string }): void;
  header?(node: Visit): void;
  example?(node: Visit): void;
  schema?(node: SchemaVisit): void;
  /** Every `$ref` at a place the specification allows one, resolved. */
  reference?(node: ReferenceVisit): void;
  /** After the walk: for rules that compare nodes with each other. */
  done?(): void;
}

/** One source file of the linted document (the main file or one reached through `$ref`). */
export interface SourceView {
  file: string;
  format: 'json' | 'yaml';
  /** The text as read, without a BOM. */
  text: string;
  /** The YAML node at a pointer (YAML files only), to see how a thing is written. */
  yamlNode(pointer: string): unknown;
  /** The root YAML node (YAML files only). */
  yamlRoot(): unknown;
  /** The location of a character offset in `text`. */
  at(offset: number): SourceLocation;
}

export interface LintContext {
  version: SpecVersion;
  /** The main document as written (before lenient repairs). */
  root: Json;
  mainFile: string;
  /** Reports a finding of this rule at a place (optionally at an exact location, for text-level rules). */
  report(place: Place, message: string, options?: { operation?: OperationRef | undefined; location?: SourceLocation }): void;
  /** Follows `$ref`s (in any file) from a value at a place; the value itself when it is no reference. */
  resolve(value: unknown, place: Place): Visit<unknown> | undefined;
  source(file: string): SourceView | undefined;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** One line: why this matters. */
  rationale: string;
  /** The doc entry: what is reported and what to do about it (Markdown, a paragraph). */
  description: string;
  /** A small example that the rule reports (YAML). */
  example?: string;
  /** The versions it applies to; all when absent. */
  versions?: readonly SpecVersion[];
  /** `openbind lint --fix` rewrites what this rule reports. */
  fixable?: boolean;
  create(context: LintContext): Visitors;
}

/** A finding: a diagnostic that is always located, with the operation it belongs to when known. */
export interface Finding extends Diagnostic {
  location: SourceLocation;
  operation?: OperationRef;
}
