// Starts and stops the bundled Neo4j (the Java launcher in db/) as a child process.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BundledDbConfig } from './config.js';
import { dbDir } from './paths.js';

export const launcherJar = join(dbDir, 'target', 'methodgraph-db.jar');

/** The JVM flags the Neo4j 5 server script passes on Java 17, plus our heap. */
export function jvmArgs(heap: string): string[] {
  return [
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+DisableExplicitGC',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-Dlog4j2.disable.jmx=true',
  ];
}

export class BundledDbError extends Error {
  override name = 'BundledDbError';
}

/** Checks that `java` exists and is 17 or newer; throws a message that says what to install. */
export function checkJava(): number {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error) {
    throw new BundledDbError(
      'methodgraph: Java was not found. The bundled Neo4j needs Java 17 or newer (e.g. `apt-get install openjdk-17-jre-headless`), ' +
        'or set NEO4J_URI to use a Neo4j you already run.',
    );
  }
  const text = `${result.stderr}${result.stdout}`;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(text);
  let major = match ? Number(match[1]) : NaN;
  if (major === 1 && match?.[2]) major = Number(match[2]);
  if (!Number.isFinite(major)) throw new BundledDbError(`methodgraph: could not read the Java version from: ${text.trim()}`);
  if (major < 17) {
    throw new BundledDbError(
      `methodgraph: Java ${major} is too old; the bundled Neo4j 5.26 needs Java 17 or newer. Install a newer JDK and put it first on PATH, or set NEO4J_URI.`,
    );
  }
  return major;
}

/** Builds db/ with Maven when the launcher is missing or older than its sources (e.g. after a pull). */
async function ensureBuilt(): Promise<void> {
  const { buildDb } = await import('../../scripts/build-db.mjs');
  buildDb();
  if (!existsSync(launcherJar)) throw new BundledDbError(`methodgraph: ${launcherJar} is missing after the Maven build of db/`);
}

export function launcherArgs(config: BundledDbConfig, watchStdin: boolean): string[] {
  return [
    ...jvmArgs(config.heap),
    '-jar',
    launcherJar,
    '--host',
    config.host,
    '--port',
    String(config.port),
    '--data',
    config.dataDir,
    '--pagecache',
    config.pageCache,
    '--tx-memory',
    config.txMemory,
    ...(watchStdin ? ['--watch-stdin'] : []),
  ];
}

/** The password travels in the environment, not in the arguments, so `ps` does not show it. */
export function launcherEnv(config: BundledDbConfig): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.METHODGRAPH_DB_PASSWORD;
  if (config.password) env.METHODGRAPH_DB_PASSWORD = config.password;
  return env;
}

export interface RunningDb {
  uri: string;
  pid: number;
  /** Stops Neo4j cleanly (SIGTERM, then SIGKILL after the timeout). Safe to call twice. */
  stop(): Promise<void>;
}

const READY = /^READY (bolt:\/\/\S+)$/m;

/** Waits for the READY line on a stream of launcher output; rejects with the launcher's last words. */
function waitForReady(child: ChildProcess, timeoutMs: number, output: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const lastWords = () => output.join('').trim().split('\n').slice(-8).join('\n');
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString('utf8'));
      if (output.length > 200) output.splice(0, output.length - 200);
      const m = READY.exec(output.join(''));
      if (m?.[1]) settle(() => resolve(m[1]!));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', (err) => settle(() => reject(new BundledDbError(`methodgraph: could not start java: ${err.message}`))));
    child.once('exit', (code, signal) =>
      settle(() =>
        reject(
          new BundledDbError(
            `methodgraph: the bundled Neo4j exited (${signal ?? `code ${code}`}) before it was ready:\n${lastWords() || '(no output)'}`,
          ),
        ),
      ),
    );
    const timer = setTimeout(
      () =>
        settle(() => {
          child.kill('SIGKILL');
          reject(new BundledDbError(`methodgraph: the bundled Neo4j was not ready after ${timeoutMs / 1000} s. Its last output:\n${lastWords() || '(no output)'}`));
        }),
      timeoutMs,
    );
  });
}

function stopChild(child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts the bundled Neo4j as a child of this process. Its stdin is a pipe we hold, so it
 * also stops when this process dies without cleaning up.
 */
export async function startBundledDb(config: BundledDbConfig, options: { timeoutMs?: number } = {}): Promise<RunningDb> {
  checkJava();
  await ensureBuilt();
  mkdirSync(config.dataDir, { recursive: true });
  const child = spawn('java', launcherArgs(config, true), { stdio: ['pipe', 'pipe', 'pipe'], env: launcherEnv(config) });
  const output: string[] = [];
  const uri = await waitForReady(child, options.timeoutMs ?? 120_000, output);
  // Keep draining output so the pipes never fill.
  child.stdout?.resume();
  child.stderr?.resume();
  return { uri, pid: child.pid!, stop: () => stopChild(child) };
}

// ---- detached mode for `npm run db:start` / `db:stop` ----

export interface PidFile {
  pid: number;
  uri: string;
  dataDir: string;
}

export function pidFilePath(config: BundledDbConfig): string {
  return join(dirname(config.dataDir), 'neo4j.pid');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The detached bundled Neo4j started by `db:start`, if it is still running. */
export function runningDetached(config: BundledDbConfig): PidFile | undefined {
  const path = pidFilePath(config);
  if (!existsSync(path)) return undefined;
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as PidFile;
    return isAlive(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}

export async function startDetached(config: BundledDbConfig, timeoutMs = 120_000): Promise<PidFile> {
  const existing = runningDetached(config);
  if (existing) return existing;
  checkJava();
  await ensureBuilt();
  mkdirSync(config.dataDir, { recursive: true });
  const logPath = join(dirname(config.dataDir), 'neo4j-launcher.log');
  const log = openSync(logPath, 'w');
  const child = spawn('java', launcherArgs(config, false), { stdio: ['ignore', log, log], detached: true, env: launcherEnv(config) });
  closeSync(log);
  child.unref();
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const text = readFileSync(logPath, 'utf8');
    const m = READY.exec(text);
    if (m?.[1]) {
      const info: PidFile = { pid: child.pid!, uri: m[1], dataDir: config.dataDir };
      writeFileSync(pidFilePath(config), JSON.stringify(info));
      return info;
    }
    if (child.exitCode !== null || !isAlive(child.pid!)) {
      throw new BundledDbError(`methodgraph: the bundled Neo4j exited before it was ready:\n${text.trim().split('\n').slice(-8).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  process.kill(child.pid!, 'SIGKILL');
  throw new BundledDbError(`methodgraph: the bundled Neo4j was not ready after ${timeoutMs / 1000} s; see ${logPath}`);
}

/** Stops the detached bundled Neo4j; does nothing when none runs. Returns whether one was stopped. */
export async function stopDetached(config: BundledDbConfig, timeoutMs = 30_000): Promise<boolean> {
  const info = runningDetached(config);
  rmSync(pidFilePath(config), { force: true });
  if (!info) return false;
  process.kill(info.pid, 'SIGTERM');
  const started = Date.now();
  while (isAlive(info.pid)) {
    if (Date.now() - started > timeoutMs) {
      process.kill(info.pid, 'SIGKILL');
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}
