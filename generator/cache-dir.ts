/**
 * Where openbind keeps what it derives from its own install and may rebuild at any time (the
 * CLI bundle, precompiled validators): `node_modules/.cache/openbind/` of the package, the
 * folder build tools conventionally use, never the user's project or generated/.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function cacheDir(): string {
  return path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'node_modules', '.cache', 'openbind');
}
