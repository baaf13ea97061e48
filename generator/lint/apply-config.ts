/**
 * From a run's findings to what is reported: severities set by the config (`off` drops a rule),
 * exceptions by file, path, operation or pointer, duplicates removed, and the one sort — by file
 * (the main file first), line, column, rule — so output is the same on every run.
 */
import path from 'node:path';
import type { LintException, OpenbindConfig } from '../config.js';
import { escapePointerSegment } from '../diagnostics.js';
import type { Finding } from './types.js';

export function applyConfig(findings: readonly Finding[], lint: OpenbindConfig['lint'], mainFile: string, cwd: string): Finding[] {
  const seen = new Set<string>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    const setting = lint.rules[finding.code];
    if (setting === 'off') continue;
    if (lint.exceptions.some((exception) => excepts(exception, finding, cwd))) continue;
    const key = `${finding.code}\0${finding.location.file}\0${finding.location.line}\0${finding.location.column}\0${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(setting ? { ...finding, severity: setting } : finding);
  }
  return sortFindings(kept, mainFile);
}

export function sortFindings(findings: Finding[], mainFile: string): Finding[] {
  const fileRank = (file: string) => (file === mainFile ? '' : file);
  return findings.sort(
    (a, b) =>
      fileRank(a.location.file).localeCompare(fileRank(b.location.file)) ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}

function excepts(exception: LintException, finding: Finding, cwd: string): boolean {
  if (exception.rules && !exception.rules.includes(finding.code)) return false;
  if (exception.file !== undefined && path.resolve(cwd, exception.file) !== path.resolve(cwd, finding.location.file)) return false;
  if (exception.path !== undefined) {
    const underPath = finding.pointer === `/paths/${escapePointerSegment(exception.path)}` || finding.pointer.startsWith(`/paths/${escapePointerSegment(exception.path)}/`);
    if (finding.operation?.path !== exception.path && !underPath) return false;
  }
  if (exception.operation !== undefined && !matchesOperation(exception.operation, finding)) return false;
  if (exception.pointer !== undefined && exception.pointer !== '' && finding.pointer !== exception.pointer && !finding.pointer.startsWith(exception.pointer + '/')) return false;
  return true;
}

function matchesOperation(wanted: string, finding: Finding): boolean {
  const operation = finding.operation;
  if (!operation) return false;
  if (operation.operationId === wanted) return true;
  const [method, ...rest] = wanted.trim().split(/\s+/);
  return rest.length > 0 && method!.toLowerCase() === operation.method && rest.join(' ') === operation.path;
}
