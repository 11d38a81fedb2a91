// What `npm start` runs (after `vite build`): the API and the built explorer on one loopback port,
// over the bundled Neo4j or NEO4J_URI. Any of SIGINT, SIGTERM, SIGHUP stops everything, and the
// process exits only once the bundled Neo4j has exited, so starting again at once finds the data
// directory free. The composition root: the only module that joins the server and the ingest.
import { closeOnSignals } from './neo4j/driver.js';
import { startServer } from './server/server.js';
import { loadDefaultCorpus } from '../ingest/default-corpus.js';

const starting = startServer({ loadDefaultCorpus });

closeOnSignals(async () => {
  console.log('methodgraph: stopping ...');
  // A signal during start-up waits for the start to settle, so nothing half-started is left behind.
  const server = await starting.catch(() => undefined);
  await server?.close();
  console.log('methodgraph: stopped');
});

try {
  const server = await starting;
  // The explorer opened from this URL carries the write token (the fragment never reaches the server's logs).
  const access = server.writeAccess;
  console.log(`methodgraph: explorer at ${server.url}${'token' in access ? `#token=${access.token}` : ''}`);
  if ('token' in access && access.source === 'generated') console.log(`methodgraph: a new curation token was stored in ${access.file}`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
