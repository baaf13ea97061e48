/** `--format json`: every finding with its location, rule, severity, message and pointer. */
import { counts, type FormatInput } from './summary.js';

export function formatJson({ findings, files }: FormatInput): string {
  return JSON.stringify(
    {
      files,
      findings: findings.map((f) => ({
        file: f.location.file,
        line: f.location.line,
        column: f.location.column,
        rule: f.code,
        severity: f.severity,
        message: f.message,
        pointer: f.pointer,
        ...(f.operation ? { operation: f.operation } : {}),
      })),
      summary: counts(findings),
    },
    null,
    2,
  );
}
