import { fileURLToPath, URL } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

/** The browser calls `/api/...`; both the dev server and `vite preview` forward that to the API without the prefix. */
export function apiProxy(
  target: string = process.env.API_URL ?? 'http://127.0.0.1:3000',
): Record<string, ProxyOptions> {
  return {
    '/api': {
      target,
      changeOrigin: true,
      // X-Forwarded-For/-Proto, so the API (trusting loopback proxies) limits sign-ins per real client address
      // and marks cookies Secure when the browser came over HTTPS.
      xfwd: true,
      rewrite: (path) => path.replace(/^\/api(?=\/|$)/, ''),
    },
  };
}

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // frappe-gantt exports its stylesheet only under the `style` condition, which JS imports do not use.
      'frappe-gantt-stylesheet': fileURLToPath(
        new URL('./node_modules/frappe-gantt/dist/frappe-gantt.css', import.meta.url),
      ),
    },
  },
  // The manifest lets scripts/initial-bundle.mjs tell the initial chunks from those loaded on demand.
  build: { manifest: true },
  server: { proxy: apiProxy() },
  preview: { proxy: apiProxy() },
});
