/**
 * One small hand-written document per rule and what the rule reports in it (`line:col`), filtered
 * to that rule. Documents start with a four-line header (see support/lint.ts), so bodies start on
 * line 5. A `clean` case shows the rule silent on the fixed form.
 */
import { openapi, swagger } from './support/lint.js';

export interface RuleCase {
  rule: string;
  name: string;
  doc: string;
  want: string[];
  file?: string;
}

const op = (responses = '        "200":\n          description: OK\n          schema: { type: string }\n') => `      responses:\n${responses}`;

export const CASES: RuleCase[] = [
  { rule: 'front-matter', name: 'closing --- line', doc: `---\n${swagger('paths: {}\n')}---\n`, want: ['7:1'] },
  { rule: 'front-matter', name: 'clean: opening --- only', doc: `---\n${swagger('paths: {}\n')}`, want: [] },
  { rule: 'non-string-key', name: 'numeric response key', doc: swagger(`paths:\n  /a:\n    get:\n      responses:\n        200:\n          description: OK\n`), want: ['9:9'] },
  { rule: 'non-string-key', name: 'clean: quoted', doc: swagger(`paths:\n  /a:\n    get:\n      responses:\n        "200":\n          description: OK\n`), want: [] },
  { rule: 'path-query', name: 'query string and fragment', doc: swagger(`paths:\n  /?Action=List:\n    get:\n${op()}  /pets#all:\n    get:\n${op()}`), want: ['6:3', '12:3'] },
  { rule: 'path-trailing-slash', name: 'trailing slash', doc: swagger(`paths:\n  /pets/:\n    get:\n${op()}  /:\n    get:\n${op()}`), want: ['6:3'] },
  { rule: 'path-declaration-empty', name: 'empty template', doc: swagger(`paths:\n  /pets/{}:\n    get:\n${op()}`), want: ['6:3'] },
  {
    rule: 'path-params',
    name: 'undeclared template, unused parameter, repeated template',
    doc: swagger(`paths:\n  /a/{id}:\n    get:\n      parameters:\n        - { name: other, in: path, required: true, type: string }\n${op()}  /b/{x}/{x}:\n    parameters:\n      - { name: x, in: path, required: true, type: string }\n    get:\n${op()}`),
    want: ['7:5', '9:11', '17:5'],
  },
  { rule: 'path-identical', name: 'same pattern', doc: swagger(`paths:\n  /pets/{id}:\n    get:\n${op()}  /pets/{name}:\n    put:\n${op()}`), want: ['12:3'] },
  { rule: 'path-ambiguous', name: 'crossed templates', doc: swagger(`paths:\n  /{entity}/me:\n    get:\n${op()}  /users/{id}:\n    get:\n${op()}  /users/me:\n    get:\n${op()}`), want: ['12:3'] },
  { rule: 'operation-id', name: 'missing', doc: swagger(`paths:\n  /a:\n    get:\n${op()}`), want: ['7:5'] },
  { rule: 'operation-id-unique', name: 'repeated', doc: swagger(`paths:\n  /a:\n    get:\n      operationId: list\n${op()}  /b:\n    get:\n      operationId: list\n${op()}`), want: ['15:7'] },
  { rule: 'operation-id-url-safe', name: 'space and braces', doc: swagger(`paths:\n  /a:\n    get:\n      operationId: get {a}\n${op()}`), want: ['8:7'] },
  { rule: 'operation-id-identifier', name: 'dotted', doc: swagger(`paths:\n  /a:\n    get:\n      operationId: pets.list\n${op()}`), want: ['8:7'] },
  { rule: 'operation-summary', name: 'missing', doc: swagger(`paths:\n  /a:\n    get:\n${op()}`), want: ['7:5'] },
  { rule: 'operation-description', name: 'missing', doc: swagger(`paths:\n  /a:\n    get:\n${op()}`), want: ['7:5'] },
  { rule: 'operation-tags', name: 'missing', doc: swagger(`paths:\n  /a:\n    get:\n${op()}`), want: ['7:5'] },
  { rule: 'operation-tag-defined', name: 'undeclared tag', doc: swagger(`tags:\n  - name: pets\npaths:\n  /a:\n    get:\n      tags: [pets, cats]\n${op()}`), want: ['10:20'] },
  { rule: 'operation-success-response', name: 'only errors', doc: swagger(`paths:\n  /a:\n    get:\n${op('        "404":\n          description: no\n')}`), want: ['8:7'] },
  { rule: 'operation-4xx-response', name: 'no 4xx', doc: swagger(`paths:\n  /a:\n    get:\n${op()}`), want: ['8:7'] },
  { rule: 'response-schema', name: 'no schema; 204 fine', doc: swagger(`paths:\n  /a:\n    get:\n${op('        "200":\n          description: OK\n')}    delete:\n${op('        "204":\n          description: gone\n')}`), want: ['8:7'] },
  { rule: 'response-schema', name: 'OpenAPI 3 content without schema', doc: openapi(`paths:\n  /a:\n    get:\n      responses:\n        "200":\n          description: OK\n          content:\n            application/json: {}\n`), want: ['8:7'] },
  { rule: 'inline-schema', name: 'inline object response', doc: swagger(`paths:\n  /a:\n    get:\n${op('        "200":\n          description: OK\n          schema:\n            type: object\n            properties:\n              id: { type: string }\n')}`), want: ['11:11'] },
  { rule: 'parameter-unique', name: 'repeated in one list', doc: swagger(`paths:\n  /a:\n    get:\n      parameters:\n        - { name: q, in: query, type: string }\n        - { name: q, in: query, type: integer }\n${op()}`), want: ['10:11'] },
  { rule: 'parameter-holds-number', name: 'limit as string', doc: swagger(`paths:\n  /a:\n    get:\n      parameters:\n        - { name: limit, in: query, type: string }\n        - { name: page, in: query, type: integer }\n        - { name: q, in: query, type: string, default: "10" }\n${op()}`), want: ['9:11', '11:11'] },
  { rule: 'parameter-holds-list', name: 'plural name, comma-separated', doc: openapi(`paths:\n  /a:\n    get:\n      parameters:\n        - { name: layerDigests, in: query, schema: { type: string } }\n        - { name: status, in: query, schema: { type: string } }\n        - { name: f, in: query, description: comma-separated fields, schema: { type: string } }\n      responses:\n        "200": { description: OK }\n`), want: ['9:11', '11:11'] },
  { rule: 'formdata-consumes', name: 'json with formData', doc: swagger(`consumes: [application/json]\npaths:\n  /a:\n    post:\n      parameters:\n        - { name: f, in: formData, type: string }\n${op()}`), want: ['8:5'] },
  { rule: 'security-defined', name: 'none declared', doc: swagger('paths: {}\n'), want: ['1:1'] },
  { rule: 'security-defined', name: 'operation without requirement', doc: swagger(`securityDefinitions:\n  key: { type: apiKey, name: k, in: header }\npaths:\n  /a:\n    get:\n${op()}    put:\n      security: []\n${op()}`), want: ['9:5'] },
  { rule: 'security-scheme-defined', name: 'unknown scheme and scope', doc: swagger(`securityDefinitions:\n  oauth: { type: oauth2, flow: implicit, authorizationUrl: "https://a.io", scopes: { read: r } }\nsecurity:\n  - oauth: [read, write]\n  - key: []\npaths: {}\n`), want: ['8:19', '9:5'] },
  { rule: 'server-defined', name: 'no host, no schemes', doc: swagger('paths: {}\n'), want: ['1:1', '1:1'] },
  { rule: 'server-defined', name: 'OpenAPI 3 without servers', doc: openapi('paths: {}\n'), want: ['1:1'] },
  { rule: 'http-only', name: 'http scheme', doc: swagger('schemes: [http]\npaths: {}\n'), want: ['5:1'] },
  { rule: 'http-only', name: 'clean: https too', doc: swagger('schemes: [http, https]\npaths: {}\n'), want: [] },
  { rule: 'server-trailing-slash', name: 'server URL', doc: openapi('servers:\n  - url: https://api.io/v1/\npaths: {}\n'), want: ['6:5'] },
  { rule: 'server-variables', name: 'undefined, unused, empty enum', doc: openapi('servers:\n  - url: https://{region}.api.io\n    variables:\n      zone: { default: a, enum: [] }\npaths: {}\n'), want: ['6:5', '8:7', '8:27'] },
  { rule: 'server-example', name: 'example.com', doc: openapi('servers:\n  - url: https://api.example.com\npaths: {}\n'), want: ['6:5'] },
  { rule: 'info-contact', name: 'missing', doc: swagger('paths: {}\n'), want: ['2:1'] },
  { rule: 'info-description', name: 'missing', doc: swagger('paths: {}\n'), want: ['2:1'] },
  { rule: 'info-license', name: 'missing', doc: swagger('paths: {}\n'), want: ['2:1'] },
  { rule: 'tag-description', name: 'missing', doc: swagger('tags:\n  - name: pets\npaths: {}\n'), want: ['6:5'] },
  { rule: 'description-punctuation', name: 'leading dot', doc: swagger(`paths:\n  /a:\n    get:\n      description: .Retrieves a thing\n      summary: "... and more"\n${op()}`), want: ['8:7'] },
  { rule: 'markdown-unsafe', name: 'script tag', doc: swagger(`paths:\n  /a:\n    get:\n      description: "hi <script>alert(1)</script>"\n${op()}`), want: ['8:7'] },
  { rule: 'ref-resolves', name: 'missing definition and file', doc: swagger(`paths:\n  /a:\n    get:\n${op('        "200":\n          description: OK\n          schema: { $ref: "#/definitions/Holder" }\n        "201":\n          description: OK\n          schema: { $ref: "missing.yaml#/Pet" }\n')}`), want: ['11:21', '14:21'] },
  { rule: 'ref-siblings', name: 'description beside $ref in a schema', doc: swagger(`definitions:\n  A: { type: string }\n  B:\n    properties:\n      a:\n        $ref: "#/definitions/A"\n        description: an a\npaths: {}\n`), want: ['9:7'] },
  { rule: 'unused-component', name: 'unreferenced definition', doc: swagger(`definitions:\n  Used: { type: string }\n  Unused: { type: string }\npaths:\n  /a:\n    get:\n${op('        "200":\n          description: OK\n          schema: { $ref: "#/definitions/Used" }\n')}`), want: ['7:3'] },
  { rule: 'enum-unique', name: 'repeat', doc: swagger('definitions:\n  A:\n    type: string\n    enum: [a, b, a]\npaths: {}\n'), want: ['8:18'] },
  { rule: 'enum-type', name: 'strings in an integer enum', doc: swagger('definitions:\n  A:\n    type: integer\n    enum: [1, "2"]\npaths: {}\n'), want: ['8:15'] },
  { rule: 'array-items', name: 'array without items', doc: swagger('definitions:\n  A:\n    type: array\npaths: {}\n'), want: ['6:3'] },
  { rule: 'required-property-defined', name: 'typo in required', doc: swagger('definitions:\n  A:\n    properties:\n      name: { type: string }\n    required: [nmae]\npaths: {}\n'), want: ['9:16'] },
  { rule: 'schema-type-mismatch', name: 'object with items', doc: swagger('definitions:\n  A:\n    type: object\n    items: { type: string }\npaths: {}\n'), want: ['8:5'] },
  { rule: 'discriminator-property', name: 'not required', doc: swagger('definitions:\n  Pet:\n    discriminator: kind\n    properties:\n      kind: { type: string }\npaths: {}\n'), want: ['7:5'] },
  { rule: 'nullable-type', name: 'nullable without type', doc: openapi('paths: {}\ncomponents:\n  schemas:\n    A:\n      nullable: true\n      allOf: [{ type: string }]\n'), want: ['9:7'] },
  { rule: 'number-range', name: 'both bounds', doc: openapi('paths: {}\ncomponents:\n  schemas:\n    A:\n      type: number\n      minimum: 0\n      exclusiveMinimum: 0\n', '3.1.0'), want: ['11:7'] },
  { rule: 'component-name', name: 'space in a schema name', doc: openapi('paths: {}\ncomponents:\n  schemas:\n    Pet Owner: { type: string }\n    Pet.Owner_2: { type: string }\n'), want: ['8:5'] },
  { rule: 'example-value', name: 'both value and externalValue', doc: openapi('paths: {}\ncomponents:\n  examples:\n    A:\n      value: 1\n      externalValue: https://a.io/1.json\n'), want: ['8:5'] },
  {
    rule: 'callback-nesting',
    name: 'callback in a callback',
    doc: openapi(`paths:\n  /a:\n    post:\n      callbacks:\n        c:\n          "{$url}":\n            post:\n              callbacks: {}\n              responses:\n                "200": { description: OK }\n      responses:\n        "200": { description: OK }\n`),
    want: ['12:15'],
  },
];
