// Starts and stops the bundled Neo4j (the Java launcher in db/): as a supervised child process that
// is restarted with backoff when it dies, or detached for `npm run db:start`; either way recorded in
// the data directory's lock file (db-lock.ts) so every other command finds it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { buildClassArchive, buildDb, classArchive, classArchiveIsBuilt, LAUNCHER_JVM_OPTIONS } from '../../scripts/build-db.mjs';
import type { BundledDbConfig } from './config.js';
import { canonicalDir, isAlive, readLock, removeLock, writeLock, type DbLock } from './db-lock.js';
import { dbDir } from './paths.js';

export const launcherJar = join(dbDir, 'target', 'methodgraph-db.jar');

/** The JVM flags the Neo4j 5 server script passes on Java 17, plus our heap. */
export function jvmArgs(heap: string): string[] {
  return [`-Xmx${heap}`, ...LAUNCHER_JVM_OPTIONS];
}

/**
 * The launcher's class-data archive (scripts/build-db.mjs), when it was made from the current jar:
 * Java maps the classes a start needs instead of loading them again. Java's own complaint about an
 * archive it cannot use (another Java version) is silenced; it then starts without it.
 */
export function classArchiveArgs(): string[] {
  return classArchiveIsBuilt() ? [`-XX:SharedArchiveFile=${classArchive}`, '-Xlog:cds=off', '-Xlog:cds+dynamic=off'] : [];
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

/** Builds db/ with Maven when the launcher is missing or older than its sources (e.g. after a pull), and its class archive after it. */
async function ensureBuilt(): Promise<void> {
  buildDb();
  if (!existsSync(launcherJar)) throw new BundledDbError(`methodgraph: ${launcherJar} is missing after the Maven build of db/`);
  buildClassArchive();
}

export function launcherArgs(config: BundledDbConfig, watchStdin: boolean): string[] {
  return [
    ...jvmArgs(config.heap),
    ...classArchiveArgs(),
    ...(config.javaOptions ?? []),
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
    '--tx-timeout',
    String(config.txTimeoutSeconds ?? 900),
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
  /** The current Java process (changes when it is restarted). */
  readonly pid: number;
  /** Stops Neo4j cleanly (SIGTERM, then SIGKILL after the timeout) and stops restarting it; resolves once Java has exited. Safe to call twice. */
  stop(): Promise<void>;
}

const READY = /^READY (bolt:\/\/\S+)$/m;

/** The launcher's last words, with a plain explanation when the disk is full. */
export function explainFailure(text: string, dataDir: string): string {
  const words = text.trim().split('\n').slice(-8).join('\n') || '(no output)';
  if (/No space left on device|disk full|ENOSPC/i.test(text)) {
    return `the disk holding ${dataDir} is full; free some space (or point METHODGRAPH_DB_DIR elsewhere) and start again.\n${words}`;
  }
  return words;
}

/** Waits for the READY line on a stream of launcher output; rejects with the launcher's last words. */
function waitForReady(child: ChildProcess, timeoutMs: number, output: string[], dataDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const lastWords = () => explainFailure(output.join(''), dataDir);
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
          new BundledDbError(`methodgraph: the bundled Neo4j exited (${signal ?? `code ${code}`}) before it was ready:\n${lastWords()}`),
        ),
      ),
    );
    const timer = setTimeout(
      () =>
        settle(() => {
          child.kill('SIGKILL');
          reject(
            new BundledDbError(
              `methodgraph: the bundled Neo4j was not ready after ${timeoutMs / 1000} s. Its last output:\n${lastWords()}`,
            ),
          );
        }),
      timeoutMs,
    );
  });
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function stopChild(child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  if (exited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Refuses to start a second Neo4j on a data directory another one serves. */
function refuseIfServed(config: BundledDbConfig): void {
  const lock = readLock(config.dataDir);
  if (lock) {
    const owner = lock.ownerPid ? `started by process ${lock.ownerPid}` : 'started by npm run db:start';
    throw new BundledDbError(
      `methodgraph: the bundled Neo4j of ${config.dataDir} is already running (pid ${lock.pid}, ${lock.uri}, ${owner}); ` +
        'use it (npm start and npm run ingest find it by themselves), or stop it first (npm run db:stop, or Ctrl-C on npm start).',
    );
  }
}

export interface StartOptions {
  timeoutMs?: number;
  /** Start again, with backoff, when Java dies on its own (default false). */
  restart?: boolean;
  log?: (line: string) => void;
  /** More launcher arguments for the first start only (a restart leaves them out), e.g. --bulk-import FILE. */
  firstStartArgs?: string[];
  /** Receives the launcher's output until it is ready, line by line. */
  onOutput?: (line: string) => void;
}

/** Calls `onLine` with each complete line of the chunks it is given. */
function lineSplitter(onLine: (line: string) => void): (chunk: Buffer) => void {
  let rest = '';
  return (chunk) => {
    const lines = (rest + chunk.toString('utf8')).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) onLine(line);
  };
}

/** Spawns the launcher and waits for READY; the child is killed if it never gets there. */
async function spawnReady(
  config: BundledDbConfig,
  timeoutMs: number,
  extraArgs: string[] = [],
  onOutput?: (line: string) => void,
): Promise<{ child: ChildProcess; uri: string }> {
  const child = spawn('java', [...launcherArgs(config, true), ...extraArgs], { stdio: ['pipe', 'pipe', 'pipe'], env: launcherEnv(config) });
  const output: string[] = [];
  const forwarders = onOutput ? ([lineSplitter(onOutput), lineSplitter(onOutput)] as const) : undefined;
  if (forwarders) {
    child.stdout?.on('data', forwarders[0]);
    child.stderr?.on('data', forwarders[1]);
  }
  const uri = await waitForReady(child, timeoutMs, output, config.dataDir);
  if (forwarders) {
    child.stdout?.off('data', forwarders[0]);
    child.stderr?.off('data', forwarders[1]);
  }
  // Keep draining output so the pipes never fill.
  child.stdout?.resume();
  child.stderr?.resume();
  return { child, uri };
}

/**
 * Starts the bundled Neo4j as a child of this process. Its stdin is a pipe we hold, so it also stops
 * when this process dies without cleaning up. With `restart`, a Java process that dies on its own is
 * logged and started again after 1 s, 2 s, 4 s ... (at most 30 s between tries).
 */
export async function startBundledDb(config: BundledDbConfig, options: StartOptions = {}): Promise<RunningDb> {
  checkJava();
  await ensureBuilt();
  mkdirSync(config.dataDir, { recursive: true });
  refuseIfServed(config);
  const timeoutMs = options.timeoutMs ?? (config.startTimeoutSeconds ?? 120) * 1000;
  const log = options.log ?? ((line: string) => console.error(line));
  const dataDir = canonicalDir(config.dataDir);
  let { child, uri } = await spawnReady(config, timeoutMs, options.firstStartArgs, options.onOutput);
  let stopping = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let delayMs = 1_000;
  const record = () =>
    writeLock({
      pid: child.pid!,
      ownerPid: process.pid,
      host: config.host,
      port: config.port,
      uri,
      dataDir,
      startedAt: new Date().toISOString(),
    });
  record();

  const restartLater = () => {
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      if (stopping) return;
      spawnReady(config, timeoutMs).then(
        (started) => {
          if (stopping) {
            void stopChild(started.child);
            return;
          }
          ({ child, uri } = started);
          record();
          delayMs = 1_000;
          log(`methodgraph: the bundled Neo4j is running again (pid ${child.pid}, ${uri})`);
          watch();
        },
        (err: unknown) => {
          delayMs = Math.min(delayMs * 2, 30_000);
          log(`methodgraph: restarting the bundled Neo4j failed: ${(err as Error).message}\n  trying again in ${delayMs / 1000} s`);
          restartLater();
        },
      );
    }, delayMs);
  };
  const watch = () => {
    const current = child;
    current.once('exit', (code, signal) => {
      removeLock(dataDir, current.pid!);
      if (stopping || !options.restart) return;
      log(
        `methodgraph: the bundled Neo4j (pid ${current.pid}) died (${signal ?? `exit code ${code}`}); restarting it in ${delayMs / 1000} s`,
      );
      restartLater();
    });
  };
  watch();

  let stopped: Promise<void> | undefined;
  return {
    get uri() {
      return uri;
    },
    get pid() {
      return child.pid!;
    },
    stop() {
      stopping = true;
      if (retryTimer) clearTimeout(retryTimer);
      stopped ??= stopChild(child).then(() => removeLock(dataDir, child.pid!));
      return stopped;
    },
  };
}

