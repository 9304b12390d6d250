import { defineConfig } from 'vite';

// The renderer: built to dist/renderer with relative paths, served by Electron's app:// protocol
// and by the browser harness alike. JSX is compiled by Vite's own transformer (automatic runtime).
export default defineConfig({
  root: 'src/renderer',
  base: './',
  build: {
    outDir: '../../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      onwarn(warning, warn) {
        // TanStack Query marks its modules "use client" for React Server Components, which a
        // desktop app does not use: the directive is meaningless here, not a problem.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
