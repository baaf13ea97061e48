#!/usr/bin/env node
// The `openbind` command: runs the TypeScript CLI through tsx's loader, so a fresh clone needs
// no build step between `npm install` and `npx openbind`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
