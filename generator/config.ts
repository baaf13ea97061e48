/**
 * openbind's configuration file, shared by every command: `openbind.config.json`,
 * `openbind.config.yaml` or `openbind.config.yml` in the working folder (or the file given with
 * `--config`). Read as tolerantly as specs are (YAML or JSON, BOM, CRLF); every mistake in it is a
 * located error — an unknown key with a did-you-mean, a wrong value with what is allowed.
 *
 *   lint:      rule severities (`off` turns a rule off) and exceptions by file/path/operation/pointer
 *   generate:  `formats`: the TypeScript type a schema `format` becomes
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Diagnostic, joinPointer } from './diagnostics.js';
import { suggestion } from './did-you-mean.js';
import { parseText } from './load/parse-text.js';
import type { FormatType } from './ir/types.js';

export type RuleSetting = 'error' | 'warning' | 'info' | 'off';

/** Findings a rule (or every rule) does not report at some place; `reason` is for people. */
export interface LintException {
  /** Rule ids; every rule when absent. */
  rules?: string[];
  /** A spec file, as given on the command line or relative to the working folder. */
  file?: string;
  /** A path key, exactly as written (`/pets/{id}`). */
  path?: string;
  /** An operationId, or `METHOD /path`. */
  operation?: string;
  /** A JSON pointer; findings at it or below it. */
  pointer?: string;
  reason?: string;
}

/** What a format may map to: only types a decoded response can hold (see `FormatType`). */
export const FORMAT_TYPES: readonly FormatType[] = ['string', 'number', 'boolean', 'Blob', 'unknown'];

export interface OpenbindConfig {
  lint: { rules: Record<string, RuleSetting>; exceptions: LintException[] };
  generate: { formats: Record<string, FormatType> };
}

export const CONFIG_FILES = ['openbind.config.json', 'openbind.config.yaml', 'openbind.config.yml'];

export function defaultConfig(): OpenbindConfig {
  return { lint: { rules: {}, exceptions: [] }, generate: { formats: {} } };
}

export interface LoadedConfig {
  config: OpenbindConfig;
  diagnostics: Diagnostic[];
  /** The file read, if any. */
  file?: string;
}

export async function loadConfig(cwd: string, explicitPath?: string): Promise<LoadedConfig> {
  const candidates = explicitPath ? [path.resolve(cwd, explicitPath)] : CONFIG_FILES.map((name) => path.join(cwd, name)).filter(existsSync);
  if (candidates.length === 0) return { config: defaultConfig(), diagnostics: [] };
  const absolute = candidates[0]!;
  const file = path.relative(cwd, absolute) || absolute;
  const diagnostics: Diagnostic[] = [];
  if (candidates.length > 1) {
    diagnostics.push({ code: 'config/several', severity: 'error', message: `found ${candidates.map((c) => path.basename(c)).join(' and ')}; keep one config file`, pointer: '', location: { file: path.relative(cwd, candidates[1]!), line: 1, column: 1 } });
  }
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return { config: defaultConfig(), diagnostics: [{ code: 'config/read', severity: 'error', message: `cannot read config ${file}: ${reason}`, pointer: '', location: { file, line: 1, column: 1 } }], file };
  }
  const parsed = parseText(file, text);
  diagnostics.push(...parsed.diagnostics.map((d) => ({ ...d, code: d.code.replace(/^load\//, 'config/') })));
  const problems: Array<{ pointer: string; message: string }> = [];
  // Lint's rules are loaded only to check a lint section: generation never loads them.
  const ruleIds = isObject(parsed.value) && parsed.value.lint !== undefined ? (await import('./lint/rules/index.js')).RULES.map((rule) => rule.id) : [];
  const config = readConfig(parsed.value ?? {}, (pointer, message) => problems.push({ pointer, message }), ruleIds);
  const located = problems.map(({ pointer, message }) => ({ code: 'config/invalid', severity: 'error' as const, message, pointer, location: parsed.locate(pointer) }));
  diagnostics.push(...located.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column));
  return { config, diagnostics, file };
}

type Problem = (pointer: string, message: string) => void;
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks the keys of an object against the known ones; unknown keys are problems. */
function knownKeys(value: Json, pointer: string, known: readonly string[], problem: Problem, where: string): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) problem(joinPointer(pointer, key), `unknown key "${key}" in ${where}${suggestion(key, known)}; known: ${known.join(', ')}`);
  }
}

function readConfig(value: unknown, problem: Problem, ruleIds: readonly string[]): OpenbindConfig {
  const config = defaultConfig();
  if (!isObject(value)) {
    problem('', 'the config file must be a mapping with the sections lint and generate');
    return config;
  }
  knownKeys(value, '', ['lint', 'generate'], problem, 'the config file');
  if (value.lint !== undefined) config.lint = readLint(value.lint, problem, ruleIds);
  if (value.generate !== undefined) config.generate = readGenerate(value.generate, problem);
  return config;
}

