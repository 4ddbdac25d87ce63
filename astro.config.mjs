// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
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
 * Builds src/server/direct-lane.ts as dist/server/direct-lane.mjs beside Astro's entry. Both import the same
 * chunks, so the direct lane and the pages share one store and one search runtime (scripts/server.mjs).
 * @returns {import('astro').AstroIntegration}
 */
function directLaneEntry() {
  const entry = 'src/server/direct-lane.ts';
  return {
    name: 'cluster-map:direct-lane',
    hooks: {
      'astro:build:setup': ({ vite, target }) => {
        if (target !== 'server') return;
        /** @type {import('vite').Plugin} */
        const addInput = {
          name: 'cluster-map:direct-lane-input',
          options: (options) => ({ ...options, input: withEntry(options.input, entry) }),
        };
        vite.plugins = [...(vite.plugins ?? []), addInput];
      },
    },
  };
}

// Server-rendered portal: every page reads the SQLite store at request time.
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'middleware' }),
  i18n: {
    locales: [...LANGS],
    defaultLocale: DEFAULT_LANG,
    routing: { prefixDefaultLocale: false },
  },
  security: { checkOrigin: true },
  integrations: [directLaneEntry()],
  vite: {
    ssr: { external: ['better-sqlite3'] },
  },
});
