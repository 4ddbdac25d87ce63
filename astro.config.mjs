// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import { fileURLToPath } from 'node:url';
import { precompressDirectory } from './scripts/lib/precompress.mjs';
import { DEFAULT_LANG, LANGS } from './src/lib/i18n/locales.ts';

/**
 * Rollup's input (a name, a list or named entries) with one more entry, named after its file.
 * @param {import('rollup').InputOption | undefined} input
 * @param {string} entry
 * @returns {import('rollup').InputOption}
 */
function withEntry(input, entry) {
  if (input && typeof input === 'object' && !Array.isArray(input)) return { ...input, [entry.replace(/^.*\//, '').replace(/\.ts$/, '')]: entry };
  return [...(input === undefined ? [] : typeof input === 'string' ? [input] : input), entry];
}

/**
 * Builds src/server/gate/server-gate.ts as dist/server/server-gate.mjs beside Astro's entry. Both import the same
 * chunks, so the gate (the one way in: headers, methods, static files, cache) and the pages share one store and
 * one search runtime (scripts/server.mjs). After the build, text files in dist/client get .br and .gz copies.
 * @returns {import('astro').AstroIntegration}
 */
function serverGate() {
  const entry = 'src/server/gate/server-gate.ts';
  return {
    name: 'cluster-map:server-gate',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const report = precompressDirectory(fileURLToPath(dir));
        logger.info(`precompressed ${report.files} files: ${report.bytes} → ${report.br} bytes (br), ${report.gzip} (gzip)`);
      },
      'astro:build:setup': ({ vite, target }) => {
        if (target !== 'server') return;
        /** @type {import('vite').Plugin} */
        const addInput = {
          name: 'cluster-map:server-gate-input',
          options: (options) => ({ ...options, input: withEntry(options.input, entry) }),
        };
        vite.plugins = [...(vite.plugins ?? []), addInput];
      },
    },
  };
}

// Server-rendered portal: every page reads the SQLite store at request time (the gate caches public pages per data version).
export default defineConfig({
  output: 'server',
  // Whole pages rather than streams: the gate buffers every answer anyway (validators, compression, cache), and
  // one write per page is cheaper than Astro's many small ones (a CPU profile showed writev at 7.5 %).
  adapter: node({ mode: 'middleware', experimentalDisableStreaming: true }),
  // Scripts and styles always as files, never inline, so the Content-Security-Policy is script-src 'self'
  // with no hashes or nonces (src/server/gate/security-headers.ts) and cached pages stay valid.
  build: { inlineStylesheets: 'never' },
  i18n: {
    locales: [...LANGS],
    defaultLocale: DEFAULT_LANG,
    routing: { prefixDefaultLocale: false },
  },
  // checkOrigin compares a form post's Origin with the request's own origin, which Astro builds from the Host
  // header only for allowed domains (else it assumes http://localhost and refuses every real post): any host is
  // allowed, so the check stays a same-origin check. Mailed links use PUBLIC_URL, never the Host header.
  security: { checkOrigin: true, allowedDomains: [{ protocol: 'http' }, { protocol: 'https' }] },
  integrations: [serverGate()],
  vite: {
    build: { assetsInlineLimit: 0 },
    ssr: { external: ['better-sqlite3'] },
  },
});
