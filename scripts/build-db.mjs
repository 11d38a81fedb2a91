// Builds the bundled Neo4j launcher (db/) with Maven when it is missing or older than its sources.
// Runs on `npm install`; the server runs it again lazily if db/target was removed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dbDir = join(root, 'db');
const jar = join(dbDir, 'target', 'methodgraph-db.jar');

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

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildDb();
}
