// Server configuration from environment variables with defaults (the database's is in src/neo4j/config.ts).
import { portFrom } from '../neo4j/config.js';
import { parseAllowedHosts } from './http-guards.js';

export interface ServerConfig {
  host: string;
  port: number;
  corsOrigin: string | undefined;
  /** Timeout of ad-hoc and saved Cypher queries in ms (METHODGRAPH_QUERY_TIMEOUT_MS, default 10000). */
  queryTimeoutMs?: number;
  /** Row cap of ad-hoc and saved Cypher queries (METHODGRAPH_ROW_CAP, default 5000). */
  rowCap?: number;
  /** Largest request body in bytes (METHODGRAPH_BODY_LIMIT, default 262144). */
  bodyLimit?: number;
  /** Largest query result in bytes (METHODGRAPH_RESULT_BYTE_CAP, default 8 MiB). */
  byteCap?: number;
  /** Ad-hoc and saved queries running at once (METHODGRAPH_CONCURRENT_QUERIES, default 2). */
  concurrentQueries?: number;
  /** Host names the Host header may carry besides localhost and IP addresses (METHODGRAPH_ALLOWED_HOSTS). */
  allowedHosts?: string[];
}

function positiveIntFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new Error(`methodgraph: environment variable ${name} must be a whole number of at least 1, got "${raw}"`);
  }
  return n;
}

export function serverConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    host: env.HOST || '127.0.0.1',
    port: portFrom(env, 'PORT', 5173),
    corsOrigin: env.CORS_ORIGIN || undefined,
    queryTimeoutMs: positiveIntFrom(env, 'METHODGRAPH_QUERY_TIMEOUT_MS', 10_000),
    rowCap: positiveIntFrom(env, 'METHODGRAPH_ROW_CAP', 5_000),
    bodyLimit: positiveIntFrom(env, 'METHODGRAPH_BODY_LIMIT', 256 * 1024),
    byteCap: positiveIntFrom(env, 'METHODGRAPH_RESULT_BYTE_CAP', 8 * 1024 * 1024),
    concurrentQueries: positiveIntFrom(env, 'METHODGRAPH_CONCURRENT_QUERIES', 2),
    // The name the server listens on is one it may be reached by.
    allowedHosts: [...parseAllowedHosts(env.METHODGRAPH_ALLOWED_HOSTS), ...parseAllowedHosts(env.HOST)],
  };
}
