import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { viteAliases } from './scripts/aliases.ts';

const resolveAliases = { alias: viteAliases() };

export default defineConfig({
  main: {
    resolve: resolveAliases,
    plugins: [externalizeDepsPlugin()],
    build: {
      rollupOptions: {
        // The read worker is an entry of its own: worker threads load it by file (transport/readPool.ts).
        input: { index: resolve(__dirname, 'src/main/index.ts'), readWorker: resolve(__dirname, 'src/main/transport/readWorker.ts') },
      },
    },
  },
  preload: {
    resolve: resolveAliases,
    build: {
      // A sandboxed preload cannot load packages: whatever it imports is bundled (electron stays external).
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: resolveAliases,
    plugins: [react()],
    // The user guides (docs/*.md) and their pictures are bundled into the Help screen (features/help),
    // imported through the `@docs/` alias: the dev server may serve files from the whole repository.
    server: { fs: { allow: [__dirname] } },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified; minified, the sign-in screen's scripts are half the
      // size to fetch (serve mode) and to parse (both). Every screen is a chunk of its own (lib/feature.ts).
      minify: true,
      // .vite/manifest.json: which chunks the page loads first; scripts/renderer-bundle.test.ts reads it.
      manifest: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') },
      },
    },
  },
});
