import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/vite-precompress.ts';

// Libraries every page needs go into their own long-cached chunks; each page is loaded lazily on top of them. The
// icons' shared code is one chunk, each icon goes with the pages that show it (the first page carries only the
// frame's). Ant Design is not grouped: a page brings the components it uses (the first page's JavaScript went from about
// 510 to 370 KB gzip when it stopped carrying every component of every page); its skeleton is its own chunk, or the
// bundler puts it into the shared chunk the first page loads. `npx tsx bench/web-bundle.ts` measures.
const VENDOR_GROUPS: { name: string; test: RegExp }[] = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
  { name: 'icons', test: /node_modules[\\/]@ant-design[\\/]icons[\\/]es[\\/](?!icons[\\/])/ },
  { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/ },
  { name: 'skeleton', test: /node_modules[\\/]antd[\\/]es[\\/]skeleton[\\/]/ },
];

const API_PROXY = { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } };

// The policy the server sends with the page; `vite preview` sends it too, so the built bundle is tried under it.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

export default defineConfig({
  root: 'web',
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: VENDOR_GROUPS.map((group, index) => ({ ...group, priority: VENDOR_GROUPS.length - index })) },
      },
    },
  },
  server: { proxy: API_PROXY },
  preview: { proxy: API_PROXY, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
});
