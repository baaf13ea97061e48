/**
 * How the document is written, beyond what it means: front-matter wrapping and YAML keys that are
 * not strings. openbind reads both; most other tools stop at them, so these are hints with a fix.
 */
import { isMap, isScalar, isSeq, Scalar } from 'yaml';
import { Place } from '../place.js';
import type { LintContext, Rule, SourceView } from '../types.js';

/** A `---` line after the document's content with nothing but blank lines after it. */
export function closingFrontMatter(text: string): { start: number; end: number } | undefined {
  const match = /(?:^|\n)(---[ \t]*)(?:\r?\n[ \t\r\n]*)?$/.exec(text);
  if (!match) return undefined;
  const start = match.index + (match[0].startsWith('\n') ? 1 : 0);
  if (text.slice(0, start).replace(/^---[ \t]*\r?\n/, '').trim() === '') return undefined;
  return { start, end: start + match[1]!.length };
}

export const frontMatter: Rule = {
  id: 'front-matter',
  severity: 'info',
  rationale: 'A closing `---` line starts a second, empty YAML document; openbind reads past it, most tools stop.',
  description:
    'The document is wrapped in front-matter lines (`---` before and after, as API catalogues publish it). The opening `---` is valid YAML; the closing one starts a second document, and Spectral and Redocly then refuse the file ("expected a single document in the stream"). openbind reads the first document. `--fix` removes the closing line and nothing else.',
  example: '---\nswagger: "2.0"\n…\n---',
  fixable: true,
  create: (context) => ({
    document() {
      const source = context.source(context.mainFile);
      if (!source || source.format !== 'yaml') return;
      const closing = closingFrontMatter(source.text);
      if (!closing) return;
      const opened = /^---[ \t]*\r?\n/.test(source.text);
      const line = source.text.slice(0, closing.start).split('\n').length;
      context.report(Place.root(context.mainFile), `the document ends with a "---" line${opened ? ' (front-matter wrapping)' : ''}, which starts a second, empty YAML document: openbind reads past it, other tools refuse the file; remove the line (--fix)`, {
        location: { file: context.mainFile, line, column: 1 },
      });
    },
  }),
};

export const nonStringKey: Rule = {
  id: 'non-string-key',
  severity: 'info',
  rationale: 'Unquoted `200:` is a YAML number; openbind reads it as "200", tools that need string keys stop.',
  description:
    'A mapping key written as a number (or `true`, `null`) is not a string in YAML, though JSON and OpenAPI keys are. openbind reads it as the string it looks like (`200:` as `"200"`); Spectral reports a parser error ("Mapping key must be a string scalar"). `--fix` quotes keys whose text is exactly the number they mean.',
  example: 'responses:\n  200:\n    description: OK',
  fixable: true,
  create: (context) => ({
    document() {
      const source = context.source(context.mainFile);
      const root = source?.yamlRoot();
      if (source && root) reportKeys(context, source, root, Place.root(context.mainFile));
    },
  }),
};

function reportKeys(context: LintContext, source: SourceView, node: unknown, place: Place): void {
  if (isSeq(node)) {
    node.items.forEach((item, index) => reportKeys(context, source, item, place.child(index)));
    return;
  }
  if (!isMap(node)) return;
  for (const pair of node.items) {
    const key = pair.key;
    if (!isScalar(key)) continue;
    const child = place.child(String(key.value));
    if (typeof key.value !== 'string' && key.type === Scalar.PLAIN && key.range) {
      const written = source.text.slice(key.range[0], key.range[1]);
      context.report(child, `key ${written} is a YAML ${key.value === null ? 'null' : typeof key.value}, not a string: openbind reads it as "${String(key.value)}", tools that need string keys stop here; quote it (--fix)`, { location: source.at(key.range[0]) });
    }
    reportKeys(context, source, pair.value, child);
  }
}
