/**
 * `openbind mock <spec> [--port N] [--seed N] [--host H]`: serves the spec until SIGINT or
 * SIGTERM, printing its URL first and then one JSON line per request.
 */
import type { CliIo } from '../cli.js';
import { startMock } from '../contract/mock-server.js';
import { integerOption, parseCommandArgs } from './command-args.js';
import { loadContract } from './contract-spec.js';

export const MOCK_USAGE = `Usage: openbind mock <spec> [--port N] [--seed N] [--host 127.0.0.1]

Serves the spec over HTTP: routes every operation (including /?Action=X and fragment keys),
checks each request against the spec's schemas and answers with generated data that validates,
the same bytes for the same --seed and request. A request that breaks the spec gets a 4xx with an
application/problem+json body; every request is logged as one JSON line on stdout.
"Prefer: code=404" asks for another documented response. Stops on Ctrl-C (SIGINT) or SIGTERM.

Options:
  --port <N>    port to listen on (default 4010; 0 picks a free one)
  --seed <N>    seed of the generated data (default 1)
  --host <H>    address to listen on (default 127.0.0.1)`;

export async function mockCommand(argv: readonly string[], io: CliIo, signals: NodeJS.EventEmitter = process): Promise<number> {
  const parsed = parseCommandArgs(argv, { port: { type: 'string' }, seed: { type: 'string' }, host: { type: 'string' } }, io, MOCK_USAGE);
  if (typeof parsed === 'number') return parsed;
  const port = integerOption(parsed.values.port, 'port', 4010);
  const seed = integerOption(parsed.values.seed, 'seed', 1);
  const usage = [port, seed].find((value): value is Error => value instanceof Error) ?? (parsed.positionals.length !== 1 ? new Error('mock takes exactly one spec') : undefined);
  if (usage) {
    io.err(`openbind: ${usage.message}\n\n${MOCK_USAGE}`);
    return 2;
  }
  const loaded = await loadContract(parsed.positionals[0]!, io);
  if (!loaded) return 1;
  const host = typeof parsed.values.host === 'string' ? parsed.values.host : '127.0.0.1';
  let server;
  try {
    server = await startMock(loaded.contract, { host, port: port as number, seed: seed as number, log: (line) => io.out(line), record: false });
  } catch (error) {
    io.err(`openbind: cannot listen on ${host}:${String(port)}: ${(error as Error).message}`);
    return 1;
  }
  const { api } = loaded.contract;
  io.out(`openbind mock: ${api.title} (${api.operations.length} operations, seed ${String(seed)}) on ${server.url}${api.basePath}`);
  const signal = await new Promise<string>((resolve) => {
    signals.once('SIGINT', () => resolve('SIGINT'));
    signals.once('SIGTERM', () => resolve('SIGTERM'));
  });
  await server.close();
  io.err(`openbind mock: stopped (${signal})`);
  return 0;
}
