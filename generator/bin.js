#!/usr/bin/env node
// The `openbind` command: runs the TypeScript CLI through tsx's loader, so a fresh clone needs
// no build step between `npm install` and `npx openbind`.
const io = {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
};

if (process.argv[2] === 'lint') {
  // Lint starts without tsx where it can: see lint-bundle.js.
  const { loadLintCommand } = await import('./lint-bundle.js');
  const { lintCommand } = await loadLintCommand();
  process.exitCode = await lintCommand(process.argv.slice(3), io);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('./cli.ts');
  process.exitCode = await main(process.argv.slice(2), io);
}
