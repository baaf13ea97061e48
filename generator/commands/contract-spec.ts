/** Loads one spec for a contract command: the IR and the raw schemas, or located diagnostics. */
import type { CliIo } from '../cli.js';
import { printDiagnostics } from '../cli.js';
import { apiContract, type ApiContract } from '../contract/operation-contract.js';
import { generateSpecWithSource, type GenerateWithSpecResult } from '../pipeline.js';

export type LoadedContract = { contract: ApiContract; generated: Extract<GenerateWithSpecResult, { ok: true }> };

export async function loadContract(file: string, io: CliIo): Promise<LoadedContract | undefined> {
  const result = await generateSpecWithSource(file);
  printDiagnostics(io, result.diagnostics);
  if (!result.ok) {
    io.err(`openbind: ${file} cannot be read as a spec`);
    return undefined;
  }
  return { contract: apiContract(result.api, result.spec), generated: result };
}
