/**
 * npm run backup -- <file>: a consistent copy of the store in DATA_DIR (SQLite's online backup), also while the
 * portal runs. The copy holds password and token hashes: it is written 0600; keep it as private as DATA_DIR.
 */
import { BackupError, backupStore } from '../src/server/db/backup';
import { readServerConfig } from '../src/server/config';

const target = process.argv[2];
if (!target) {
  console.error('usage: npm run backup -- <file>   (e.g. npm run backup -- backups/cluster-map-$(date +%F).sqlite)');
  process.exit(2);
}
try {
  const { dataDir } = readServerConfig();
  const report = await backupStore(dataDir, target);
  console.log(`[backup] ${dataDir} → ${report.file} (${(report.bytes / 1e6).toFixed(1)} MB, integrity ok) in ${report.ms} ms`);
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`[backup] failed: ${error.message}`);
  process.exit(1);
}
