/**
 * Vite build of the analyst app: React with the automatic JSX runtime, emitted to dist/ and served by the
 * API server from the site root (it answers index.html for every app path, so the History API router works).
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    // `npm run dev -w @embargo/web` next to `embargo serve`: API calls go to the server, cookies included.
    proxy: { '/v1': 'http://127.0.0.1:8080' },
  },
});
