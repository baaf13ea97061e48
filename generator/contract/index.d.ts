// Types of `openbind/contract` (index.js). Self-contained, so a user's type checker never has to
// check openbind's own sources; test/contract-helper.test.ts proves they match contract-tests.ts.

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** A generated `createClient`: called with the mock's (or target's) URL and a recording fetch. */
export type ClientFactory = (options: { baseUrl: string; fetch: FetchLike }) => object;

export interface ContractOptions {
  /** fast-check seed of the generated requests (and of the mock's data); 1 by default. */
  seed?: number;
  /** Cases per operation; 20 by default. */
  runs?: number;
  /** Only these operations (method names or `METHOD pathKey`). */
  operations?: string[];
  /** Provider mode: the server's base URL (what `createClient({ baseUrl })` takes). */
  target?: string;
  /** Per request, 10 s by default. */
  timeoutMs?: number;
}

export interface Finding {
  /** `request` (the mock refused it), `client`, `status`, `content-type`, `body`, `header`, `decode`. */
  code: string;
  message: string;
  /** JSON pointer into the spec. */
  spec: string;
}

export interface CaseRecord {
  params: string;
  request?: { method: string; url: string; headers: Record<string, string>; body?: string };
  response?: { status: number; headers: Record<string, string>; body: string };
  findings: Finding[];
}

export interface OperationResult {
  id: string;
  methodName: string;
  cases: number;
  skipped?: string;
  breaks: Array<Finding & { example: CaseRecord }>;
  counterexample?: CaseRecord;
  shrinks?: number;
}

export interface ContractReport {
  spec: string;
  title: string;
  mode: 'consumer' | 'provider';
  target: string;
  seed: number;
  runs: number;
  operations: OperationResult[];
  failures: OperationResult[];
  passed: boolean;
}

export interface ContractTestReport extends ContractReport {
  /** The run as text: one line per operation, each break with its request and response. */
  text: string;
}

/** Consumer contract tests of a generated client against the spec's mock (or, with `target`, a server). */
export declare function contractTests(specPath: string, createClient: ClientFactory, options?: ContractOptions): Promise<ContractTestReport>;
