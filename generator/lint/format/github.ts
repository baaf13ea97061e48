/**
 * `--format github`: GitHub Actions workflow commands, one annotation per finding
 * (`::error file=…,line=…,col=…,title=…::message`), escaped as the runner expects.
 */
import type { FormatInput } from './summary.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub({ findings }: FormatInput): string {
  return findings
    .map((f) => `::${COMMAND[f.severity]} file=${escapeProperty(f.location.file)},line=${f.location.line},col=${f.location.column},title=${escapeProperty(f.code)}::${escapeData(f.message)}`)
    .join('\n');
}
