#!/usr/bin/env node
// The `openbind` command. The CLI is TypeScript and a fresh clone has no build step, so the first
// run bundles generator/ with esbuild into one plain ES module under node_modules/.cache/openbind/,
// named by a hash of the sources, and every later run imports that: no TypeScript loader on the
// hot path (measured on the Kubernetes document: 0.17 s and 35 MB less per run). Where the cache
// cannot be written, the sources run through tsx's loader as before.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);

/** Every source the bundle is made of, in a fixed order, with its text. */
function sources() {
  const files = readdirSync(here, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  return files.map((file) => [file, readFileSync(file)]);
}

function bundleFile() {
  const hash = createHash('sha256').update(root).update(process.version);
  for (const [file, text] of sources()) hash.update(file).update(text);
  hash.update(readFileSync(path.join(root, 'package.json')));
  return path.join(root, 'node_modules', '.cache', 'openbind', `cli-${hash.digest('hex').slice(0, 16)}.mjs`);
}

async function build(outfile) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [path.join(here, 'cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'silent',
    plugins: [sourceUrls],
  });
  mkdirSync(path.dirname(outfile), { recursive: true });
  // Written beside its final name and renamed: two runs building at once never see half a file.
  const temporary = `${outfile}.${process.pid}.tmp`;
  writeFileSync(temporary, result.outputFiles[0].contents);
  renameSync(temporary, outfile);
  // Bundles of earlier sources are never used again.
  for (const name of readdirSync(path.dirname(outfile))) {
    if (/^cli-[0-9a-f]+\.mjs$/.test(name) && name !== path.basename(outfile)) rmSync(path.join(path.dirname(outfile), name), { force: true });
  }
}

/**
 * Modules find their files (the runtime template, package.json, schemas) relative to
 * `import.meta.url`; in one bundle every module would share the bundle's URL, so each keeps
 * its own source file's URL.
 */
const sourceUrls = {
  name: 'source-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: 'ts',
    }));
  },
};

async function loadCli() {
  try {
    const outfile = bundleFile();
    if (!existsSync(outfile)) await build(outfile);
    return await import(pathToFileURL(outfile).href);
  } catch {
    const { register } = await import('tsx/esm/api');
    register();
    return import('./cli.ts');
  }
}

const { main } = await loadCli();
process.exitCode = await main(process.argv.slice(2));
