// Vite builds the explorer (src/web) into dist/; `npm run dev` proxies /api to the API server.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const apiPort = Number(process.env.METHODGRAPH_API_PORT || 5174);

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist',
    emptyOutDir: true,
    // No source maps in the production build: they would publish the sources (megabytes) to every visitor.
    sourcemap: false,
    // The Cypher editor (CodeMirror) is one large chunk, loaded only when its tab opens.
    chunkSizeWarningLimit: 1500,
  },
  worker: { format: 'es' },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': `http://127.0.0.1:${apiPort}` },
  },
});
