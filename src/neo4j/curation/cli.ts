// `npm run curation -- export FILE | import FILE | list`: moves curations between databases as JSON,
// over the bundled Neo4j (or NEO4J_URI) like the ingest does.
import { pathToFileURL } from 'node:url';
import { openDatabase, type Database } from '../driver.js';
import { applySchema } from '../schema.js';
import { importCurations, listCurations } from './store.js';
import { readCurationFile, writeCurationFile } from './transfer.js';

const USAGE = `usage: npm run curation -- <command>
  export FILE   write every curation (accept, reject, kind, retarget, add) to FILE as JSON
  import FILE   read curations from FILE (written by export), store the new ones and apply them all
  list          print the curations, oldest first`;

type Output = { write(text: string): unknown };

/** Runs one command; `open` reaches the database (the bundled Neo4j or NEO4J_URI by default). Returns the exit code. */
export async function curationCli(
  args: string[],
  out: Output = process.stdout,
  err: Output = process.stderr,
  open: () => Promise<Database> = () => openDatabase(),
): Promise<number> {
  const [command, file, ...rest] = args;
  if (command === '--help' || command === '-h') {
    out.write(`${USAGE}\n`);
    return 0;
  }
  const needsFile = command === 'export' || command === 'import';
  if (!command || !['export', 'import', 'list'].includes(command) || (needsFile && !file) || rest.length > 0 || (!needsFile && file)) {
    err.write(`curation: ${command ? `cannot understand "${args.join(' ')}"` : 'a command is needed'}\n${USAGE}\n`);
    return 2;
  }
  // Validate an import before touching the database: a bad file changes nothing.
  const incoming = command === 'import' ? await readCurationFile(file!).catch((e: Error) => e) : undefined;
  if (incoming instanceof Error) {
    err.write(`${incoming.message}\n`);
    return 1;
  }
  const db = await open();
  try {
    await applySchema(db);
    if (command === 'export') {
      const curations = await listCurations(db);
      await writeCurationFile(file!, curations);
      out.write(`curation: wrote ${curations.length} curation(s) to ${file}\n`);
    } else if (command === 'import') {
      const { added, links } = await importCurations(db, incoming!.curations);
      out.write(`curation: read ${incoming!.curations.length} curation(s) from ${file}: ${added} new, ${links} curated link(s) applied\n`);
    } else {
      for (const c of await listCurations(db)) {
        const target = c.newTarget ? ` → ${c.newTarget}` : '';
        out.write(
          `${c.at}  ${c.who}  ${c.action}${c.kind ? ` (${c.kind})` : ''}  ${c.type} ${c.from} -> ${c.to}${target}${c.note ? `  “${c.note}”` : ''}\n`,
        );
      }
    }
    return 0;
  } catch (e) {
    err.write(`curation: ${command} failed: ${(e as Error).message}\n`);
    return 1;
  } finally {
    await db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await curationCli(process.argv.slice(2));
}
