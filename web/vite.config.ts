import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress.ts';

// The web app is served by the closeloop server in production (web/dist); in development Vite proxies
// the API to a server started with `npm run dev`.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), precompress()],
  // The manifest lets `npm run bench` add up each page's JavaScript before first paint.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 600, manifest: true },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
