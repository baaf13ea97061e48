/**
 * The shape of an OpenAPI 3.0/3.1 document (§OpenAPI Object): components first, so references
 * into them are not followed twice, then paths, then 3.1 webhooks.
 */
import { HTTP_METHODS } from '../load/repair-paths.js';
import { Place } from './place.js';
import type { ComponentKind, Json, OperationRef, SchemaRole } from './types.js';
import { walkSchema } from './walk-schema.js';
import { isObject, type Walker } from './walker.js';

type Walk = (walker: Walker, value: unknown, place: Place, operation: OperationRef | undefined) => void;

const COMPONENTS: Array<[ComponentKind, Walk]> = [
  ['schemas', (walker, value, place) => walkSchema(walker, value, place, 'definition', undefined)],
  ['parameters', walkParameter],
  ['responses', (walker, value, place) => walkResponse(walker, value, place, undefined, undefined)],
  ['requestBodies', walkRequestBody],
  ['headers', walkHeader],
  ['examples', walkExample],
  ['links', () => undefined],
  ['callbacks', walkCallback],
  ['pathItems', (walker, value, place) => walkPathItem(walker, place.name, value, place)],
  ['securitySchemes', (walker, value, place) => isObject(value) && walker.emit('securityScheme', { value, place, name: place.name })],
];

export function walkOpenApi3(walker: Walker, root: Json, file: string): void {
  const top = Place.root(file);
  walker.emit('document', { value: root, place: top });
  if (isObject(root.info)) walker.emit('info', { value: root.info, place: top.child('info') });
  walkServers(walker, root.servers, top.child('servers'));
  walker.items(root.tags, top.child('tags'), (tag, place) => isObject(tag) && walker.emit('tag', { value: tag, place }));
  if (isObject(root.components)) {
    const components = top.child('components');
    for (const [kind, walk] of COMPONENTS) {
      walker.entries(root.components[kind], components.child(kind), (name, value, place) => {
        walker.emit('component', { value, place, kind, name });
        walk(walker, value, place, undefined);
      });
    }
  }
  walker.entries(root.paths, top.child('paths'), (path, value, place) => walkPathItem(walker, path, value, place));
  walker.entries(root.webhooks, top.child('webhooks'), (name, value, place) => walkPathItem(walker, name, value, place));
}

function walkServers(walker: Walker, servers: unknown, place: Place): void {
  walker.items(servers, place, (server, serverPlace) => isObject(server) && walker.emit('server', { value: server, place: serverPlace }));
}

function walkPathItem(walker: Walker, path: string, value: unknown, place: Place): void {
  const item = walker.deref(value, place, undefined);
  if (!item) return;
  walker.emit('pathItem', { ...item, path });
  walkServers(walker, item.value.servers, item.place.child('servers'));
  walker.items(item.value.parameters, item.place.child('parameters'), (parameter, parameterPlace) => walkParameter(walker, parameter, parameterPlace, undefined));
  for (const method of HTTP_METHODS) {
    const operation = item.value[method];
    if (!isObject(operation)) continue;
    const at = item.place.child(method);
    const ref: OperationRef = { path, method, ...(typeof operation.operationId === 'string' ? { operationId: operation.operationId } : {}) };
    walker.emit('operation', { value: operation, place: at, path, method, pathItem: item, operation: ref });
    walkServers(walker, operation.servers, at.child('servers'));
    walker.items(operation.parameters, at.child('parameters'), (parameter, parameterPlace) => walkParameter(walker, parameter, parameterPlace, ref));
    if (operation.requestBody !== undefined) walkRequestBody(walker, operation.requestBody, at.child('requestBody'), ref);
    walker.entries(operation.responses, at.child('responses'), (code, response, responsePlace) => walkResponse(walker, response, responsePlace, ref, code));
    walker.entries(operation.callbacks, at.child('callbacks'), (_name, callback, callbackPlace) => walkCallback(walker, callback, callbackPlace, ref));
  }
}

function walkCallback(walker: Walker, value: unknown, place: Place, _operation?: OperationRef): void {
  const node = walker.deref(value, place, undefined);
  if (!node) return;
  walker.entries(node.value, node.place, (expression, item, itemPlace) => walkPathItem(walker, expression, item, itemPlace));
}

function walkParameter(walker: Walker, value: unknown, place: Place, operation: OperationRef | undefined): void {
  const node = walker.deref(value, place, operation);
  if (!node) return;
  walker.emit('parameter', node);
  walkSchemaField(walker, node.value, node.place, 'parameter', operation);
  walkContent(walker, node.value.content, node.place.child('content'), 'parameter', operation);
  walkExamples(walker, node.value.examples, node.place.child('examples'), operation);
}

function walkRequestBody(walker: Walker, value: unknown, place: Place, operation: OperationRef | undefined): void {
  const node = walker.deref(value, place, operation);
  if (!node) return;
  walker.emit('requestBody', node);
  walkContent(walker, node.value.content, node.place.child('content'), 'body', operation);
}

function walkResponse(walker: Walker, value: unknown, place: Place, operation: OperationRef | undefined, code: string | undefined): void {
  const node = walker.deref(value, place, operation);
  if (!node) return;
  walker.emit('response', { ...node, ...(code === undefined ? {} : { code }) });
  walker.entries(node.value.headers, node.place.child('headers'), (_name, header, headerPlace) => walkHeader(walker, header, headerPlace, operation));
  walkContent(walker, node.value.content, node.place.child('content'), 'response', operation);
}

function walkHeader(walker: Walker, value: unknown, place: Place, operation: OperationRef | undefined): void {
  const node = walker.deref(value, place, operation);
  if (!node) return;
  walker.emit('header', node);
  walkSchemaField(walker, node.value, node.place, 'header', operation);
  walkContent(walker, node.value.content, node.place.child('content'), 'header', operation);
  walkExamples(walker, node.value.examples, node.place.child('examples'), operation);
}

function walkContent(walker: Walker, content: unknown, place: Place, role: SchemaRole, operation: OperationRef | undefined): void {
  walker.entries(content, place, (mediaType, media, mediaPlace) => {
    if (!isObject(media)) return;
    walker.emit('mediaType', { value: media, place: mediaPlace, operation, mediaType });
    walkSchemaField(walker, media, mediaPlace, role, operation);
    walkExamples(walker, media.examples, mediaPlace.child('examples'), operation);
    walker.entries(media.encoding, mediaPlace.child('encoding'), (_name, encoding, encodingPlace) => {
      if (isObject(encoding)) walker.entries(encoding.headers, encodingPlace.child('headers'), (_header, header, headerPlace) => walkHeader(walker, header, headerPlace, operation));
    });
  });
}

function walkSchemaField(walker: Walker, owner: Json, place: Place, role: SchemaRole, operation: OperationRef | undefined): void {
  if (owner.schema !== undefined) walkSchema(walker, owner.schema, place.child('schema'), role, operation);
}

function walkExamples(walker: Walker, examples: unknown, place: Place, operation: OperationRef | undefined): void {
  walker.entries(examples, place, (_name, example, examplePlace) => walkExample(walker, example, examplePlace, operation));
}

function walkExample(walker: Walker, value: unknown, place: Place, operation: OperationRef | undefined): void {
  const node = walker.deref(value, place, operation);
  if (node) walker.emit('example', node);
}
