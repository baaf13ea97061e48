/**
 * `--format junit`: one test suite per file, one test case per finding (errors and warnings are
 * failures, info findings pass with the message as output), and one passing case for a file
 * without findings — the shape CI test reporters show.
 */
import type { Finding } from '../types.js';
import type { FormatInput } from './summary.js';

/** XML 1.0 text: escaped, without the control characters XML cannot hold. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An attribute value: line breaks as character references, which XML parsers keep. */
const attribute = (text: string) => xml(text).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');

function testCase(f: Finding): string {
  const where = `${f.location.file}:${f.location.line}:${f.location.column}`;
  const name = attribute(`${f.code} at ${f.location.line}:${f.location.column}`);
  const body = xml(`${where} ${f.severity} ${f.code} ${f.message} (${f.pointer || '/'})`);
  if (f.severity === 'info') return `    <testcase classname="${xml(f.location.file)}" name="${name}">\n      <system-out>${body}</system-out>\n    </testcase>`;
  return `    <testcase classname="${xml(f.location.file)}" name="${name}">\n      <failure type="${f.severity}" message="${attribute(f.message)}">${body}</failure>\n    </testcase>`;
}

export function formatJunit({ findings, files }: FormatInput): string {
  const byFile = new Map<string, Finding[]>(files.map((file) => [file, []]));
  for (const finding of findings) {
    const list = byFile.get(finding.location.file);
    if (list) list.push(finding);
    else byFile.set(finding.location.file, [finding]);
  }
  const failures = findings.filter((f) => f.severity !== 'info').length;
  const suites = [...byFile].map(([file, list]) => {
    const failed = list.filter((f) => f.severity !== 'info').length;
    const cases = list.length > 0 ? list.map(testCase) : [`    <testcase classname="${xml(file)}" name="lint"/>`];
    return `  <testsuite name="${xml(file)}" tests="${cases.length}" failures="${failed}" errors="0">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const tests = [...byFile.values()].reduce((sum, list) => sum + Math.max(list.length, 1), 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="openbind lint" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>`;
}
