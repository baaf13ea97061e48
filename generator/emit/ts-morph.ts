/**
 * The parts of ts-morph that emission uses at run time, loaded with `require`. ts-morph is
 * CommonJS: an ES `import` of it first has Node scan its 1.5 MB for named exports, on every run
 * (measured: ~70 ms of a 0.9 s generation). Types still come from the package itself.
 */
import { createRequire } from 'node:module';

const tsMorph = createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');

export const { printStructure, StructureKind, VariableDeclarationKind } = tsMorph;
