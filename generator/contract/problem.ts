/**
 * RFC 9457 problem details for the mock's refusals: `type`, `title`, `status`, `detail`, plus
 * `operation` (the spec operation the request was routed to) and `errors`, one entry per
 * violation, each with where it is in the request and which place in the spec it breaks.
 */
import { formatLocation, type SourceLocation } from '../diagnostics.js';
import type { Violation } from './request-check.js';

export const PROBLEM_TYPE = 'application/problem+json';

export interface ProblemError {
  in: string;
  name?: string;
  /** RFC 6901 pointer into the value (the body, or the parameter). */
  pointer: string;
  detail: string;
  /** RFC 6901 pointer into the spec, and where that is in the spec file. */
  spec: { pointer: string; location: string };
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  operation?: string;
  errors: ProblemError[];
}

const TITLES: Record<number, string> = {
  400: 'The request does not match the spec',
  404: 'No operation of the spec matches the request',
  405: 'The spec does not allow this method here',
  413: 'The request body is too large',
  415: 'The spec does not allow this media type here',
  500: 'The mock could not answer',
};

export function problem(status: number, detail: string, violations: Violation[], locate: (pointer: string) => SourceLocation, operation?: string): Problem {
  return {
    type: `urn:openbind:problem:${status}`,
    title: TITLES[status] ?? 'Request refused',
    status,
    detail,
    ...(operation ? { operation } : {}),
    errors: violations.map((violation) => ({
      in: violation.in,
      ...(violation.name !== undefined ? { name: violation.name } : {}),
      pointer: violation.pointer,
      detail: violation.message,
      spec: { pointer: violation.spec, location: formatLocation(locate(violation.spec)) },
    })),
  };
}
