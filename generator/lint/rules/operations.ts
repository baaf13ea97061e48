/**
 * Operations (§Operation Object): their ids, which name the client's methods, and what documents
 * them (summary, description, tags).
 */
import type { Place } from '../place.js';
import type { OperationVisit, Rule } from '../types.js';
import { isObject } from '../walker.js';

const label = (node: OperationVisit) => `${node.method.toUpperCase()} ${node.path}`;
const nonEmpty = (value: unknown) => typeof value === 'string' && value.trim().length > 0;

export const operationId: Rule = {
  id: 'operation-id',
  severity: 'warning',
  rationale: 'Without an operationId, generated method names come from the method and path and change when the path does.',
  description: 'An operation without `operationId`. openbind names its method from the method and path (`GET /pets/{petId}` → `getPetsByPetId`), which changes whenever the path does; an explicit id keeps client code stable.',
  example: 'paths:\n  /pets:\n    get:\n      responses: …',
  create: (context) => ({
    operation(node) {
      if (!nonEmpty(node.value.operationId)) context.report(node.place, `${label(node)} has no operationId`, { operation: node.operation });
    },
  }),
};

export const operationIdUnique: Rule = {
  id: 'operation-id-unique',
  severity: 'error',
  rationale: 'operationIds identify operations; two with one id get numbered method names.',
  description: 'Two operations share an `operationId`. The specifications require ids to be unique; openbind then names the methods `list`, `list2`, … by path and method order, which is easy to call by mistake.',
  example: 'paths:\n  /a:\n    get:\n      operationId: list\n  /b:\n    get:\n      operationId: list',
  create: (context) => {
    const first = new Map<string, string>();
    return {
      operation(node) {
        const id = node.value.operationId;
        if (typeof id !== 'string') return;
        const previous = first.get(id);
        if (previous === undefined) first.set(id, label(node));
        else context.report(node.place.child('operationId'), `operationId "${id}" of ${label(node)} is already used by ${previous}`, { operation: node.operation });
      },
    };
  },
};

export const operationIdUrlSafe: Rule = {
  id: 'operation-id-url-safe',
  severity: 'warning',
  rationale: 'Documentation tools put operationIds in URLs; characters outside the URL-safe set break links.',
  description: 'An `operationId` with characters other than letters, digits and `-._~` (spaces, slashes, braces…). Documentation tools use ids as link anchors and URL segments.',
  example: 'operationId: get pets/{id}',
  create: (context) => ({
    operation(node) {
      const id = node.value.operationId;
      if (typeof id === 'string' && !/^[A-Za-z0-9\-._~]*$/.test(id)) context.report(node.place.child('operationId'), `operationId "${id}" has characters that are not URL-safe`, { operation: node.operation });
    },
  }),
};

export const operationIdIdentifier: Rule = {
  id: 'operation-id-identifier',
  severity: 'info',
  rationale: 'An operationId that is not an identifier is renamed in the generated client.',
  description: 'openbind names each client method after its `operationId`; an id that is not a JavaScript identifier (`pets.list`, `Get-Pet`, `2fa`) is turned into one (`petsList`), so the method name differs from the id.',
  example: 'operationId: pets.list',
  create: (context) => ({
    operation(node) {
      const id = node.value.operationId;
      if (typeof id === 'string' && id.length > 0 && !/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(id)) context.report(node.place.child('operationId'), `operationId "${id}" is not an identifier; the client method gets a derived name`, { operation: node.operation });
    },
  }),
};

export const operationSummary: Rule = {
  id: 'operation-summary',
  severity: 'info',
  rationale: 'The summary is the one-line name of an operation in documentation and generated doc comments.',
  description: 'An operation without a `summary`.',
  create: (context) => ({
    operation(node) {
      if (!nonEmpty(node.value.summary)) context.report(node.place, `${label(node)} has no summary`, { operation: node.operation });
    },
  }),
};

export const operationDescription: Rule = {
  id: 'operation-description',
  severity: 'info',
  rationale: 'The description is what users read to know what an operation does.',
  description: 'An operation without a `description`.',
  create: (context) => ({
    operation(node) {
      if (!nonEmpty(node.value.description)) context.report(node.place, `${label(node)} has no description`, { operation: node.operation });
    },
  }),
};

export const operationTags: Rule = {
  id: 'operation-tags',
  severity: 'info',
  rationale: 'Tags group operations in documentation.',
  description: 'An operation with no `tags`.',
  create: (context) => ({
    operation(node) {
      const tags = node.value.tags;
      if (!Array.isArray(tags) || tags.length === 0) context.report(node.place, `${label(node)} has no tags`, { operation: node.operation });
    },
  }),
};

export const operationTagDefined: Rule = {
  id: 'operation-tag-defined',
  severity: 'info',
  rationale: 'A tag used by an operation but not declared at the top has no description or order.',
  description: 'An operation uses a tag that the top-level `tags` list does not declare. Declaring tags gives them a description and an order in documentation.',
  example: 'tags: []\npaths:\n  /pets:\n    get:\n      tags: [pets]',
  create: (context) => {
    const declared = new Set((Array.isArray(context.root.tags) ? context.root.tags : []).map((tag) => (isObject(tag) ? tag.name : undefined)));
    return {
      operation(node) {
        const tags = node.value.tags;
        if (!Array.isArray(tags)) return;
        const place: Place = node.place.child('tags');
        tags.forEach((tag, index) => {
          if (typeof tag === 'string' && !declared.has(tag)) context.report(place.child(index), `tag "${tag}" is not declared in the top-level tags`, { operation: node.operation });
        });
      },
    };
  },
};
