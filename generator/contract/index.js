// `openbind/contract`: contract tests for users' own suites (see contract-tests.ts).
// openbind ships TypeScript run through tsx, with no build step: this entry loads the helper with
// tsx's scoped importer, so it works from plain Node and from test runners (vitest, node:test)
// without any loader flag, and without changing how the rest of the user's code is loaded.
import { tsImport } from 'tsx/esm/api';

const contract = await tsImport('./contract-tests.ts', import.meta.url);

export const contractTests = contract.contractTests;
