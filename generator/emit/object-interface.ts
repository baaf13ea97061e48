/** An object schema as an interface: the one shape shared by models and inline operation types. */
import type { InterfaceDeclarationStructure } from 'ts-morph';
import { StructureKind } from './ts-morph.js';
import type { SchemaIR } from '../ir/types.js';
import { docs } from './docs.js';
import { propertyKey } from './literals.js';
import { includeProperty, indexSignature, typeText, type TypeContext } from './type-text.js';

export function objectInterface(name: string, schema: Extract<SchemaIR, { kind: 'object' }>, context: TypeContext, ...description: Array<string | undefined | false>): InterfaceDeclarationStructure {
  const index = indexSignature(schema.properties, schema.additional, context);
  return {
    kind: StructureKind.Interface,
    name,
    isExported: true,
    docs: docs(...description),
    properties: schema.properties.filter((property) => includeProperty(property, context)).map((property) => ({
      name: propertyKey(property.name),
      type: typeText(property.schema, context),
      hasQuestionToken: !property.required,
      docs: docs(property.schema.description, property.schema.deprecated && '@deprecated'),
    })),
    indexSignatures: index ? [{ keyName: 'key', keyType: 'string', returnType: index.replace(/^\[key: string\]: (.*);$/, '$1') }] : [],
  };
}
