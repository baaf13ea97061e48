/**
 * References (§Reference Object, JSON Reference): they must point somewhere, stand alone, and
 * every reusable component should be referenced by something.
 */
import type { Place } from '../place.js';
import type { ComponentVisit, Rule } from '../types.js';
import { isObject } from '../walker.js';

export const refResolves: Rule = {
  id: 'ref-resolves',
  severity: 'error',
  rationale: 'A `$ref` that points nowhere leaves a hole in the API: the type or parameter it stands for is missing.',
  description:
    'A `$ref` names a place that does not exist in its document, a file that does not exist, or a remote URL (openbind never fetches). When generating, openbind reads a reference to a missing file as an empty schema (`spec/unresolved-ref`); a missing place inside a document stops generation.',
  example: 'schema:\n  $ref: "#/definitions/Holder"',
  create: (context) => ({
    reference(node) {
      if (node.problem) context.report(node.place.child('$ref'), `$ref "${node.ref}" ${node.problem}`, { operation: node.operation });
    },
  }),
};

/** Where the loader already reports fields beside `$ref` (and drops them): parameter lists and responses. */
const LOADER_CHECKED = /\/parameters\/\d+$|\/(get|put|post|delete|options|head|patch|trace)\/responses\/[^/]+$/;

export const refSiblings: Rule = {
  id: 'ref-siblings',
  severity: 'warning',
  rationale: 'Fields beside `$ref` are ignored (before OpenAPI 3.1), so what they say is silently lost.',
  description:
    'A Reference Object stands for what it points to; fields written beside `$ref` are ignored by Swagger 2.0 and OpenAPI 3.0 (3.1 allows `summary` and `description`, and any keyword beside `$ref` in a schema). In parameter lists and responses the loader reports this as `spec/ref-siblings`; this rule covers every other place.',
  example: 'schema:\n  $ref: "#/definitions/Pet"\n  description: the pet',
  create: (context) => ({
    reference(node) {
      if (context.version === '3.1' && node.inSchema) return;
      const allowed = context.version === '3.1' ? new Set(['$ref', 'summary', 'description']) : new Set(['$ref']);
      const siblings = Object.keys(node.value).filter((key) => !allowed.has(key) && !key.startsWith('x-'));
      if (siblings.length === 0) return;
      if (node.place.file === context.mainFile && LOADER_CHECKED.test(node.place.pointer)) return;
      context.report(node.place, `field${siblings.length > 1 ? 's' : ''} beside $ref (${siblings.join(', ')}) ${siblings.length > 1 ? 'are' : 'is'} ignored`, { operation: node.operation });
    },
  }),
};

export const unusedComponent: Rule = {
  id: 'unused-component',
  severity: 'warning',
  rationale: 'A definition nothing references is dead weight, or a sign that a reference went to the wrong name.',
  description:
    'A component of the main document (`definitions`, `parameters`, `responses`; in OpenAPI 3 every `components` section but `securitySchemes`) that no `$ref` (nor an OpenAPI 3 discriminator mapping) points to. Subtypes that extend a schema with a `discriminator` through `allOf` count as used. openbind still generates a type for an unused schema.',
  example: 'definitions:\n  Unused:\n    type: object',
  create: (context) => {
    const components: ComponentVisit[] = [];
    const targets = new Set<string>();
    const subtypes = new Set<string>();
    const use = (place: Place) => {
      if (place.file === context.mainFile) targets.add(place.pointer);
    };
    return {
      component(node) {
        if (node.kind !== 'securitySchemes' && node.place.file === context.mainFile) components.push(node);
      },
      reference(node) {
        if (node.target) use(node.target.place);
      },
      schema(node) {
        const discriminator = node.value.discriminator;
        if (isObject(discriminator) && isObject(discriminator.mapping)) {
          for (const ref of Object.values(discriminator.mapping)) {
            if (typeof ref === 'string' && ref.startsWith('#')) targets.add(decodeURIComponent(ref.slice(1)));
            else if (typeof ref === 'string' && context.version !== '2.0') targets.add(`/components/schemas/${ref}`);
          }
        }
        if (node.role === 'definition' && Array.isArray(node.value.allOf)) {
          const extendsDiscriminated = node.value.allOf.some((part, index) => {
            const parent = isObject(part) && typeof part.$ref === 'string' ? context.resolve(part, node.place.child('allOf', index)) : undefined;
            return parent !== undefined && isObject(parent.value) && parent.value.discriminator !== undefined;
          });
          if (extendsDiscriminated) subtypes.add(node.place.pointer);
        }
      },
      done() {
        // A reference into a component (`#/definitions/Pet/properties/id`) uses it too.
        const used = new Set<string>();
        for (const target of targets) {
          for (let slash = target.indexOf('/', 1); slash > 0; slash = target.indexOf('/', slash + 1)) used.add(target.slice(0, slash));
          used.add(target);
        }
        for (const component of components) {
          const pointer = component.place.pointer;
          if (used.has(pointer) || subtypes.has(pointer)) continue;
          const section = pointer.split('/').slice(1, -1).join('.');
          context.report(component.place, `${section} "${component.name}" is not referenced anywhere`);
        }
      },
    };
  },
};
