// Builds the bundled Neo4j launcher (db/) with Maven when it is missing or older than its sources,
// then a class-data archive of one start of it (AppCDS), which later starts map instead of loading
// and verifying the same classes from the jars again: each start takes about a fifth less CPU.
// Runs on `npm install`; the server runs it again lazily if db/target was removed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dbDir = join(root, 'db');
const jar = join(dbDir, 'target', 'methodgraph-db.jar');
/** The class-data archive of the launcher's start; valid only for the jar it was made from. */
export const classArchive = join(dbDir, 'target', 'methodgraph-db.jsa');

/**
 * The JVM options the launcher runs with, but the heap (bundled.ts adds it): the Neo4j 5 server
 * script's flags on Java 17. The class archive is made with them too.
 */
export const LAUNCHER_JVM_OPTIONS = [
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

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function dbIsBuilt() {
  if (!existsSync(jar) || !existsSync(join(dbDir, 'target', 'lib'))) return false;
  const sources = Math.max(newestSource(join(dbDir, 'src')), statSync(join(dbDir, 'pom.xml')).mtimeMs);
  return statSync(jar).mtimeMs >= sources;
}

export function buildDb({ quiet = false } = {}) {
  if (process.env.METHODGRAPH_SKIP_DB_BUILD === '1') return;
  if (dbIsBuilt()) return;
  const mvn = spawnSync('mvn', ['-v'], { stdio: 'ignore' });
  if (mvn.error || mvn.status !== 0) {
    console.error(
      'methodgraph: Maven (mvn) is needed once to build the bundled Neo4j in db/. ' +
        'Install Maven (e.g. `apt-get install maven`) and run `npm install` again, ' +
        'or set NEO4J_URI to use a Neo4j you already run.',
    );
    process.exit(1);
  }
  if (!quiet) console.log('methodgraph: building the bundled Neo4j (db/) with Maven; the first time downloads about 125 MB…');
  const result = spawnSync('mvn', ['-q', '-B', 'package', '-DskipTests'], { cwd: dbDir, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(
      'methodgraph: the Maven build of db/ failed (see above). Check that Maven Central is reachable and Java 17+ is installed.',
    );
    process.exit(result.status ?? 1);
  }
}

/** True when the class archive exists and is at least as new as the launcher jar it was made from. */
export function classArchiveIsBuilt() {
  return existsSync(classArchive) && existsSync(jar) && statSync(classArchive).mtimeMs >= statSync(jar).mtimeMs;
}

/** A TCP port free on loopback now, found by a child process (this module stays synchronous). */
function freePortSync() {
  const probe =
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  const result = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  const port = Number(result.stdout);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

/**
 * Starts the launcher once on an empty temporary database with -XX:ArchiveClassesAtExit and lets it
 * stop as soon as it is ready (its stdin is closed): the classes it loaded are written to
 * classArchive, which bundled.ts passes to every later start. Best effort: without the archive Neo4j
 * starts as before, so a failure is only reported.
 */
export function buildClassArchive({ quiet = false } = {}) {
  if (process.env.METHODGRAPH_SKIP_DB_BUILD === '1' || classArchiveIsBuilt() || !existsSync(jar)) return;
  const port = freePortSync();
  if (port === undefined) return;
  const dataDir = mkdtempSync(join(tmpdir(), 'methodgraph-class-archive-'));
  const partial = `${classArchive}.${process.pid}.tmp`;
  try {
    if (!quiet) console.log('methodgraph: recording the classes the bundled Neo4j loads at start (one start, for quicker later ones)…');
    const args = [
      `-XX:ArchiveClassesAtExit=${partial}`,
      '-Xmx512m',
      ...LAUNCHER_JVM_OPTIONS,
      '-jar',
      jar,
      '--port',
      String(port),
      '--data',
      dataDir,
      '--pagecache',
      '64m',
      '--watch-stdin',
    ];
    const result = spawnSync('java', args, { input: '', encoding: 'utf8', timeout: 600_000 });
    if (result.status === 0 && existsSync(partial)) {
      renameSync(partial, classArchive);
    } else {
      const words = `${result.stderr ?? ''}${result.stdout ?? ''}`.trim().split('\n').slice(-5).join('\n');
      console.error(
        `methodgraph: could not record the class archive of the bundled Neo4j (it starts without one, a little slower): ${result.error?.message ?? words}`,
      );
    }
  } finally {
    rmSync(partial, { force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildDb();
  buildClassArchive();
}
