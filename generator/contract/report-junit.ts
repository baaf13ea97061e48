/**
 * The JUnit XML report of a contract run (the format CI systems read): one testsuite per spec,
 * one testcase per operation, a <failure> listing each break with the request that showed it, a
 * <skipped> where no case could run. Spec text is data: everything is escaped, and characters
 * XML 1.0 cannot hold are dropped.
 */
import type { OperationResult } from './case-runner.js';
import type { ContractReport } from './run-contract.js';

export function reportJunit(report: ContractReport): string {
  const skipped = report.operations.filter((result) => result.skipped).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="openbind test" tests="${report.operations.length}" failures="${report.failures.length}" skipped="${skipped}">`,
    `  <testsuite name="${attribute(`${report.title} (${report.mode})`)}" tests="${report.operations.length}" failures="${report.failures.length}" skipped="${skipped}" errors="0">`,
    '    <properties>',
    ...[['spec', report.spec], ['mode', report.mode], ['target', report.target], ['seed', String(report.seed)], ['runs', String(report.runs)]].map(([name, value]) => `      <property name="${name}" value="${attribute(value!)}"/>`),
    '    </properties>',
    ...report.operations.flatMap(testCase),
    '  </testsuite>',
    '</testsuites>',
  ];
  return lines.join('\n') + '\n';
}

function testCase(result: OperationResult): string[] {
  const open = `    <testcase classname="${attribute(result.id)}" name="${attribute(result.methodName)}">`;
  if (result.skipped) return [open, `      <skipped message="${attribute(result.skipped)}"/>`, '    </testcase>'];
  if (result.breaks.length === 0) return [`    <testcase classname="${attribute(result.id)}" name="${attribute(result.methodName)}"/>`];
  const details = result.breaks.flatMap((found) => [
    `[${found.code}] ${found.message} (spec #${found.spec})`,
    found.example.request ? `  request: ${found.example.request.method} ${found.example.request.url}${found.example.request.body !== undefined ? ` body ${found.example.request.body}` : ''}` : '  request: not sent',
    found.example.response ? `  response: ${found.example.response.status} ${found.example.response.headers['content-type'] ?? ''} ${found.example.response.body}` : '  response: none',
  ]);
  if (result.counterexample) details.push(`shrunk counterexample: ${result.counterexample.params}`);
  const message = `${result.breaks.length} break(s): ${result.breaks.map((found) => found.code).join(', ')}`;
  return [open, `      <failure message="${attribute(message)}" type="contract">${text(details.join('\n'))}</failure>`, '    </testcase>'];
}

// XML 1.0 §2.2 Char: tab, newline, carriage return and U+0020 upwards, minus surrogates and U+FFFE/U+FFFF.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function text(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
