// What the ingest and fetch commands share in reading their command lines: one error type for usage
// mistakes (printed with exit code 2), node's parseArgs with its messages made short and pointed at
// --help, and whole numbers within a range.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {
  override name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs in strict mode with positionals; an unknown or malformed option becomes a UsageError. */
export function parseCommandLine<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (err) {
    throw new UsageError(`${(err as Error).message.replace(/\. To specify a positional.*$/s, '')}; see --help`, { cause: err });
  }
}

/** `value` as a whole number from `min` to `max`, or a UsageError naming the option (and `hint`, if any). */
export function wholeNumber(name: string, value: string, min: number, max: number, hint = ''): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`${name} "${value}" must be a whole number from ${min} to ${max}${hint}`);
  }
  return n;
}
