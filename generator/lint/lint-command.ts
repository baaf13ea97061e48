/**
 * `openbind lint [spec…]`: argv → lint every spec → one report on stdout → exit code.
 * Exit codes: 0 nothing at or above `--fail-on`; 1 findings at or above it; 2 a usage or config
 * error. Kept apart from cli.ts (which loads the TypeScript compiler for generation) so linting
 * starts fast.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { CliIo } from '../cli.js';
import { loadConfig } from '../config.js';
import { formatDiagnostic, hasErrors } from '../diagnostics.js';
import { applyConfig } from './apply-config.js';
import { applyEdits, fixEdits } from './fix/fixes.js';
import { FORMATS } from './format/index.js';
import { RULES } from './rules/index.js';
import { lintFile } from './run-lint.js';
import type { Finding } from './types.js';
import { specFiles } from '../spec-files.js';
import { openbindVersion } from '../version.js';

export const LINT_HELP = `Usage: openbind lint [spec…] [options]

Lints Swagger 2.0 and OpenAPI 3.x documents (YAML or JSON; a folder means its *.yaml, *.yml and
*.json files; no spec means spec/). Rules and their docs: generator/lint/RULES.md.

Options:
  --format <name>    stylish (default), json, sarif, github, junit
  --fail-on <level>  exit 1 when a finding is at or above: error (default), warn, never
  --config <file>    the config file (default: openbind.config.json|yaml|yml in the working folder)
  --fix              rewrite what can be fixed safely (front-matter, unquoted numeric keys, swagger: 2.0)
  -h, --help         show this help`;

const FAIL_ON: Record<string, ReadonlySet<string>> = {
  error: new Set(['error']),
  warn: new Set(['error', 'warning']),
  warning: new Set(['error', 'warning']),
  never: new Set(),
};

export async function lintCommand(argv: readonly string[], io: CliIo, cwd = process.cwd()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'stylish' },
        'fail-on': { type: 'string', default: 'error' },
        config: { type: 'string' },
        fix: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.err(`openbind lint: ${(error as Error).message}\n\n${LINT_HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(LINT_HELP);
    return 0;
  }
  const format = FORMATS[values.format];
  if (!format) return usage(io, `unknown format "${values.format}" (one of ${Object.keys(FORMATS).join(', ')})`);
  const failOn = FAIL_ON[values['fail-on']];
  if (!failOn) return usage(io, `--fail-on must be error, warn or never, not "${values['fail-on']}"`);
  const { config, diagnostics } = await loadConfig(cwd, values.config);
  for (const diagnostic of diagnostics) io.err(formatDiagnostic(diagnostic));
  if (hasErrors(diagnostics)) {
    io.err('openbind lint: fix the config file first');
    return 2;
  }
  const listed = await specFiles(positionals.length > 0 ? positionals : ['spec']);
  if (!listed.ok) return usage(io, listed.diagnostics.map((d) => d.message).join('; '));
  const findings: Finding[] = [];
  for (const file of listed.files) {
    let run = await lintFile(file, RULES);
    if (values.fix) {
      const fixed = await fix(run, file);
      if (fixed > 0) {
        io.err(`openbind lint: fixed ${fixed} problem${fixed === 1 ? '' : 's'} in ${file}`);
        run = await lintFile(file, RULES);
      }
    }
    findings.push(...applyConfig(run.findings, config.lint, file, cwd));
  }
  io.out(format({ findings, files: listed.files, rules: RULES, version: await openbindVersion() }));
  return findings.some((finding) => failOn.has(finding.severity)) ? 1 : 0;
}

/** Applies the safe fixes to the main file; returns how many were applied. */
async function fix(run: Awaited<ReturnType<typeof lintFile>>, file: string): Promise<number> {
  const source = run.sources[0];
  if (!source) return 0;
  const { text, applied } = applyEdits(source.text, fixEdits(source, run.findings));
  if (applied.length === 0) return 0;
  await writeFile(file, (source.hasBom ? '\uFEFF' : '') + text);
  return applied.length;
}

function usage(io: CliIo, message: string): number {
  io.err(`openbind lint: ${message}\n\n${LINT_HELP}`);
  return 2;
}

/** Specs from the arguments: files as given, folders as their spec files (sorted). */
