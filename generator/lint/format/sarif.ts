/**
 * `--format sarif`: SARIF 2.1.0 (OASIS), for code scanning. One run; the driver lists every lint
 * rule and every other code that appears (the loader's), each result points at its rule by index
 * and at a file relative to the working folder (`%SRCROOT%`), with its JSON pointer as a logical
 * location.
 */
import type { FormatInput } from './summary.js';

/** openbind severities as SARIF levels (SARIF 2.1.0 §3.27.10). */
const RULE_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

interface ReportingDescriptor {
  id: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  defaultConfiguration: { level: string };
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
function uri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

export function formatSarif({ findings, rules, version }: FormatInput): string {
  const descriptors: ReportingDescriptor[] = rules.map((rule) => ({
    id: rule.id,
    shortDescription: { text: rule.rationale },
    fullDescription: { text: rule.description },
    defaultConfiguration: { level: RULE_LEVEL[rule.severity] },
  }));
  const index = new Map(descriptors.map((descriptor, position) => [descriptor.id, position]));
  for (const finding of findings) {
    if (index.has(finding.code)) continue;
    index.set(finding.code, descriptors.length);
    descriptors.push({
      id: finding.code,
      shortDescription: { text: `Reported by openbind's ${finding.code.split('/')[0]} stage (see the README's diagnostics table).` },
      defaultConfiguration: { level: RULE_LEVEL[finding.severity] },
    });
  }
  const results = findings.map((finding) => ({
    ruleId: finding.code,
    ruleIndex: index.get(finding.code)!,
    level: RULE_LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: uri(finding.location.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: finding.location.line, startColumn: finding.location.column },
        },
        logicalLocations: [{ fullyQualifiedName: finding.pointer || '/', kind: 'element' }],
      },
    ],
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'openbind', semanticVersion: version, rules: descriptors } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
