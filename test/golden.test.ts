/**
 * Golden: `generated/` is exactly what `openbind generate` writes now (the drift check CI relies
 * on), generation is deterministic, and the committed code compiles under strict tsc.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareOutput } from '../generator/output/check-output.js';
import { anyKeywords, compile, tsFiles } from './support/compile.js';
import { GENERATED_DIR, SPEC_DIR } from './support/paths.js';
import { generateOrThrow } from './support/generated.js';

const specs = readdirSync(SPEC_DIR).filter((name) => /\.(ya?ml|json)$/i.test(name)).sort();

describe('generated/', () => {
  it('holds one folder per spec and nothing else', () => {
    const folders = readdirSync(GENERATED_DIR).sort();
    expect(folders).toEqual(specs.map((name) => name.replace(/\.(ya?ml|json)$/i, '')).sort());
  });

  it.each(specs)('is up to date for %s', async (name) => {
    const result = await generateOrThrow(path.join(SPEC_DIR, name));
    const drift = await compareOutput(path.join(GENERATED_DIR, result.name), result.files);
    expect(drift.map((d) => d.patch).join('\n')).toBe('');
  });

  it.each(specs)('is byte-identical across runs for %s', async (name) => {
    const first = await generateOrThrow(path.join(SPEC_DIR, name));
    const second = await generateOrThrow(path.join(SPEC_DIR, name));
    expect([...second.files]).toEqual([...first.files]);
  });

  it('compiles under tsc --strict with noUncheckedIndexedAccess, verbatimModuleSyntax and exactOptionalPropertyTypes', () => {
    expect(compile(tsFiles(GENERATED_DIR))).toEqual([]);
  });

  it('never types anything as any', () => {
    expect(tsFiles(GENERATED_DIR).flatMap(anyKeywords)).toEqual([]);
  });
});
