/** openbind's version, from its package.json (the bundle keeps each module's own URL, so this finds it). */
import { readFile } from 'node:fs/promises';

export async function openbindVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
