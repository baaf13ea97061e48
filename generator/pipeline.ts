/**
 * One spec file in, the text of its `generated/<name>/` files out: load → lower → emit.
 * Reading the spec (and the runtime template) is the only I/O; nothing is written here, so a
 * caller can generate every spec first and write only when all of them succeeded.
 */
import { readFile } from 'node:fs/promises';
import { type Diagnostic, hasErrors } from './diagnostics.js';
import { emitApi } from './emit/emit-api.js';
import type { GeneratedFiles } from './emit/output-files.js';
import { lowerApi } from './ir/lower.js';
import type { ApiIR, LowerOptions } from './ir/types.js';
import { loadSpec, type LoadedSpec } from './load/load-spec.js';

export interface GenerateOptions {
  /** Warnings stop generation too. */
  strict?: boolean;
  /** Schema `format` → the type its values get (`--format int64=string`). */
  formats?: LowerOptions['formats'];
}

export type GenerateResult =
  | { ok: true; name: string; api: ApiIR; files: GeneratedFiles; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/** A generation that also keeps the loaded document: the contract tools validate against its schemas. */
export type GenerateWithSpecResult = (Extract<GenerateResult, { ok: true }> & { spec: LoadedSpec }) | Extract<GenerateResult, { ok: false }>;

let runtimeSource: Promise<string> | undefined;

/** The runtime copied into every output, read once per process. */
export function readRuntimeSource(): Promise<string> {
  runtimeSource ??= readFile(new URL('./emit/runtime/runtime.ts', import.meta.url), 'utf8');
  return runtimeSource;
}

export function generateSpec(file: string, options: GenerateOptions = {}): Promise<GenerateResult> {
  return generate(file, options, false);
}

export async function generateSpecWithSource(file: string, options: GenerateOptions = {}): Promise<GenerateWithSpecResult> {
  return (await generate(file, options, true)) as GenerateWithSpecResult;
}

async function generate(file: string, options: GenerateOptions, keepSpec: boolean): Promise<GenerateResult & { spec?: LoadedSpec }> {
  const lowered = await loadAndLower(file, options, keepSpec);
  if (!lowered.ok) return lowered;
  const { api, diagnostics, spec } = lowered;
  const files = emitApi(api, await readRuntimeSource());
  return { ok: true, name: api.name, api, files, diagnostics, ...(spec ? { spec } : {}) };
}

/**
 * The document is read and lowered here and, unless kept, is garbage when this returns, so
 * emission reuses its memory (on the GitHub document, ~55 MB of parsed JSON) instead of adding to it.
 */
async function loadAndLower(
  file: string,
  options: GenerateOptions,
  keepSpec: boolean,
): Promise<{ ok: true; api: ApiIR; diagnostics: Diagnostic[]; spec?: LoadedSpec } | { ok: false; diagnostics: Diagnostic[] }> {
  const loaded = await loadSpec(file);
  if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics };
  const { api, diagnostics: loweringDiagnostics } = lowerApi(loaded.spec, options.formats ? { formats: options.formats } : {});
  const diagnostics = [...loaded.spec.diagnostics, ...loweringDiagnostics];
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  if (options.strict && diagnostics.some((d) => d.severity === 'warning')) {
    return { ok: false, diagnostics: diagnostics.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' as const } : d)) };
  }
  return { ok: true, api, diagnostics, ...(keepSpec ? { spec: loaded.spec } : {}) };
}
