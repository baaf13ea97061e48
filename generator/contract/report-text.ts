/** A contract run for people: one line per operation, then each break with the request that showed it. */
import type { CaseRecord } from './case-runner.js';
import type { ContractReport } from './run-contract.js';

export function reportText(report: ContractReport): string {
  const lines: string[] = [`openbind test: ${report.title} (${report.spec}), ${report.mode} mode against ${report.target}, seed ${report.seed}, ${report.runs} cases per operation`];
  for (const result of report.operations) {
    const mark = result.breaks.length > 0 ? 'FAIL' : result.skipped ? 'SKIP' : 'ok  ';
    lines.push(`${mark} ${result.id} (${result.methodName}): ${result.skipped ?? `${result.cases} case(s)${result.breaks.length > 0 ? `, ${result.breaks.length} break(s)` : ''}`}`);
    for (const found of result.breaks) {
      lines.push(`     ✗ [${found.code}] ${found.message}  (spec #${found.spec})`);
      lines.push(...caseLines(found.example, '       '));
    }
    if (result.counterexample) {
      lines.push(`     shrunk counterexample (${result.shrinks ?? 0} shrink(s)): params ${result.counterexample.params}`);
      lines.push(...caseLines(result.counterexample, '       '));
    }
  }
  const skipped = report.operations.filter((result) => result.skipped).length;
  const passed = report.operations.length - report.failures.length - skipped;
  lines.push(`${passed} passed, ${report.failures.length} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  return lines.join('\n');
}

function caseLines(record: CaseRecord, indent: string): string[] {
  const lines: string[] = [];
  if (record.request) lines.push(`${indent}request: ${record.request.method} ${record.request.url}${record.request.body !== undefined ? ` body ${truncate(record.request.body)}` : ''}`);
  if (record.response) lines.push(`${indent}response: ${record.response.status} ${record.response.headers['content-type'] ?? '(no content-type)'} ${truncate(record.response.body)}`);
  return lines;
}

function truncate(text: string): string {
  const line = text.replace(/\s*\n\s*/g, ' ');
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