// ---- detached mode for `npm run db:start` / `db:stop` ----

/** The bundled Neo4j that serves this configuration's data directory, if one runs (attached or detached). */
export function runningBundled(config: BundledDbConfig): DbLock | undefined {
  return readLock(config.dataDir);
}

export async function startDetached(config: BundledDbConfig, timeoutMs = (config.startTimeoutSeconds ?? 120) * 1000): Promise<DbLock> {
  const existing = readLock(config.dataDir);
  if (existing) return existing;
  checkJava();
  await ensureBuilt();
  mkdirSync(config.dataDir, { recursive: true });
  const dataDir = canonicalDir(config.dataDir);
  const logPath = join(dataDir, 'neo4j-launcher.log');
  const log = openSync(logPath, 'w');
  const child = spawn('java', launcherArgs(config, false), { stdio: ['ignore', log, log], detached: true, env: launcherEnv(config) });
  closeSync(log);
  child.unref();
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const text = readFileSync(logPath, 'utf8');
    const m = READY.exec(text);
    if (m?.[1]) {
      const lock: DbLock = {
        pid: child.pid!,
        ownerPid: null,
        host: config.host,
        port: config.port,
        uri: m[1],
        dataDir,
        startedAt: new Date().toISOString(),
      };
      writeLock(lock);
      return lock;
    }
    if (child.exitCode !== null || !isAlive(child.pid!)) {
      throw new BundledDbError(`methodgraph: the bundled Neo4j exited before it was ready:\n${explainFailure(text, dataDir)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  process.kill(child.pid!, 'SIGKILL');
  throw new BundledDbError(`methodgraph: the bundled Neo4j was not ready after ${timeoutMs / 1000} s; see ${logPath}`);
}

/**
 * Stops the detached bundled Neo4j of this data directory and waits until Java has exited; does
 * nothing when none runs. Refuses one that `npm start` owns (Ctrl-C stops that). Returns whether one was stopped.
 */
export async function stopDetached(config: BundledDbConfig, timeoutMs = 60_000): Promise<DbLock | undefined> {
  const lock = readLock(config.dataDir);
  if (!lock) return undefined;
  if (lock.ownerPid !== null && lock.ownerPid !== process.pid && isAlive(lock.ownerPid)) {
    throw new BundledDbError(
      `methodgraph: the bundled Neo4j of ${lock.dataDir} (pid ${lock.pid}) belongs to process ${lock.ownerPid} (npm start or npm run ingest); stop that process (Ctrl-C) and it stops Neo4j too.`,
    );
  }
  process.kill(lock.pid, 'SIGTERM');
  const started = Date.now();
  while (isAlive(lock.pid)) {
    if (Date.now() - started > timeoutMs) {
      process.kill(lock.pid, 'SIGKILL');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  removeLock(lock.dataDir, lock.pid);
  return lock;
}
