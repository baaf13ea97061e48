/**
 * A value of the declared type for each parameter, with characters that need encoding, so a
 * contract test exercises every parameter on the wire. Deterministic: no randomness here.
 */
import type { OperationIR, SchemaIR } from '../../generator/ir/types.js';

export function sampleValue(schema: SchemaIR): unknown {
  switch (schema.kind) {
    case 'string':
      return 'a b/c&d=e?f+é';
    case 'integer':
      return 42;
    case 'number':
      return 1.5;
    case 'boolean':
      return true;
    case 'enum':
      return schema.values[0];
    case 'array':
      return [sampleValue(schema.items), sampleValue(schema.items)];
    default:
      return 'x';
  }
}

/** A params object with every parameter of the operation set. */
export function sampleParams(operation: OperationIR): Record<string, unknown> {
  return Object.fromEntries(operation.parameters.map((parameter) => [parameter.key, sampleValue(parameter.schema)]));
}
