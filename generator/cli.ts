/**
 * argv → commands. Prints diagnostics once, in `file:line:col  severity  code  message` form,
 * and turns outcomes into exit codes: 0 done, 1 a problem in the input or drift, 2 a usage error.
 * Nothing below this file prints or exits.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Diagnostic, formatDiagnostic } from './diagnostics.js';
import { FORMAT_TYPES, loadConfig } from './config.js';
import type { FormatType } from './ir/types.js';
import type { OutputFolder } from './output/write-output.js';
import type { GenerateResult } from './pipeline.js';
import { inputError, specFiles } from './spec-files.js';
import { openbindVersion } from './version.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
};

const HELP = `openbind: typed TypeScript bindings from Swagger 2.0 and OpenAPI 3.x documents

Usage:
  openbind generate [spec…] [--out dir] [--strict] [--format f=type…]   write <dir>/<name>/ for each spec
  openbind check [spec…] [--out dir] [--strict] [--format f=type…]      exit 1 with a diff if <dir>/ is stale
  openbind lint [spec…] [--format f] [--fail-on l]   lint specs (openbind lint --help)
  openbind verify [spec…] [--out dir]                check the code in <dir>/<name>/ against each spec
  openbind mock <spec> [--port N] [--seed N]         serve the spec: check requests, answer with valid data
  openbind test <spec> [--seed N] [--runs N]         contract tests: the generated client against the mock
  openbind test <spec> --target <url> [--report json|junit] [--report-file F]
                                                     contract tests of a running server
  openbind --help | --version

A spec is a YAML or JSON file, or a folder whose *.yaml, *.yml and *.json files are specs.
With no spec, every document in spec/ is used. <name> is the file name without its extension.

"openbind <command> --help" tells more about verify, mock and test.

Options:
  --out <dir>   where the generated folders go (default: generated)
  --strict      treat warnings as errors
  --config <file>
                the config file (default: openbind.config.json|yaml|yml here);
                its generate.formats maps formats as --format does
  --format f=type
                give values of schema format f this type instead of the default
                (type: string, number, boolean, Blob or unknown; repeatable),
                e.g. --format int64=string
  -h, --help    show this help
  -v, --version show the version`;


export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    // The last line of defence: a bug in openbind is reported as one line, never a stack trace.
    io.err(`openbind: internal error: ${error instanceof Error ? error.message : String(error)} (please report this with the spec that caused it)`);
    return 1;
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  // These commands parse their own options (openbind <command> --help), and are loaded only when used.
  if (argv[0] === 'lint') return (await import('./lint/lint-command.js')).lintCommand(argv.slice(1), io);
  if (argv[0] === 'verify') return (await import('./commands/verify.js')).verifyCommand(argv.slice(1), io);
  if (argv[0] === 'mock') return (await import('./commands/mock.js')).mockCommand(argv.slice(1), io);
  if (argv[0] === 'test') return (await import('./commands/test.js')).testCommand(argv.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: 'string', default: 'generated' },
        strict: { type: 'boolean', default: false },
        format: { type: 'string', multiple: true, default: [] },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    io.err(`openbind: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.out(await openbindVersion());
    return 0;
  }
  const [command, ...specs] = positionals;
  if (values.help || command === undefined || command === 'help') {
    io.out(HELP);
    return 0;
  }
  if (command !== 'generate' && command !== 'check') {
    io.err(`openbind: unknown command "${command}"\n\n${HELP}`);
    return 2;
  }
  const flagFormats = formatMappings(values.format);
  if (typeof flagFormats === 'string') {
    io.err(`openbind: ${flagFormats}\n\n${HELP}`);
    return 2;
  }
  const { config, diagnostics: configProblems } = await loadConfig(process.cwd(), values.config);
  printDiagnostics(io, configProblems);
  if (configProblems.some((d) => d.severity === 'error')) {
    io.err('openbind: fix the config file first');
    return 2;
  }
  // A --format flag wins over the config file's mapping of the same format.
  const formats = { ...config.generate.formats, ...flagFormats };
  const files = await specFiles(specs.length > 0 ? specs : ['spec']);
  if (!files.ok) {
    printDiagnostics(io, files.diagnostics);
    return 1;
  }
  // Each command loads only what it uses: lint never loads the emitters and ts-morph.
  const { generateSpec } = await import('./pipeline.js');
  const results = await Promise.all(files.files.map((file) => generateSpec(file, { strict: values.strict, formats })));
  const diagnostics = results.flatMap((result) => result.diagnostics).concat(nameClashes(files.files, results));
  printDiagnostics(io, diagnostics);
  const generated = results.filter((result): result is Extract<GenerateResult, { ok: true }> => result.ok);
  if (generated.length < results.length || diagnostics.some((d) => d.severity === 'error')) {
    io.err(`openbind: ${results.length - generated.length} of ${results.length} spec(s) failed; nothing was written`);
    return 1;
  }
  const folders: OutputFolder[] = generated.map((result) => ({ dir: path.join(values.out, result.name), files: result.files }));
  return command === 'generate' ? write(io, folders) : check(io, folders);
}

async function write(io: CliIo, folders: OutputFolder[]): Promise<number> {
  const { writeOutputs } = await import('./output/write-output.js');
  const problems = await writeOutputs(folders);
  if (problems.length > 0) {
    printDiagnostics(io, problems);
    io.err('openbind: nothing was written');
    return 1;
  }
  for (const folder of folders) io.out(`wrote ${folder.dir}/ (${folder.files.size} files)`);
  return 0;
}

async function check(io: CliIo, folders: OutputFolder[]): Promise<number> {
  let stale = 0;
  for (const folder of folders) {
    const { compareOutput } = await import('./output/check-output.js');
    const drifts = await compareOutput(folder.dir, folder.files);
    for (const drift of drifts) io.out(drift.patch);
    if (drifts.length > 0) {
      stale++;
      io.err(`${folder.dir}/ is stale: ${drifts.map((drift) => `${path.basename(drift.file)} ${drift.kind}`).join(', ')}`);
    } else {
      io.out(`${folder.dir}/ is up to date`);
    }
  }
  if (stale > 0) io.err('openbind: run `openbind generate` and commit the result');
  return stale > 0 ? 1 : 0;
}


/** `--format int64=string …` → the mapping, or what is wrong with it. */
function formatMappings(options: readonly string[]): Record<string, FormatType> | string {
  const formats: Record<string, FormatType> = {};
  for (const option of options) {
    const [name, type] = option.split('=', 2);
    if (!name || !type || !(FORMAT_TYPES as readonly string[]).includes(type)) {
      return `--format ${option}: expected <format>=<type>, the type one of ${FORMAT_TYPES.join(', ')}`;
    }
    formats[name] = type as FormatType;
  }
  return formats;
}

/** Two specs that would write the same folder (`a.yaml` and `a.json`): an error, not a silent overwrite. */
function nameClashes(files: string[], results: GenerateResult[]): Diagnostic[] {
  const byName = new Map<string, string[]>();
  results.forEach((result, index) => {
    if (result.ok) byName.set(result.name, [...(byName.get(result.name) ?? []), files[index]!]);
  });
  return [...byName].flatMap(([name, sources]) =>
    sources.length < 2
      ? []
      : sources.slice(1).map((file) => inputError(file, `${file} and ${sources[0]} would both be generated into ${name}/; rename one`)),
  );
}

export function printDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[]): void {
  for (const diagnostic of diagnostics) io.err(formatDiagnostic(diagnostic));
}
