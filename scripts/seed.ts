/** Validates content/clusters/*.json and seeds them into the store in DATA_DIR. Usage: npm run seed */
import { openStore } from '../src/server/store';
import { SeedFileError } from '../src/server/db/seed';

try {
  const store = await openStore();
  const { seed, config } = store;
  await store.close();
  console.log(`seeded ${config.dataDir}: ${JSON.stringify(seed)}`);
} catch (error) {
  if (error instanceof SeedFileError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
