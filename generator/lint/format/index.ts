/** The output formats of `openbind lint --format`. */
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import type { FormatInput } from './summary.js';

export const FORMATS: Record<string, (input: FormatInput) => string> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
};

export type { FormatInput };
