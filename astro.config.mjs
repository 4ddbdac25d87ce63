// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';

// Server-rendered portal: every page reads the SQLite store at request time.
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'middleware' }),
  i18n: {
    locales: ['ru', 'en'],
    defaultLocale: 'ru',
    routing: { prefixDefaultLocale: false },
  },
  security: { checkOrigin: true },
  vite: {
    ssr: { external: ['better-sqlite3'] },
  },
});
