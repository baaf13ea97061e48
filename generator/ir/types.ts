/**
 * The intermediate representation: what the emitters need to know about an API, with no
 * TypeScript nodes and no raw spec objects in it. Swagger 2.0 and OpenAPI 3.x are both lowered
 * into it, so the emitters do not know which version they got. Every node keeps the JSON pointer
 * of the spec object it came from, so later stages can locate their diagnostics.
 */

/**
 * What a schema `format` may be mapped to instead of its default type (`int64` → `string` for
 * APIs that send 64-bit integers as strings). Only types a JSON body can really hold at run
 * time, plus `Blob` for binary and `unknown` to opt out: no `Date` or `bigint`, which the
 * response decoder would never produce.
 */
export type FormatType = 'string' | 'number' | 'boolean' | 'Blob' | 'unknown';

export interface LowerOptions {
  /** Schema `format` → the type its values get, overriding the defaults. */
  formats?: Readonly<Record<string, FormatType>>;
}

export interface ApiIR {
  /** Output folder name, from the spec file name. */
  name: string;
  title: string;
  version: string;
  description?: string;
  source: { file: string; sha256: string; specVersion: string };
  /** `scheme://host` from Swagger 2 `schemes`/`host` or the first OpenAPI 3 server; absent when the spec names no host. */
  defaultBaseUrl?: string;
  /** Swagger 2 `basePath` or the first OpenAPI 3 server's path, without a trailing slash; '' for none. Sent before every path. */
  basePath: string;
  schemas: NamedSchemaIR[];
  operations: OperationIR[];
}

export interface NamedSchemaIR {
  /** The name as written in the spec (`definitions` / `components.schemas` key). */
  specName: string;
  /** A TypeScript identifier, unique in the API. */
  typeName: string;
  schema: SchemaIR;
  pointer: string;
}

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

export interface OperationIR {
  /** lowerCamelCase method name on the client, unique in the API. */
  methodName: string;
  /** PascalCase stem for the operation's types (`<Type>Params`, `<Type>Responses`). */
  typeName: string;
  operationId?: string;
  method: HttpMethod;
  /** The path template to send, without any query string or fragment the spec wrote into the key. */
  path: string;
  /** The path key exactly as written in the spec. */
  pathKey: string;
  /** Query pairs that the path key carried (`/?Action=X` → Action=X), sent before the parameters. */
  constantQuery: Array<{ name: string; value: string }>;
  summary?: string;
  description?: string;
  deprecated: boolean;
  tags: string[];
  parameters: ParameterIR[];
  body?: BodyIR;
  responses: ResponseIR[];
  pointer: string;
}

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie' | 'formData';

/** How an array or object value goes on the wire (OpenAPI 3 style; Swagger 2 collectionFormat lowers to it). */
export type ParameterStyle = 'simple' | 'form' | 'spaceDelimited' | 'pipeDelimited' | 'tabDelimited' | 'deepObject' | 'label' | 'matrix';

export interface ParameterIR {
  /** The wire name, never renamed. */
  name: string;
  /** The key in the operation's params object: the wire name, unless two locations share it. */
  key: string;
  in: ParameterLocation;
  required: boolean;
  schema: SchemaIR;
  style: ParameterStyle;
  explode: boolean;
  description?: string;
  deprecated: boolean;
  pointer: string;
}

export type BodyEncoding = 'json' | 'form' | 'multipart' | 'text' | 'binary';

export interface BodyIR {
  /**
   * The key in the params object that holds the body; absent for a Swagger 2.0 `formData` body,
   * whose fields are the operation's `formData` parameters.
   */
  key?: string;
  encoding: BodyEncoding;
  contentType: string;
  required: boolean;
  schema: SchemaIR;
  description?: string;
  pointer: string;
}

export interface ResponseIR {
  /** '200', '404', 'default', '2XX'. */
  status: string;
  description?: string;
  /** Absent when the response documents no body schema: the body is typed `unknown`. */
  schema?: SchemaIR;
  contentType?: string;
  encoding: 'json' | 'text' | 'binary' | 'none';
  headers: Array<{ name: string; schema: SchemaIR; description?: string; required: boolean }>;
  pointer: string;
}

export interface SchemaCommon {
  description?: string;
  nullable?: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  deprecated?: boolean;
  format?: string;
}

export interface PropertyIR {
  name: string;
  required: boolean;
  schema: SchemaIR;
}

export type SchemaIR = SchemaCommon &
  (
    /** `tag`: the discriminator property and the literal value this use of the schema selects. */
    | { kind: 'ref'; target: string; tag?: { property: string; value: string } }
    | { kind: 'string' }
    | { kind: 'number' }
    | { kind: 'integer' }
    | { kind: 'boolean' }
    | { kind: 'null' }
    | { kind: 'binary' }
    | { kind: 'unknown' }
    /** `names`: member names from `x-enum-varnames` / `x-enumNames`, one per value. */
    | { kind: 'enum'; values: Array<string | number | boolean | null>; names?: string[] }
    | { kind: 'array'; items: SchemaIR }
    | { kind: 'object'; properties: PropertyIR[]; additional: SchemaIR | boolean }
    | { kind: 'union'; members: SchemaIR[] }
    | { kind: 'intersection'; members: SchemaIR[] }
  );
