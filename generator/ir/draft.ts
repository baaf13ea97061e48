/**
 * What a version-specific lowering produces: the IR before names are settled. Naming is done
 * once for both versions, in `lower.ts`, so the rules cannot drift apart.
 */
import type { BodyEncoding, NamedSchemaIR, OperationIR, ResponseIR } from './types.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export type DraftOperation = Omit<OperationIR, 'methodName' | 'typeName' | 'operationId'> & { operationId: string | undefined };

export interface DraftApi {
  title: string;
  version: string;
  description?: string;
  defaultBaseUrl?: string;
  basePath: string;
  schemas: Array<Omit<NamedSchemaIR, 'typeName'>>;
  operations: DraftOperation[];
}

/** How a request body with this media type is sent. */
export function bodyEncoding(mediaType: string): BodyEncoding {
  const type = mediaType.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json' || type.endsWith('+json') || type === '*/*' || type === 'application/*') return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  if (type === 'multipart/form-data' || type.startsWith('multipart/')) return 'multipart';
  if (type.startsWith('text/') || type.endsWith('/xml') || type.endsWith('+xml')) return 'text';
  return 'binary';
}

/** How a response body with this media type is read. */
export function responseEncoding(mediaType: string): ResponseIR['encoding'] {
  const encoding = bodyEncoding(mediaType);
  if (encoding === 'json') return 'json';
  if (encoding === 'text' || encoding === 'form') return 'text';
  return 'binary';
}
