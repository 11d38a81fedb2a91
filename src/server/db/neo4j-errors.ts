// Classifies what neo4j-driver throws (Neo4j down, pool exhausted, timed out, out of memory), so the
// data layer and the HTTP layer agree on what a failure means without either knowing the other.
import { Neo4jError } from 'neo4j-driver';

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/** True when an error means Neo4j could not be reached (stopped, restarting, network gone). */
export function isUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('Neo.TransientError.General.Database'))) return true;
  return /ECONNREFUSED|ECONNRESET|Connection was closed by server|Pool is closed|connect ECONN/i.test(err.message);
}

/** Every pooled connection stayed busy for the driver's acquisition timeout. */
export function isPoolExhausted(err: unknown): boolean {
  return err instanceof Error && /Connection acquisition timed out|acquisition timed out/i.test(err.message);
}

/** Neo4j stopped the transaction because it needed more memory than it may use. */
export function isOutOfMemory(err: unknown): boolean {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /MemoryPoolOutOfMemoryError|MemoryLimit|OutOfMemory/i.test(code);
}

/** Neo4j stopped the transaction at its timeout (the client's or db.transaction.timeout). */
export function isTimeout(err: unknown): boolean {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut');
}

/** Neo4j's own refusal of a statement (syntax, semantics, access mode): the client's fault. */
export function isClientError(err: unknown): err is Neo4jError {
  return err instanceof Neo4jError && (err.code ?? '').startsWith('Neo.ClientError.');
}

/** Neo4j refused a write in a read transaction. */
export function isAccessModeError(err: unknown): boolean {
  const code = err instanceof Neo4jError ? (err.code ?? '') : '';
  return code.startsWith('Neo.ClientError.Statement.AccessMode') || code.startsWith('Neo.ClientError.Security.Forbidden');
}
