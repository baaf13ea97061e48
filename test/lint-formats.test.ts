/**
 * Output formats on the seed: SARIF valid against the official SARIF 2.1.0 schema (as shipped by
 * Microsoft's @microsoft/jest-sarif), JSON, GitHub workflow commands escaped, JUnit XML, stylish.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyConfig } from '../generator/lint/apply-config.js';
import { FORMATS } from '../generator/lint/format/index.js';
import { RULES } from '../generator/lint/rules/index.js';
import { lintFile } from '../generator/lint/run-lint.js';
import type { Finding } from '../generator/lint/types.js';
import { defaultConfig } from '../generator/config.js';
import { SPEC_DIR } from './support/paths.js';

const require = createRequire(import.meta.url);
const SEED = path.relative(process.cwd(), path.join(SPEC_DIR, 'ecr-layers.yaml'));
let findings: Finding[];

beforeAll(async () => {
  const run = await lintFile(SEED, RULES);
  findings = applyConfig(run.findings, defaultConfig().lint, SEED, process.cwd());
});

const render = (format: string, list: readonly Finding[] = findings) => FORMATS[format]!({ findings: list, files: [SEED], rules: RULES, version: '0.1.0' });

/** A finding whose message holds everything that could break an output format. */
const hostile = (): Finding => ({
  code: 'description-punctuation', severity: 'error', message: 'a "quote" <tag> & 100% : , \n second line ]]> \u0007',
  pointer: '/paths/~1a', location: { file: 'dir with space/a,b:c.yaml', line: 3, column: 7 },
});

describe('sarif', () => {
  it('is valid SARIF 2.1.0 by the official schema, with every result pointing at its rule', () => {
    const AjvDraft04 = require('ajv-draft-04') as new (options: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } };
    const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;
    const validate = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
    for (const list of [findings, [hostile()], []]) {
      const log = JSON.parse(render('sarif', list)) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; ruleIndex: number; level: string; locations: Array<{ physicalLocation: { region: { startLine: number } } }> }> }> };
      expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
      const run = log.runs[0]!;
      expect(run.results).toHaveLength(list.length);
      for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
    }
    const log = JSON.parse(render('sarif')) as { runs: Array<{ results: Array<{ level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }> }> };
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'spec/ecr-layers.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 1 } });
    expect(new Set(log.runs[0]!.results.map((r) => r.level))).toEqual(new Set(['warning', 'note']));
  });
});

describe('json', () => {
  it('lists every finding with location, rule, severity, message and pointer', () => {
    const out = JSON.parse(render('json')) as { files: string[]; findings: Array<Record<string, unknown>>; summary: Record<string, number> };
    expect(out.files).toEqual([SEED]);
    expect(out.findings).toHaveLength(findings.length);
    expect(out.findings.find((f) => f.rule === 'path-query')).toMatchObject({ file: SEED, line: 18, column: 3, severity: 'warning', pointer: '/paths/~1?Action=GetDownloadUrlForLayer' });
    expect(out.summary).toEqual({ error: 0, warning: 8, info: 16 });
  });
});

describe('github', () => {
  it('writes one workflow command per finding, escaped', () => {
    const lines = render('github').split('\n');
    expect(lines).toHaveLength(findings.length);
    expect(lines).toContain('::warning file=spec/ecr-layers.yaml,line=11,col=1,title=http-only::only http is offered: requests and credentials travel unencrypted; add https');
    expect(lines.filter((line) => line.startsWith('::notice '))).toHaveLength(16);
    expect(render('github', [hostile()])).toBe('::error file=dir with space/a%2Cb%3Ac.yaml,line=3,col=7,title=description-punctuation::a "quote" <tag> & 100%25 : , %0A second line ]]> \u0007');
  });
});

describe('junit', () => {
  it('is one suite per file, a failing case per error or warning', () => {
    const xml = render('junit');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="openbind lint" tests="24" failures="8" errors="0">')).toBe(true);
    expect(xml.match(/<testcase /g)).toHaveLength(24);
    expect(xml.match(/<failure /g)).toHaveLength(8);
    const escaped = render('junit', [hostile()]);
    expect(escaped).toContain('message="a &quot;quote&quot; &lt;tag&gt; &amp; 100% : , &#10; second line ]]&gt; "');
    expect(escaped).not.toContain('\u0007');
    expect(render('junit', [])).toContain(`<testcase classname="${SEED}" name="lint"/>`);
  });
});

describe('stylish', () => {
  it('groups by file, one line per finding, and counts', () => {
    const text = render('stylish');
    expect(text.split('\n')[0]).toBe(SEED);
    expect(text).toContain('  18:3  warning  path-query ');
    expect(text.endsWith('24 problems (0 errors, 8 warnings, 16 info)')).toBe(true);
    expect(render('stylish', [hostile()]).split('\n')).toHaveLength(4);
  });
});
