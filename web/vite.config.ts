import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app is served by the closeloop server in production (web/dist); in development Vite proxies
// the API to a server started with `npm run dev`.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
