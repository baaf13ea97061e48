/** Lint helpers for tests: lint a hand-written document from a temp file, in process. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { applyConfig } from '../../generator/lint/apply-config.js';
import { RULES } from '../../generator/lint/rules/index.js';
import { lintFile } from '../../generator/lint/run-lint.js';
import type { Finding } from '../../generator/lint/types.js';
import { defaultConfig } from '../../generator/config.js';

export async function lintText(dir: string, name: string, text: string): Promise<Finding[]> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  const run = await lintFile(file, RULES);
  return applyConfig(run.findings, defaultConfig().lint, file, process.cwd());
}

/** `line:col code` for each finding: what the tables compare. */
export const brief = (findings: readonly Finding[]) => findings.map((f) => `${f.location.line}:${f.location.column} ${f.code}`);

/** A Swagger 2.0 document whose body starts on line 5. */
export const swagger = (body: string) => `swagger: "2.0"\ninfo:\n  title: T\n  version: "1"\n${body}`;
/** An OpenAPI 3.0 document whose body starts on line 5. */
export const openapi = (body: string, version = '3.0.3') => `openapi: ${version}\ninfo:\n  title: T\n  version: "1"\n${body}`;
