/**
 * `openbind test <spec> [--seed N] [--runs N] [--target URL] [--report json|junit] [--report-file F]`:
 * contract tests with the spec's generated client — against the mock (consumer: the client
 * speaks the spec) or, with --target, against a real server (provider: the server speaks it).
 */
import { writeFile } from 'node:fs/promises';
import type { CliIo } from '../cli.js';
import { loadGeneratedClient } from '../contract/client-loader.js';
import { reportJson } from '../contract/report-json.js';
import { reportJunit } from '../contract/report-junit.js';
import { reportText } from '../contract/report-text.js';
import { runContract } from '../contract/run-contract.js';
import { integerOption, parseCommandArgs } from './command-args.js';
import { loadContract } from './contract-spec.js';

export const TEST_USAGE = `Usage: openbind test <spec> [--seed N] [--runs N] [--target URL] [--report json|junit] [--report-file F]

Generates the spec's client (in a temporary folder) and sends it requests built from the spec's
schemas with fast-check: --runs cases per operation (default 20), seeded by --seed (default 1).
Without --target, against the mock on 127.0.0.1: each request must satisfy the mock, each response
must validate and be decoded as declared. With --target (the URL you would pass to createClient as
baseUrl), against that server: each response must have a documented status, a documented media
type, a body that validates and the documented required headers. A failing operation is shrunk to
a minimal counterexample. Exit 1 when anything breaks the spec.

Options:
  --seed <N>          seed of the generated requests (default 1)
  --runs <N>          cases per operation (default 20)
  --target <URL>      test a running server instead of the client
  --report <format>   also write a json or junit (XML) report
  --report-file <F>   where the report goes (default: stdout, the summary then goes to stderr)
  --operation <name>  only this operation (method name or "METHOD /path"); repeatable`;

export async function testCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    { seed: { type: 'string' }, runs: { type: 'string' }, target: { type: 'string' }, report: { type: 'string' }, 'report-file': { type: 'string' }, operation: { type: 'string', multiple: true } },
    io,
    TEST_USAGE,
  );
  if (typeof parsed === 'number') return parsed;
  const seed = integerOption(parsed.values.seed, 'seed', 1);
  const runs = integerOption(parsed.values.runs, 'runs', 20, 1);
  const target = parsed.values.target;
  const report = parsed.values.report;
  const problem =
    [seed, runs].find((value): value is Error => value instanceof Error)?.message ??
    (parsed.positionals.length !== 1 ? 'test takes exactly one spec' : undefined) ??
    (target !== undefined && !isHttpUrl(String(target)) ? `--target must be an http(s) URL, not "${String(target)}"` : undefined) ??
    (report !== undefined && report !== 'json' && report !== 'junit' ? `--report must be json or junit, not "${String(report)}"` : undefined) ??
    (parsed.values['report-file'] !== undefined && report === undefined ? '--report-file needs --report json|junit' : undefined);
  if (problem) {
    io.err(`openbind: ${problem}\n\n${TEST_USAGE}`);
    return 2;
  }
  const loaded = await loadContract(parsed.positionals[0]!, io);
  if (!loaded) return 1;
  const client = await loadGeneratedClient(loaded.generated.files);
  try {
    const operations = (parsed.values.operation as unknown as string[] | undefined) ?? undefined;
    const result = await runContract(loaded.contract, client.createClient, {
      seed: seed as number,
      runs: runs as number,
      ...(target !== undefined ? { target: String(target).replace(/\/+$/, '') } : {}),
      ...(operations ? { operations } : {}),
    });
    const reportFile = parsed.values['report-file'];
    const summary = reportText(result);
    if (report !== undefined) {
      const text = report === 'json' ? reportJson(result) : reportJunit(result);
      if (typeof reportFile === 'string') {
        await writeFile(reportFile, text);
        io.out(summary);
        io.out(`wrote ${reportFile}`);
      } else {
        io.out(text.replace(/\n$/, ''));
        io.err(summary);
      }
    } else {
      io.out(summary);
    }
    return result.passed ? 0 : 1;
  } finally {
    await client.dispose();
  }
}

function isHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}
