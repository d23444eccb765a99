import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The renderer build. `base: './'` keeps asset URLs relative so the same build loads from
 * file:// inside Electron and from electron/web's HTTP server in browser mode.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    // Pages other than the catalog are split off (renderer/shell/lazy-page.ts): the first paint
    // parses ~0.8 MB instead of 1.36 MB, and the charting library loads with the first page that
    // draws a chart. Loaded from disk or loopback, so the first chunk may stay well above Vite's
    // network-minded 500 kB default; this limit warns if it grows back toward the old single chunk.
    chunkSizeWarningLimit: 800,
  },
});
