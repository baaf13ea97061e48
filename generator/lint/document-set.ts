/**
 * The files one lint run reads: the main document and every file reached through `$ref`, each
 * read once (as the loader reads files) and kept with its text and locator, so a finding in a
 * referenced file is located in that file. References are resolved here; remote ones are never
 * fetched, as in the loader.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Diagnostic, splitPointer } from '../diagnostics.js';
import { Place } from './place.js';
import { type LintSource, sourceFromText } from './read-source.js';
import type { Visit } from './types.js';

export type Resolution = { target: Visit<unknown>; problem?: undefined } | { target?: undefined; problem: string };

const REMOTE = /^[a-z][a-z0-9+.-]*:\/\//i;

export class DocumentSet {
  /** By absolute path; a Diagnostic where the file could not be read. */
  private readonly sources = new Map<string, LintSource | Diagnostic>();
  /** Absolute path → the name findings use. */
  private readonly names = new Map<string, string>();
  /** Resolutions by file and `$ref`: big documents repeat the same references thousands of times. */
  private readonly resolved = new Map<string, Resolution>();

  constructor(readonly main: LintSource) {
    const absolute = path.resolve(main.file);
    this.sources.set(absolute, main);
    this.names.set(main.file, absolute);
  }

  get mainFile(): string {
    return this.main.file;
  }

  /** Every file read so far, the main one first. */
  files(): LintSource[] {
    return [...this.sources.values()].filter((source): source is LintSource => 'text' in source);
  }

  source(file: string): LintSource | undefined {
    const found = this.sources.get(this.names.get(file) ?? path.resolve(file));
    return found && 'text' in found ? found : undefined;
  }

  /** Resolves a `$ref` written in `fromFile`. */
  resolve(ref: string, fromFile: string): Resolution {
    const key = `${fromFile}\0${ref}`;
    let resolution = this.resolved.get(key);
    if (!resolution) this.resolved.set(key, (resolution = this.resolveUncached(ref, fromFile)));
    return resolution;
  }

  private resolveUncached(ref: string, fromFile: string): Resolution {
    const hash = ref.indexOf('#');
    const target = hash < 0 ? ref : ref.slice(0, hash);
    const fragment = hash < 0 ? '' : ref.slice(hash + 1);
    let source: LintSource | undefined;
    if (target === '') {
      source = this.source(fromFile);
    } else {
      if (REMOTE.test(target) && !target.startsWith('file://')) return { problem: 'is remote, and openbind does not fetch' };
      const loaded = this.load(target, fromFile);
      if ('problem' in loaded) return loaded;
      source = loaded.source;
    }
    if (!source) return { problem: 'names a file that cannot be read' };
    let pointer: string;
    try {
      pointer = decodeURIComponent(fragment);
    } catch {
      pointer = fragment;
    }
    if (pointer !== '' && !pointer.startsWith('/')) return { problem: `has a fragment "#${fragment}" that is not a JSON pointer` };
    let value: unknown = source.value;
    for (const segment of splitPointer(pointer)) {
      if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) {
        return { problem: `points to ${target === '' ? '' : path.basename(source.file)}#${pointer}, which does not exist` };
      }
      value = (value as Record<string, unknown>)[segment];
    }
    return { target: { value, place: Place.root(source.file, pointer) } };
  }

  private load(target: string, fromFile: string): { source: LintSource } | { problem: string } {
    let decoded = target.replace(/\/+$/, '');
    try {
      decoded = decodeURI(decoded);
    } catch {
      // keep as written
    }
    const base = path.dirname(path.resolve(this.names.get(fromFile) ?? fromFile));
    const absolute = decoded.startsWith('file://') ? fileURLToPath(decoded) : path.resolve(base, decoded);
    let source = this.sources.get(absolute);
    if (!source) {
      // Named as the user would name it: relative to the working folder, like the loader does.
      const name = path.relative(process.cwd(), absolute) || absolute;
      try {
        source = sourceFromText(name, readFileSync(absolute, 'utf8'));
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
        source = { code: 'load/read', severity: 'error', message: `${name} ${reason}`, pointer: '' };
      }
      this.sources.set(absolute, source);
      this.names.set(name, absolute);
    }
    if (!('text' in source)) return { problem: `names ${path.relative(base, absolute) || absolute}, which ${source.message.endsWith('does not exist') ? 'does not exist' : 'cannot be read'}` };
    return { source };
  }
}
