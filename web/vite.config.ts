import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API server during development (`npm run qualif -- serve`). */
const backend = 'http://localhost:3000';
const proxied = ['/api', '/docs', '/openapi.json', '/healthz', '/readyz'];

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    // The Host header is kept (no changeOrigin): the API's CSRF origin check then sees this server's origin.
    proxy: Object.fromEntries(proxied.map((prefix) => [prefix, backend])),
  },
});
