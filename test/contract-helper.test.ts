/**
 * `openbind/contract` as a user imports it: a project with openbind installed in its
 * node_modules (package.json and generator/, as `npm install` lays them out), bindings made by
 * the real CLI, and a vitest test file that imports the helper by its package name — run by
 * vitest in its own process, type-checked by tsc with the user's settings, and imported from
 * plain Node. The published types are shown to be the implementation's.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type * as Published from '../generator/contract/index.js';
import type { contractTests } from '../generator/contract/contract-tests.js';
import { ROOT, tempDir } from './support/paths.js';
import { openbind } from './support/run-cli.js';

const run = promisify(execFile);
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'contract.yaml');

const USER_TEST = `import { expect, it } from 'vitest';
import { contractTests } from 'openbind/contract';
import { createClient } from './generated/contract/index.js';

it('the generated client keeps the contract', async () => {
  const report = await contractTests(${JSON.stringify(FIXTURE)}, createClient, { seed: 1, runs: 5 });
  expect(report.failures, report.text).toEqual([]);
  expect(report.operations.length).toBe(13);
});
`;

let project: string;
beforeAll(async () => {
  project = await tempDir('user-project');
  const installed = path.join(project, 'node_modules', 'openbind');
  await mkdir(installed, { recursive: true });
  await cp(path.join(ROOT, 'package.json'), path.join(installed, 'package.json'));
  await cp(path.join(ROOT, 'generator'), path.join(installed, 'generator'), { recursive: true });
  await writeFile(path.join(project, 'package.json'), '{ "name": "user-project", "type": "module", "private": true }\n');
  await writeFile(path.join(project, 'contract.test.ts'), USER_TEST);
  // The user's own vitest config (nothing openbind needs in it); without one vitest would look further up.
  await writeFile(path.join(project, 'vitest.config.mjs'), "export default { test: { include: ['*.test.ts'] } };\n");
  const generated = await openbind('generate', FIXTURE, '--out', path.join(project, 'generated'));
  expect(generated.code, generated.stderr).toBe(0);
});

describe('openbind/contract', () => {
  it('runs in a user vitest suite, imported by package name', async () => {
    const vitest = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
    const { stdout } = await run(process.execPath, [vitest, 'run', '--root', project, 'contract.test.ts'], { cwd: project, env: { ...process.env, CI: '1' } });
    expect(stdout.replace(/\u001b\[[0-9;]*m/g, '')).toMatch(/Tests\s+1 passed \(1\)/);
  });

  it('type-checks in the user project, with the generated createClient as the client', () => {
    const program = ts.createProgram([path.join(project, 'contract.test.ts')], {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    });
    const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
    expect(errors).toEqual([]);
    // The helper's types come from its published .d.ts, not from openbind's sources.
    expect(program.getSourceFiles().some((file) => file.fileName.endsWith('node_modules/openbind/generator/contract/index.d.ts'))).toBe(true);
    expect(program.getSourceFiles().some((file) => file.fileName.includes('node_modules/openbind/generator/contract/contract-tests.ts'))).toBe(false);
  });

  it('imports from plain Node too', async () => {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', "const m = await import('openbind/contract'); console.log(typeof m.contractTests)"], { cwd: project });
    expect(stdout.trim()).toBe('function');
  });

  it('publishes the implementation\'s types', () => {
    expectTypeOf<typeof Published.contractTests>().toEqualTypeOf<typeof contractTests>();
  });
});
