/**
 * The shape of a Swagger 2.0 document (Swagger 2.0 §Swagger Object): what the walker visits and in
 * which order — the definitions first, so that references into them are not followed twice.
 */
import { HTTP_METHODS } from '../load/repair-paths.js';
import { Place } from './place.js';
import type { Json, OperationRef } from './types.js';
import { walkSchema } from './walk-schema.js';
import { isObject, type Walker } from './walker.js';

export function walkSwagger2(walker: Walker, root: Json, file: string): void {
  const top = Place.root(file);
  walker.emit('document', { value: root, place: top });
  if (isObject(root.info)) walker.emit('info', { value: root.info, place: top.child('info') });
  walker.items(root.tags, top.child('tags'), (tag, place) => isObject(tag) && walker.emit('tag', { value: tag, place }));
  walker.entries(root.securityDefinitions, top.child('securityDefinitions'), (name, scheme, place) => {
    if (isObject(scheme)) walker.emit('securityScheme', { value: scheme, place, name });
  });
  walker.entries(root.definitions, top.child('definitions'), (name, schema, place) => {
    walker.emit('component', { value: schema, place, kind: 'schemas', name });
    walkSchema(walker, schema, place, 'definition', undefined);
  });
  walker.entries(root.parameters, top.child('parameters'), (name, parameter, place) => {
    walker.emit('component', { value: parameter, place, kind: 'parameters', name });
    walkParameter(walker, parameter, place, undefined);
  });
  walker.entries(root.responses, top.child('responses'), (name, response, place) => {
    walker.emit('component', { value: response, place, kind: 'responses', name });
    walkResponse(walker, response, place, undefined, undefined);
  });
  walker.entries(root.paths, top.child('paths'), (path, value, place) => {
    const item = walker.deref(value, place, undefined);
    if (!item) return;
    walker.emit('pathItem', { ...item, path });
    walker.items(item.value.parameters, item.place.child('parameters'), (parameter, parameterPlace) => walkParameter(walker, parameter, parameterPlace, undefined));
    for (const method of HTTP_METHODS) {
      const operation = item.value[method];
      if (!isObject(operation)) continue;
      const place = item.place.child(method);
      const ref: OperationRef = { path, method, ...(typeof operation.operationId === 'string' ? { operationId: operation.operationId } : {}) };
      walker.emit('operation', { value: operation, place, path, method, pathItem: item, operation: ref });
      walker.items(operation.parameters, place.child('parameters'), (parameter, parameterPlace) => walkParameter(walker, parameter, parameterPlace, ref));
      walker.entries(operation.responses, place.child('responses'), (code, response, responsePlace) => walkResponse(walker, response, responsePlace, ref, code));
    }
  });
}

function walkParameter(walker: Walker, value: unknown, place: Place, operation: OperationRef | undefined): void {
  const node = walker.deref(value, place, operation);
  if (!node) return;
  walker.emit('parameter', node);
  const parameter = node.value;
  if (parameter.in === 'body') walkSchema(walker, parameter.schema, node.place.child('schema'), 'body', operation);
  // Other parameters carry the schema fields that rules check (type, enum, items) themselves.
  else walkSchema(walker, parameter, node.place, 'parameter', operation);
}

function walkResponse(walker: Walker, value: unknown, place: Place, operation: OperationRef | undefined, code: string | undefined): void {
  const node = walker.deref(value, place, operation);
  if (!node) return;
  walker.emit('response', { ...node, ...(code === undefined ? {} : { code }) });
  if (node.value.schema !== undefined) walkSchema(walker, node.value.schema, node.place.child('schema'), 'response', operation);
  walker.entries(node.value.headers, node.place.child('headers'), (_name, header, headerPlace) => {
    if (!isObject(header)) return;
    walker.emit('header', { value: header, place: headerPlace, operation });
    walkSchema(walker, header, headerPlace, 'header', operation);
  });
}
