#!/usr/bin/env node
// The `openbind` command: runs the TypeScript CLI through tsx's loader, so a fresh clone needs
// no build step between `npm install` and `npx openbind`.
const io = {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
};

if (process.argv[2] === 'lint') {
  // Lint is measured against other linters' time and memory. On Node 20, tsx's ESM loader runs
  // its hooks in a second thread (~30 MB and ~0.1 s before any work); its require hook compiles
  // in this thread, and nothing lint loads needs ESM-only features.
  const { register } = await import('tsx/cjs/api');
  register();
  const { createRequire } = await import('node:module');
  const { lintCommand } = createRequire(import.meta.url)('./lint/lint-command.ts');
  process.exitCode = await lintCommand(process.argv.slice(3), io);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('./cli.ts');
  process.exitCode = await main(process.argv.slice(2), io);
}
