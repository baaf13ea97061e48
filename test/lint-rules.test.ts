/**
 * Every rule, one table: a small document per case and the exact places the rule reports. Then:
 * every rule fires on something, and RULES.md is what the rule modules generate.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../generator/lint/rules/index.js';
import { CASES } from './lint-rules.cases.js';
import { lintText } from './support/lint.js';
import { tempDir } from './support/paths.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('lint-rules');
});

describe('each rule reports exactly where', () => {
  it.each(CASES.map((c, index) => [`${c.rule}: ${c.name}`, c, index] as const))('%s', async (_name, c, index) => {
    const findings = await lintText(dir, c.file ?? `case-${index}.yaml`, c.doc);
    expect(findings.filter((f) => f.code === c.rule).map((f) => `${f.location.line}:${f.location.column}`)).toEqual(c.want);
    expect(findings.filter((f) => f.code === 'lint/internal')).toEqual([]);
  });
});

describe('the rule set', () => {
  it('every rule fires on some case', () => {
    const firing = new Set(CASES.filter((c) => c.want.length > 0).map((c) => c.rule));
    expect(RULES.map((rule) => rule.id).filter((id) => !firing.has(id))).toEqual([]);
  });

  it('every rule has an id, severity, one-line rationale and a description', () => {
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(rule.rationale).not.toMatch(/\n/);
      expect(rule.rationale.length).toBeGreaterThan(20);
      expect(rule.description.length).toBeGreaterThan(20);
    }
    expect(new Set(RULES.map((rule) => rule.id)).size).toBe(RULES.length);
  });
});

describe('RULES.md', () => {
  it('is what the rule modules generate (npx tsx generator/lint/rules-doc.ts)', async () => {
    const { readFile } = await import('node:fs/promises');
    const { rulesMarkdown } = await import('../generator/lint/rules-doc.js');
    expect(await readFile(new URL('../generator/lint/RULES.md', import.meta.url), 'utf8')).toBe(rulesMarkdown());
  });

  it('maps every peer rule to ours or says why not, and names only rules that exist', async () => {
    const { REDOCLY_RECOMMENDED, SPECTRAL_OAS } = await import('../generator/lint/coverage.js');
    const ids = new Set(RULES.map((rule) => rule.id));
    for (const peer of [...SPECTRAL_OAS, ...REDOCLY_RECOMMENDED]) {
      expect(peer.ours.length > 0 || (peer.note ?? '').length > 0, peer.id).toBe(true);
      for (const ours of peer.ours) expect(ids.has(ours) || /^(spec|load)\//.test(ours), `${peer.id} → ${ours}`).toBe(true);
    }
  });
});
