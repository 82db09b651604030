// Builds the web app into dist/web, which `casus serve` serves at /. Everything the page loads is
// bundled: no request may leave the machine (no tiles, fonts or scripts from elsewhere).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
  },
  server: { proxy: { '/v1': 'http://127.0.0.1:7711', '/openapi.json': 'http://127.0.0.1:7711' } },
});
