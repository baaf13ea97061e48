/** What every output format is given, and the counts they share. */
import type { Rule, Finding } from '../types.js';

export interface FormatInput {
  findings: readonly Finding[];
  /** The files linted, in the order given (files without findings too). */
  files: readonly string[];
  rules: readonly Rule[];
  version: string;
}

export function counts(findings: readonly Finding[]): Record<'error' | 'warning' | 'info', number> {
  const result = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) result[finding.severity]++;
  return result;
}
