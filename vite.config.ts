import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Vite writes `<script type="module" crossorigin>`; the renderer is one classic script instead
 * (see `build` below), loaded with `defer` so it still runs after the document is parsed.
 */
const classicScript: Plugin = {
  name: 'pave-classic-script',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler: (html) => html.replace(/<script type="module" crossorigin src=/g, '<script defer src='),
  },
};

/**
 * The renderer build. `base: './'` keeps asset URLs relative so the same build loads from
 * app://pave inside Electron and from electron/web's HTTP server in browser mode.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), classicScript],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    // One classic script and one stylesheet (issue 12, "Start in a second"; docs/architecture.md,
    // "Numbers"). Chromium keeps V8's code cache for classic scripts only, never for module
    // scripts: with it a warm start runs the renderer's 1.4 MB in ~250 ms instead of compiling it
    // again (~500 ms, measured in Chromium 156 with test/bench/start-launch.ts). Pages other than
    // the catalog are still evaluated on their first visit (renderer/shell/lazy-page.ts), so their
    // code costs the first paint only its parse, which the code cache also saves.
    rolldownOptions: {
      output: { format: 'iife', codeSplitting: false },
      // Vite's dynamic-import helper passes `import.meta.url` for the chunks it would preload; one
      // bundle has none to preload, so the `{}` it becomes in a classic script is never read.
      checks: { emptyImportMeta: false },
    },
    cssCodeSplit: false,
    modulePreload: false,
    // Loaded from disk or loopback, never a network: the limit only warns if the bundle grows well
    // past today's ~1.4 MB.
    chunkSizeWarningLimit: 1800,
  },
});
