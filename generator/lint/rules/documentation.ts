/**
 * What people read: the info object, tags, and descriptions. Descriptions become JSDoc in the
 * generated code and Markdown in documentation.
 */
import type { Place } from '../place.js';
import type { Json, Rule, Visit, Visitors } from '../types.js';
import { isObject } from '../walker.js';

const nonEmpty = (value: unknown) => typeof value === 'string' && value.trim().length > 0;

export const infoContact: Rule = {
  id: 'info-contact',
  severity: 'info',
  rationale: 'Users of an API need to know whom to ask.',
  description: 'The `info` object has no `contact`.',
  create: (context) => ({
    info(node) {
      if (!isObject(node.value.contact)) context.report(node.place, 'info has no contact');
    },
  }),
};

export const infoDescription: Rule = {
  id: 'info-description',
  severity: 'info',
  rationale: 'The API description is the first thing documentation shows.',
  description: 'The `info` object has no `description`, or an empty one.',
  create: (context) => ({
    info(node) {
      if (!nonEmpty(node.value.description)) context.report(node.place, 'info has no description');
    },
  }),
};

export const infoLicense: Rule = {
  id: 'info-license',
  severity: 'info',
  rationale: 'Users need to know the terms under which they may use the API description.',
  description: 'The `info` object has no `license`, or a license with neither `url` nor (3.1) `identifier`.',
  create: (context) => ({
    info(node) {
      const license = node.value.license;
      if (!isObject(license)) context.report(node.place, 'info has no license');
      else if (license.url === undefined && license.identifier === undefined) context.report(node.place.child('license'), 'license has neither url nor identifier');
    },
  }),
};

export const tagDescription: Rule = {
  id: 'tag-description',
  severity: 'info',
  rationale: 'Tags are the chapters of the documentation; a description says what is in each.',
  description: 'A tag declared in the top-level `tags` has no `description`.',
  create: (context) => ({
    tag(node) {
      if (!nonEmpty(node.value.description)) context.report(node.place, `tag "${String(node.value.name)}" has no description`);
    },
  }),
};

/** Calls `check` with every summary and description the walker passes. */
function eachText(check: (text: string, place: Place, node: Visit) => void): Visitors {
  const visit = (node: Visit) => {
    for (const field of ['summary', 'description'] as const) {
      const text = (node.value as Json)[field];
      if (typeof text === 'string') check(text, node.place.child(field), node);
    }
  };
  return { info: visit, tag: visit, operation: visit, parameter: visit, response: visit, header: visit, schema: visit, requestBody: visit, pathItem: visit, securityScheme: visit };
}

export const descriptionPunctuation: Rule = {
  id: 'description-punctuation',
  severity: 'info',
  rationale: 'A description starting with punctuation (`.Retrieves…`) is a copy-and-paste slip that shows in every doc comment.',
  description: 'A `summary` or `description` starts with `.`, `,`, `;`, `:`, `!`, `?` or a closing bracket — usually a fragment of the previous sentence left behind by a generator or an edit.',
  example: 'description: .Retrieves the pre-signed Amazon S3 download URL',
  create: (context) =>
    eachText((text, place, node) => {
      const first = text.trimStart()[0];
      if (first !== undefined && '.,;:!?)]}'.includes(first) && !text.trimStart().startsWith('...')) {
        context.report(place, `${place.name} starts with "${first}": "${text.trim().slice(0, 40)}${text.trim().length > 40 ? '…' : ''}"`, { operation: node.operation });
      }
    }),
};

const UNSAFE = /<script\b|javascript:|\beval\s*\(|<[a-z][^>]*\son[a-z]+\s*=/i;

export const markdownUnsafe: Rule = {
  id: 'markdown-unsafe',
  severity: 'warning',
  rationale: 'Descriptions are rendered as HTML by documentation tools; script in them runs in readers\' browsers.',
  description: 'A `summary` or `description` holds a `<script>` tag, a `javascript:` link, an `eval(` call or an inline event handler (`onclick=`).',
  example: 'description: <script>alert(1)</script>',
  create: (context) =>
    eachText((text, place, node) => {
      const match = UNSAFE.exec(text);
      if (match) context.report(place, `${place.name} holds "${match[0]}", which runs as script where documentation renders it`, { operation: node.operation });
    }),
};
