/** The default output, for people: findings grouped by file, aligned, and a count. */
import type { Finding } from '../types.js';
import { counts, type FormatInput } from './summary.js';

export function formatStylish({ findings }: FormatInput): string {
  if (findings.length === 0) return 'no problems';
  const lines: string[] = [];
  const width = (pick: (f: Finding) => string) => Math.max(...findings.map((f) => pick(f).length));
  const whereWidth = width((f) => `${f.location.line}:${f.location.column}`);
  const severityWidth = width((f) => f.severity);
  const codeWidth = width((f) => f.code);
  let file: string | undefined;
  for (const finding of findings) {
    if (finding.location.file !== file) {
      if (file !== undefined) lines.push('');
      file = finding.location.file;
      lines.push(file);
    }
    const where = `${finding.location.line}:${finding.location.column}`.padStart(whereWidth);
    lines.push(`  ${where}  ${finding.severity.padEnd(severityWidth)}  ${finding.code.padEnd(codeWidth)}  ${oneLine(finding.message)}`);
  }
  const { error, warning, info } = counts(findings);
  lines.push('', `${findings.length} problem${findings.length === 1 ? '' : 's'} (${error} error${error === 1 ? '' : 's'}, ${warning} warning${warning === 1 ? '' : 's'}, ${info} info)`);
  return lines.join('\n');
}

/** Spec text in messages stays on one line, whatever it holds. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
