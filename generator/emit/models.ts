/**
 * Named schemas (`definitions`, `components.schemas`) → `models.ts`: an interface for each plain
 * object schema, a type alias for everything else, in spec order.
 */
import type { InterfaceDeclarationStructure, StatementStructures, TypeAliasDeclarationStructure } from 'ts-morph';
import { StructureKind } from './ts-morph.js';
import type { ApiIR, NamedSchemaIR } from '../ir/types.js';
import { docs } from './docs.js';
import { enumConstStatement } from './enum-consts.js';
import { objectInterface } from './object-interface.js';
import { typeText, type TypeContext } from './type-text.js';

export function modelStatements(api: ApiIR): Array<StatementStructures | string> {
  const byName = new Map(api.schemas.map((schema) => [schema.specName, schema.typeName]));
  const context: TypeContext = { refName: (name) => byName.get(name) ?? 'unknown' };
  return api.schemas.flatMap((schema) => {
    const constant = enumConstStatement(schema);
    return constant ? [modelStatement(schema, context), constant] : [modelStatement(schema, context)];
  });
}

function modelStatement(named: NamedSchemaIR, context: TypeContext): InterfaceDeclarationStructure | TypeAliasDeclarationStructure {
  const { schema } = named;
  const description = docs(schema.description, named.specName !== named.typeName && `Spec name: \`${named.specName}\``);
  if (schema.kind === 'object' && !schema.nullable) {
    return objectInterface(named.typeName, schema, context, schema.description, named.specName !== named.typeName && `Spec name: \`${named.specName}\``);
  }
  return { kind: StructureKind.TypeAlias, name: named.typeName, isExported: true, docs: description, type: typeText(schema, context) };
}