const SETTINGS: Record<string, RuleSetting> = { error: 'error', warning: 'warning', warn: 'warning', info: 'info', off: 'off' };
/** Codes of the loader's and lint's own diagnostics, which the config may also set. */
const STAGE_CODE = /^(load|spec|lint)\/[a-z0-9-]+$/;

function readLint(lint: unknown, problem: Problem, ruleIds: readonly string[]): OpenbindConfig['lint'] {
  const result: OpenbindConfig['lint'] = { rules: {}, exceptions: [] };
  if (!isObject(lint)) {
    problem('/lint', 'lint must be a mapping with rules and exceptions');
    return result;
  }
  knownKeys(lint, '/lint', ['rules', 'exceptions'], problem, 'lint');
  if (lint.rules !== undefined && !isObject(lint.rules)) problem('/lint/rules', 'lint.rules must map rule ids to error, warn, info or off');
  for (const [id, setting] of Object.entries(isObject(lint.rules) ? lint.rules : {})) {
    const pointer = joinPointer('/lint/rules', id);
    if (!ruleIds.includes(id) && !STAGE_CODE.test(id)) problem(pointer, `unknown rule "${id}"${suggestion(id, ruleIds)}`);
    else if (typeof setting !== 'string' || !(setting in SETTINGS)) problem(pointer, `rule "${id}": ${JSON.stringify(setting)} is not one of error, warn, info, off`);
    else result.rules[id] = SETTINGS[setting]!;
  }
  if (lint.exceptions !== undefined && !Array.isArray(lint.exceptions)) problem('/lint/exceptions', 'lint.exceptions must be a list');
  (Array.isArray(lint.exceptions) ? lint.exceptions : []).forEach((entry, index) => {
    const exception = readException(entry, `/lint/exceptions/${index}`, problem, ruleIds);
    if (exception) result.exceptions.push(exception);
  });
  return result;
}

const EXCEPTION_KEYS = ['rule', 'rules', 'file', 'path', 'operation', 'pointer', 'reason'] as const;

function readException(entry: unknown, pointer: string, problem: Problem, ruleIds: readonly string[]): LintException | undefined {
  if (!isObject(entry)) {
    problem(pointer, 'an exception must be a mapping of rule, file, path, operation, pointer and reason');
    return undefined;
  }
  knownKeys(entry, pointer, EXCEPTION_KEYS, problem, 'an exception');
  const exception: LintException = {};
  const rules = entry.rule ?? entry.rules;
  const ruleKey = entry.rule !== undefined ? 'rule' : 'rules';
  if (rules !== undefined) {
    const list = Array.isArray(rules) ? rules : [rules];
    list.forEach((id, index) => {
      const at = joinPointer(pointer, ruleKey, ...(Array.isArray(rules) ? [index] : []));
      if (typeof id !== 'string') problem(at, 'a rule id must be a string');
      else if (!ruleIds.includes(id) && !STAGE_CODE.test(id)) problem(at, `unknown rule "${id}"${suggestion(id, ruleIds)}`);
    });
    exception.rules = list.filter((id): id is string => typeof id === 'string');
  }
  for (const key of ['file', 'path', 'operation', 'pointer', 'reason'] as const) {
    const value = entry[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') problem(joinPointer(pointer, key), `${key} must be a string`);
    else exception[key] = value;
  }
  if (exception.pointer !== undefined && exception.pointer !== '' && !exception.pointer.startsWith('/')) problem(joinPointer(pointer, 'pointer'), `pointer "${exception.pointer}" must start with "/" (a JSON pointer such as /paths/~1pets/get)`);
  if (exception.file === undefined && exception.path === undefined && exception.operation === undefined && exception.pointer === undefined) {
    problem(pointer, 'an exception must name a file, path, operation or pointer (to turn a rule off everywhere, set it to off under lint.rules)');
  }
  return exception;
}

function readGenerate(generate: unknown, problem: Problem): OpenbindConfig['generate'] {
  const result: OpenbindConfig['generate'] = { formats: {} };
  if (!isObject(generate)) {
    problem('/generate', 'generate must be a mapping (known: formats)');
    return result;
  }
  knownKeys(generate, '/generate', ['formats'], problem, 'generate');
  if (generate.formats !== undefined && !isObject(generate.formats)) problem('/generate/formats', 'generate.formats must map format names to a TypeScript type');
  for (const [format, type] of Object.entries(isObject(generate.formats) ? generate.formats : {})) {
    if (typeof type === 'string' && (FORMAT_TYPES as readonly string[]).includes(type)) result.formats[format] = type as FormatType;
    else problem(joinPointer('/generate/formats', format), `format "${format}": ${JSON.stringify(type)} is not one of ${FORMAT_TYPES.join(', ')}${typeof type === 'string' ? suggestion(type, FORMAT_TYPES) : ''}`);
  }
  return result;
}
