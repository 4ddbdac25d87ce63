// Writes a .br and a .gz copy beside every built text file of 1 KB or more (called by astro.config.mjs after the
// build), so the gate serves them without compressing per request (src/server/gate/static-files.ts).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Extensions of the built files that are text and compress well. */
const TEXT = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.geojson', '.txt', '.xml', '.webmanifest']);
const MIN_BYTES = 1024;

/**
 * Compresses every text file under `dir` once at the strongest levels (brotli 11, gzip 9); a copy that would not
 * be smaller is not written. Returns how many files and bytes.
 * @param {string} dir
 */
export function precompressDirectory(dir) {
  const report = { files: 0, bytes: 0, br: 0, gzip: 0 };
  const walk = (/** @type {string} */ folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (TEXT.has(extname(entry.name)) && statSync(path).size >= MIN_BYTES) {
        const body = readFileSync(path);
        const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
        const gz = gzipSync(body, { level: 9 });
        if (br.length < body.length) writeFileSync(path + '.br', br);
        if (gz.length < body.length) writeFileSync(path + '.gz', gz);
        Object.assign(report, { files: report.files + 1, bytes: report.bytes + body.length, br: report.br + br.length, gzip: report.gzip + gz.length });
      }
    }
  };
  walk(dir);
  return report;
}
