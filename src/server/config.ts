// Configuration from environment variables with defaults; the one place that reads process.env.
import { join } from 'node:path';
import { projectRoot } from './paths.js';

export interface DbConfig {
  /** Set when the user runs their own Neo4j; when undefined the bundled one is started. */
  uri: string | undefined;
  user: string;
  password: string;
  database: string;
  bundled: BundledDbConfig;
}

export interface BundledDbConfig {
  host: string;
  port: number;
  dataDir: string;
  heap: string;
  pageCache: string;
  txMemory: string;
  /** NEO4J_PASSWORD: when set, the bundled Neo4j turns authentication on with this password for user neo4j. */
  password?: string;
}

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
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new Error(`methodgraph: environment variable ${name} must be a port number (0-65535), got "${raw}"`);
  }
  return n;
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

export function dbConfig(env: NodeJS.ProcessEnv = process.env): DbConfig {
  return {
    uri: env.NEO4J_URI || undefined,
    user: env.NEO4J_USER || 'neo4j',
    password: env.NEO4J_PASSWORD ?? '',
    database: env.NEO4J_DATABASE || 'neo4j',
    bundled: {
      host: env.METHODGRAPH_DB_HOST || '127.0.0.1',
      port: intFrom(env, 'METHODGRAPH_DB_PORT', 7687),
      dataDir: env.METHODGRAPH_DB_DIR || join(projectRoot, '.methodgraph', 'neo4j'),
      heap: env.METHODGRAPH_DB_HEAP || '1g',
      pageCache: env.METHODGRAPH_DB_PAGECACHE || '256m',
      txMemory: env.METHODGRAPH_DB_TX_MEMORY || '256m',
      password: env.NEO4J_PASSWORD || undefined,
    },
  };
}

export function serverConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    host: env.HOST || '127.0.0.1',
    port: intFrom(env, 'PORT', 5173),
    corsOrigin: env.CORS_ORIGIN || undefined,
    queryTimeoutMs: positiveIntFrom(env, 'METHODGRAPH_QUERY_TIMEOUT_MS', 10_000),
    rowCap: positiveIntFrom(env, 'METHODGRAPH_ROW_CAP', 5_000),
    bodyLimit: positiveIntFrom(env, 'METHODGRAPH_BODY_LIMIT', 256 * 1024),
  };
}
