/**
 * A contract run over every operation of a spec: consumer mode sends the generated client's
 * requests to the mock (started here, on 127.0.0.1, a free port); provider mode sends them to a
 * real server. Operations run one after another, so what the mock saw belongs to one case.
 */
import { type ClientFactory, type OperationResult, runOperation } from './case-runner.js';
import { startMock } from './mock-server.js';
import type { ApiContract } from './operation-contract.js';

export interface ContractOptions {
  /** fast-check seed of the generated requests (and of the mock's data); 1 by default. */
  seed?: number;
  /** Cases per operation; 20 by default. */
  runs?: number;
  /** Only these operations (method names or `METHOD pathKey`). */
  operations?: string[];
  /** Provider mode: the server's base URL (what `createClient({ baseUrl })` takes). */
  target?: string;
  /** Per request, 10 s by default. */
  timeoutMs?: number;
}

export interface ContractReport {
  spec: string;
  title: string;
  mode: 'consumer' | 'provider';
  target: string;
  seed: number;
  runs: number;
  operations: OperationResult[];
  /** Operations with at least one break. */
  failures: OperationResult[];
  passed: boolean;
}

export async function runContract(contract: ApiContract, createClient: ClientFactory, options: ContractOptions = {}): Promise<ContractReport> {
  const seed = options.seed ?? 1;
  const runs = options.runs ?? 20;
  const wanted = options.operations;
  const operations = contract.operations.filter((operation) => !wanted || wanted.includes(operation.operation.methodName) || wanted.includes(operation.id));
  const mock = options.target === undefined ? await startMock(contract, { seed }) : undefined;
  const baseUrl = options.target ?? mock!.url;
  const results: OperationResult[] = [];
  try {
    for (const operation of operations) {
      const settings = { mode: mock ? ('consumer' as const) : ('provider' as const), baseUrl, seed, runs, ...(mock ? { mock } : {}), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) };
      results.push(await runOperation(contract, operation, createClient, settings));
    }
  } finally {
    await mock?.close();
  }
  const failures = results.filter((result) => result.breaks.length > 0);
  return { spec: contract.spec.file, title: contract.api.title, mode: mock ? 'consumer' : 'provider', target: baseUrl, seed, runs, operations: results, failures, passed: failures.length === 0 };
}
