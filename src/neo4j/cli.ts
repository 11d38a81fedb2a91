// `npm run db:start` / `npm run db:stop`: runs the bundled Neo4j on its own, detached, with a pid file.
import { dbConfig } from './config.js';
import { pidFilePath, startDetached, stopDetached } from './bundled.js';

async function main(command: string | undefined): Promise<number> {
  const config = dbConfig().bundled;
  switch (command) {
    case 'start': {
      const info = await startDetached(config);
      console.log(`methodgraph: bundled Neo4j running at ${info.uri} (pid ${info.pid}, data in ${info.dataDir})`);
      console.log(`methodgraph: npm start and npm run ingest will use it; stop it with npm run db:stop`);
      return 0;
    }
    case 'stop': {
      const stopped = await stopDetached(config);
      console.log(stopped ? 'methodgraph: bundled Neo4j stopped' : `methodgraph: no bundled Neo4j was running (no live pid in ${pidFilePath(config)})`);
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
