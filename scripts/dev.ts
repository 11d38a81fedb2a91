// `npm run dev`: the API on METHODGRAPH_API_PORT (default 5174) and the Vite dev server on PORT (default
// 5173), whose proxy (vite.config.ts) sends /api to the API; Ctrl-C stops both and the bundled Neo4j.
import { createServer, type ViteDevServer } from 'vite';
import { serverConfig } from '../src/server/config.js';
import { closeOnSignals } from '../src/neo4j/driver.js';
import { projectRoot } from '../src/neo4j/paths.js';
import { startServer, type RunningServer } from '../src/server/server.js';
import { loadDefaultCorpus } from '../ingest/default-corpus.js';

const apiPort = Number(process.env.METHODGRAPH_API_PORT || 5174);
let api: RunningServer | undefined;
let vite: ViteDevServer | undefined;

closeOnSignals(async () => {
  await vite?.close();
  await api?.close();
});

try {
  api = await startServer({ config: { ...serverConfig(), host: '127.0.0.1', port: apiPort }, staticDir: false, loadDefaultCorpus });
  console.log(`methodgraph: API at ${api.url}api/health`);
  vite = await createServer({
    root: `${projectRoot}/src/web`,
    configFile: `${projectRoot}/vite.config.ts`,
    server: { port: serverConfig().port, strictPort: true },
  });
  await vite.listen();
  vite.printUrls();
  if ('token' in api.writeAccess)
    console.log(`methodgraph: to curate, open the explorer with #token=${api.writeAccess.token} after its URL`);
} catch (err) {
  console.error((err as Error).message);
  await vite?.close();
  await api?.close();
  process.exit(1);
}
