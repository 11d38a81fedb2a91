// What `npm start` runs (after `vite build`): the API and the built explorer on one loopback port,
// over the bundled Neo4j or NEO4J_URI; Ctrl-C stops everything, Neo4j included. The composition root:
// the only module that joins the server and the ingest.
import { closeOnSignals } from './neo4j/driver.js';
import { startServer, type RunningServer } from './server/server.js';
import { loadDefaultCorpus } from '../ingest/default-corpus.js';

let server: RunningServer | undefined;
let stopping = false;
closeOnSignals(async () => {
  stopping = true;
  console.log('methodgraph: stopping ...');
  await server?.close();
});

try {
  server = await startServer({ loadDefaultCorpus });
  if (stopping) await server.close();
  else console.log(`methodgraph: explorer at ${server.url}`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
