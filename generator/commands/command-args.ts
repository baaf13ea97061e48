/** Options of one contract command, parsed like the rest of the CLI: a bad option is a usage error (exit 2). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliIo } from '../cli.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export type Parsed = { values: Record<string, string | boolean | undefined>; positionals: string[] };

/** The parsed options, or the exit code when there is nothing more to do (0 after --help, 2 after a usage error). */
export function parseCommandArgs(argv: readonly string[], options: Options, io: CliIo, usage: string): Parsed | number {
  try {
    const parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { ...options, help: { type: 'boolean', short: 'h' } } });
    if (parsed.values.help) {
      io.out(usage);
      return 0;
    }
    return parsed as Parsed;
  } catch (error) {
    io.err(`openbind: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
}

/** A whole number option (`--port 0`, `--seed 7`), or a usage error. */
export function integerOption(value: string | boolean | undefined, name: string, fallback: number, min = 0): number | Error {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < min) return new Error(`--${name} must be a whole number${min > 0 ? ` of at least ${min}` : ''}, not "${String(value)}"`);
  return number;
}
