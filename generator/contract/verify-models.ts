/**
 * Static conformance of `models.ts`: every named schema has its declaration, of the right kind
 * (an interface for a plain object schema, a type alias otherwise), and an interface has exactly
 * the schema's properties with their optionality and types, and its index signature.
 */
import type { Node, SourceFile } from 'ts-morph';
import { joinPointer } from '../diagnostics.js';
import { indexSignature, typeText, type TypeContext } from '../emit/type-text.js';
import type { ApiIR, NamedSchemaIR } from '../ir/types.js';
import { unquote } from './verify-names.js';

export type ModelReport = (node: Node | undefined, pointer: string, message: string) => void;

export function checkModels(models: SourceFile, api: ApiIR, report: ModelReport): void {
  const byName = new Map(api.schemas.map((schema) => [schema.specName, schema.typeName]));
  const context: TypeContext = { refName: (name) => byName.get(name) ?? 'unknown' };
  for (const named of api.schemas) checkModel(models, named, context, report);
}

function checkModel(models: SourceFile, named: NamedSchemaIR, context: TypeContext, report: ModelReport): void {
  const { schema, typeName, specName, pointer } = named;
  const declaration = models.getInterface(typeName);
  const alias = models.getTypeAlias(typeName);
  if (!declaration && !alias) return report(undefined, pointer, `schema "${specName}" has no declaration ${typeName}`);
  if (schema.kind !== 'object' || schema.nullable) {
    const want = typeText(schema, context);
    if (!alias) return report(declaration, pointer, `${typeName} is an interface; schema "${specName}" is ${want}`);
    const actual = alias.getTypeNode()?.getText();
    if (actual !== want) report(alias, pointer, `${typeName} is ${actual ?? 'nothing'}; schema "${specName}" is ${want}`);
    return;
  }
  if (!declaration) return report(alias, pointer, `${typeName} is a type alias; schema "${specName}" is an object, declared as an interface`);
  for (const property of schema.properties) {
    const propertyPointer = joinPointer(pointer, 'properties', property.name);
    const member = declaration.getProperty((p) => unquote(p.getName()) === property.name);
    if (!member) {
      report(declaration, propertyPointer, `${typeName} has no property "${property.name}" of schema "${specName}"`);
      continue;
    }
    if (member.hasQuestionToken() === property.required) {
      report(member, propertyPointer, `${typeName}.${property.name} is ${property.required ? 'optional' : 'required'}; schema "${specName}" has it ${property.required ? 'required' : 'optional'}`);
    }
    const want = typeText(property.schema, context);
    const actual = member.getTypeNode()?.getText();
    if (actual !== want) report(member, propertyPointer, `${typeName}.${property.name} is typed ${actual ?? 'nothing'}; schema "${specName}" says ${want}`);
  }
  const known = new Set(schema.properties.map((property) => property.name));
  for (const member of declaration.getProperties()) {
    const name = unquote(member.getName());
    if (!known.has(name)) report(member, pointer, `${typeName}.${name} is not a property of schema "${specName}"`);
  }
  const wantIndex = indexSignature(schema.properties, schema.additional, context)?.replace(/^\[key: string\]: (.*);$/, '$1');
  const index = declaration.getIndexSignatures()[0];
  const actualIndex = index?.getReturnTypeNode()?.getText();
  if (wantIndex !== actualIndex) {
    report(index ?? declaration, pointer, `${typeName} has ${actualIndex === undefined ? 'no index signature' : `index signature [key: string]: ${actualIndex}`}; schema "${specName}" ${wantIndex === undefined ? 'allows no other properties' : `allows other properties of type ${wantIndex}`}`);
  }
}
