// The staff console's Vite config. The gateway (tools/launcher) loads this file with
// `createServer({ configFile: 'apps/console/vite.config.ts', server: { middlewareMode: true }, appType: 'spa' })`
// in development and serves the production build from dist/apps/console. Paths here are absolute,
// so both work from any working directory. The browser calls the services through the gateway on
// the same origin (`/intake/api/...` and so on): no proxy here.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/apps/console', import.meta.url));

/** Libraries that change rarely get their own chunks, so a console release re-downloads only its own code. */
function vendorChunk(id: string): string | undefined {
  if (!id.includes('/node_modules/')) return undefined;
  if (/\/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom)\//.test(id)) return 'react';
  if (/\/node_modules\/(antd|@ant-design|rc-[^/]+|@rc-component)\//.test(id)) return 'antd';
  return 'vendor';
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    // antd's components and icons tree-shake; what the console uses still makes one large chunk.
    chunkSizeWarningLimit: 1500,
    rollupOptions: { output: { manualChunks: vendorChunk } },
  },
});
