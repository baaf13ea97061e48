/** Every lint rule, in the order RULES.md documents them. */
import type { Rule } from '../types.js';
import { infoContact, infoDescription, infoLicense, tagDescription, descriptionPunctuation, markdownUnsafe } from './documentation.js';
import { callbackNesting, componentName, exampleValue } from './openapi3.js';
import { operationDescription, operationId, operationIdIdentifier, operationIdUnique, operationIdUrlSafe, operationSummary, operationTagDefined, operationTags } from './operations.js';
import { formDataConsumes, parameterHoldsList, parameterHoldsNumber, parameterUnique } from './parameters.js';
import { pathAmbiguous, pathDeclarationEmpty, pathIdentical, pathParams, pathQuery, pathTrailingSlash } from './paths.js';
import { refResolves, refSiblings, unusedComponent } from './references.js';
import { inlineSchema, operation4xxResponse, operationSuccessResponse, responseSchema } from './responses.js';
import { arrayItems, discriminatorProperty, enumType, enumUnique, nullableType, numberRange, requiredPropertyDefined, schemaTypeMismatch } from './schemas.js';
import { securityDefined, securitySchemeDefined } from './security.js';
import { httpOnly, serverDefined, serverExample, serverTrailingSlash, serverVariables } from './servers.js';
import { frontMatter, nonStringKey } from './written-form.js';

export const RULES: readonly Rule[] = [
  frontMatter,
  nonStringKey,
  pathQuery,
  pathTrailingSlash,
  pathDeclarationEmpty,
  pathParams,
  pathIdentical,
  pathAmbiguous,
  operationId,
  operationIdUnique,
  operationIdUrlSafe,
  operationIdIdentifier,
  operationSummary,
  operationDescription,
  operationTags,
  operationTagDefined,
  operationSuccessResponse,
  operation4xxResponse,
  responseSchema,
  inlineSchema,
  parameterUnique,
  parameterHoldsNumber,
  parameterHoldsList,
  formDataConsumes,
  securityDefined,
  securitySchemeDefined,
  serverDefined,
  httpOnly,
  serverTrailingSlash,
  serverVariables,
  serverExample,
  infoContact,
  infoDescription,
  infoLicense,
  tagDescription,
  descriptionPunctuation,
  markdownUnsafe,
  refResolves,
  refSiblings,
  unusedComponent,
  enumUnique,
  enumType,
  arrayItems,
  requiredPropertyDefined,
  schemaTypeMismatch,
  discriminatorProperty,
  nullableType,
  numberRange,
  componentName,
  exampleValue,
  callbackNesting,
];
