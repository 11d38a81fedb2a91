// The lock file of a bundled Neo4j data directory, `<data>/methodgraph-db.json`: which Java process
// serves that directory, on which Bolt address, and which process owns it (npm start, or nobody
// for `npm run db:start`). Every command reads it before it starts, uses or stops a Neo4j.
import { existsSync, readFileSync, realpathSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface DbLock {
  /** The Java process serving the directory. */
  pid: number;
  /** The process that started it and stops it with itself; null when it runs detached (db:start). */
  ownerPid: number | null;
  host: string;
  port: number;
  uri: string;
  dataDir: string;
  startedAt: string;
}

export class DbLockError extends Error {
  override name = 'DbLockError';
}

export const LOCK_FILE = 'methodgraph-db.json';

export function lockPath(dataDir: string): string {
  return join(dataDir, LOCK_FILE);
}

/** The directory's canonical path (symlinks resolved when it exists), so two spellings compare equal. */
export function canonicalDir(dir: string): string {
  const absolute = resolve(dir);
  try {
    return realpathSync(absolute);
  } catch {
    return absolute;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether `pid` is a Java launcher serving `dataDir` (so a reused pid is never taken for it). */
export function isLauncherFor(pid: number, dataDir: string): boolean {
  if (!isAlive(pid)) return false;
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const at = args.indexOf('--data');
    return args.some((a) => a.endsWith('methodgraph-db.jar')) && at !== -1 && canonicalDir(args[at + 1] ?? '') === canonicalDir(dataDir);
  } catch {
    // No /proc (macOS): trust a live pid.
    return true;
  }
}

/**
 * The live Neo4j that serves `dataDir`, from its lock file; a stale file (process gone) is removed.
 * Throws when the file names another directory (it was copied along with the data).
 */
export function readLock(dataDir: string): DbLock | undefined {
  const path = lockPath(dataDir);
  if (!existsSync(path)) return undefined;
  let lock: DbLock;
  try {
    lock = JSON.parse(readFileSync(path, 'utf8')) as DbLock;
  } catch {
    rmSync(path, { force: true });
    return undefined;
  }
  if (canonicalDir(lock.dataDir) !== canonicalDir(dataDir) && isLauncherFor(lock.pid, lock.dataDir)) {
    throw new DbLockError(
      `methodgraph: ${path} says it belongs to the Neo4j of ${lock.dataDir} (pid ${lock.pid}, ${lock.uri}), not of ${dataDir}; ` +
        'was the directory copied while Neo4j ran? Stop that Neo4j, or delete the file if no Neo4j serves this directory.',
    );
  }
  if (!isLauncherFor(lock.pid, dataDir)) {
    rmSync(path, { force: true });
    return undefined;
  }
  return lock;
}

export function writeLock(lock: DbLock): void {
  const path = lockPath(lock.dataDir);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(lock, null, 2)}\n`);
  renameSync(tmp, path);
}

/** Removes the lock file if it still names this Java process. */
export function removeLock(dataDir: string, pid: number): void {
  const path = lockPath(dataDir);
  try {
    const lock = JSON.parse(readFileSync(path, 'utf8')) as DbLock;
    if (lock.pid === pid) rmSync(path, { force: true });
  } catch {
    // already gone
  }
}
