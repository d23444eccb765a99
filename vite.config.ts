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
    // Loaded from disk or loopback, never over a network: one ~0.5 MB chunk is not worth splitting.
    chunkSizeWarningLimit: 1024,
  },
});
