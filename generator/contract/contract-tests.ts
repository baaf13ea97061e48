/**
 * The helper users call from their own test suites (exported as `openbind/contract`): the
 * consumer contract tests of a spec's generated client, against the mock, in one call.
 *
 *   const report = await contractTests('spec/pets.yaml', createClient, { seed: 1, runs: 20 });
 *   expect(report.failures, report.text).toEqual([]);
 *
 * With `target`, the same requests go to a running server instead (provider tests).
 */
import { formatDiagnostic } from '../diagnostics.js';
import { generateSpecWithSource } from '../pipeline.js';
import type { ClientFactory } from './case-runner.js';
import { apiContract } from './operation-contract.js';
import { reportText } from './report-text.js';
import { type ContractOptions, type ContractReport, runContract } from './run-contract.js';

export type { ClientFactory, CaseRecord, Finding, OperationResult } from './case-runner.js';
export type { ContractOptions, ContractReport } from './run-contract.js';

export interface ContractTestReport extends ContractReport {
  /** The run as text: one line per operation, each break with its request and response. */
  text: string;
}

export async function contractTests(specPath: string, createClient: ClientFactory, options: ContractOptions = {}): Promise<ContractTestReport> {
  const generated = await generateSpecWithSource(specPath);
  if (!generated.ok) throw new Error(`openbind: ${specPath} cannot be read as a spec:\n${generated.diagnostics.map(formatDiagnostic).join('\n')}`);
  const report = await runContract(apiContract(generated.api, generated.spec), createClient, options);
  return { ...report, text: reportText(report) };
}
