/** The JSON report of a contract run: the whole run, every operation, every break with its request and response. */
import type { ContractReport } from './run-contract.js';

export function reportJson(report: ContractReport): string {
  const summary = {
    operations: report.operations.length,
    passed: report.operations.filter((result) => result.breaks.length === 0 && !result.skipped).length,
    failed: report.failures.length,
    skipped: report.operations.filter((result) => result.skipped).length,
    cases: report.operations.reduce((total, result) => total + result.cases, 0),
  };
  const { failures: _failures, ...rest } = report;
  return JSON.stringify({ tool: 'openbind test', ...rest, summary }, null, 2) + '\n';
}
