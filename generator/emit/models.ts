/**
 * Named schemas (`definitions`, `components.schemas`) → `models.ts`: an interface for each plain
 * object schema, a type alias for everything else, in spec order.
 */
import { StructureKind, type InterfaceDeclarationStructure, type StatementStructures, type TypeAliasDeclarationStructure } from 'ts-morph';
import type { ApiIR, NamedSchemaIR } from '../ir/types.js';
import { docs } from './docs.js';
import { propertyKey } from './literals.js';
import { typeText, indexSignature, includeProperty, type TypeContext } from './type-text.js';

export function modelStatements(api: ApiIR): StatementStructures[] {
  const byName = new Map(api.schemas.map((schema) => [schema.specName, schema.typeName]));
  const context: TypeContext = { refName: (name) => byName.get(name) ?? 'unknown' };
  return api.schemas.map((schema) => modelStatement(schema, context));
}

function modelStatement(named: NamedSchemaIR, context: TypeContext): InterfaceDeclarationStructure | TypeAliasDeclarationStructure {
  const { schema } = named;
  const description = docs(schema.description, named.specName !== named.typeName && `Spec name: \`${named.specName}\``);
  if (schema.kind === 'object' && !schema.nullable) {
    const index = indexSignature(schema.properties, schema.additional, context);
    return {
      kind: StructureKind.Interface,
      name: named.typeName,
      isExported: true,
      docs: description,
      properties: schema.properties.filter((property) => includeProperty(property, context)).map((property) => ({
        name: propertyKey(property.name),
        type: typeText(property.schema, context),
        hasQuestionToken: !property.required,
        docs: docs(property.schema.description, property.schema.deprecated && '@deprecated'),
      })),
      indexSignatures: index ? [{ keyName: 'key', keyType: 'string', returnType: index.replace(/^\[key: string\]: (.*);$/, '$1') }] : [],
    };
  }
  return { kind: StructureKind.TypeAlias, name: named.typeName, isExported: true, docs: description, type: typeText(schema, context) };
}
