// `npm run db:start` / `npm run db:stop`: runs the bundled Neo4j of METHODGRAPH_DB_DIR on its own,
// detached, recorded in the data directory's lock file; stop waits until Java has exited.
import { dbConfig } from './config.js';
import { startDetached, stopDetached } from './bundled.js';
import { lockPath } from './db-lock.js';

async function main(command: string | undefined): Promise<number> {
  const config = dbConfig().bundled;
  switch (command) {
    case 'start': {
      const info = await startDetached(config);
      const mine = info.ownerPid === null ? '' : ` (started by process ${info.ownerPid})`;
      console.log(`methodgraph: bundled Neo4j running at ${info.uri} (pid ${info.pid}, data in ${info.dataDir})${mine}`);
      console.log(`methodgraph: npm start and npm run ingest will use it; stop it with npm run db:stop`);
      return 0;
    }
    case 'stop': {
      const stopped = await stopDetached(config);
      console.log(
        stopped
          ? `methodgraph: bundled Neo4j of ${stopped.dataDir} stopped (pid ${stopped.pid})`
          : `methodgraph: no bundled Neo4j was running for ${config.dataDir} (no live process in ${lockPath(config.dataDir)})`,
      );
      return 0;
    }
    default:
      console.error(`methodgraph: db cli: unknown command "${command ?? ''}"; use "start" or "stop"`);
      return 2;
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error((err as Error).message);
    process.exit(1);
  },
);
