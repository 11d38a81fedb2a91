// Database configuration from environment variables with defaults: NEO4J_URI and friends for an
// external Neo4j, METHODGRAPH_DB_* for the bundled one.
import { totalmem } from 'node:os';
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
  /** How long to wait for the bundled Neo4j to answer at start, in seconds (METHODGRAPH_DB_START_TIMEOUT, default 120). */
  startTimeoutSeconds?: number;
  /** Longest any transaction may run, in seconds (METHODGRAPH_DB_TX_TIMEOUT, default 900); the API asks for less. */
  txTimeoutSeconds?: number;
  /** NEO4J_PASSWORD: when set, the bundled Neo4j turns authentication on with this password for user neo4j. */
  password?: string;
  /** METHODGRAPH_DB_JAVA_OPTS: extra JVM options, after the defaults (e.g. -XX:TieredStopAtLevel=1 starts with less CPU). */
  javaOptions?: string[];
}

export function portFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new Error(`methodgraph: environment variable ${name} must be a port number (0-65535), got "${raw}"`);
  }
  return n;
}

/** Space-separated JVM options; each must start with "-". */
function javaOptionsFrom(env: NodeJS.ProcessEnv, name: string): string[] {
  const options = (env[name] ?? '').split(/\s+/).filter(Boolean);
  const bad = options.find((o) => !o.startsWith('-'));
  if (bad !== undefined) {
    throw new Error(
      `methodgraph: environment variable ${name} must be JVM options separated by spaces, each starting with "-", got "${bad}"`,
    );
  }
  return options;
}

function secondsFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new Error(`methodgraph: environment variable ${name} must be a whole number of seconds (at least 1), got "${raw}"`);
  }
  return Number(raw);
}

const MiB = 1024 * 1024;

/** A share of the machine's memory in whole MiB between two bounds, as the launcher reads sizes ("1536m"). */
function share(total: number, fraction: number, minMiB: number, maxMiB: number): string {
  return `${Math.min(maxMiB, Math.max(minMiB, Math.floor((total * fraction) / MiB)))}m`;
}

/**
 * Memory for the bundled Neo4j sized from the machine's: a sixteenth for the heap (1–4 GiB) and
 * an eighth for the page cache (256 MiB–4 GiB), so a large graph stays in memory on a machine with
 * room for it. Both are upper bounds that Java and Neo4j only take as they need them.
 */
export function defaultMemory(total: number = totalmem()): { heap: string; pageCache: string } {
  return { heap: share(total, 1 / 16, 1024, 4096), pageCache: share(total, 1 / 8, 256, 4096) };
}

export function dbConfig(env: NodeJS.ProcessEnv = process.env): DbConfig {
  return {
    uri: env.NEO4J_URI || undefined,
    user: env.NEO4J_USER || 'neo4j',
    password: env.NEO4J_PASSWORD ?? '',
    database: env.NEO4J_DATABASE || 'neo4j',
    bundled: {
      host: env.METHODGRAPH_DB_HOST || '127.0.0.1',
      port: portFrom(env, 'METHODGRAPH_DB_PORT', 7687),
      dataDir: env.METHODGRAPH_DB_DIR || join(projectRoot, '.methodgraph', 'neo4j'),
      heap: env.METHODGRAPH_DB_HEAP || defaultMemory().heap,
      pageCache: env.METHODGRAPH_DB_PAGECACHE || defaultMemory().pageCache,
      txMemory: env.METHODGRAPH_DB_TX_MEMORY || '256m',
      txTimeoutSeconds: secondsFrom(env, 'METHODGRAPH_DB_TX_TIMEOUT', 900),
      startTimeoutSeconds: secondsFrom(env, 'METHODGRAPH_DB_START_TIMEOUT', 120),
      password: env.NEO4J_PASSWORD || undefined,
      javaOptions: javaOptionsFrom(env, 'METHODGRAPH_DB_JAVA_OPTS'),
    },
  };
}
