import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeZodError, formatProblems, profileSchema, type FieldProblem, type Profile } from '../../lib/profile';
import type { Store } from './store-interfaces';

/** A shipped profile file that cannot be seeded: names the file, the field and the problem. */
export class SeedFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: FieldProblem[],
  ) {
    super(`clusters/${file} is not a valid cluster profile:\n${formatProblems(problems)}`);
    this.name = 'SeedFileError';
  }
}

/** A validated shipped profile and the file it came from. */
export interface SeedProfile {
  file: string;
  profile: Profile;
}

/** Reads and validates every content/clusters/*.json; the first broken file stops the seed. */
export function readSeedProfiles(contentDir: string): SeedProfile[] {
  const dir = join(contentDir, 'clusters');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  return files.map((file) => {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      throw new SeedFileError(file, [{ field: '(file)', message: `not valid JSON: ${(error as Error).message}` }]);
    }
    const result = profileSchema.safeParse(data);
    if (!result.success) throw new SeedFileError(file, describeZodError(result.error));
    const profile = result.data;
    if (file !== `${profile.slug}.json`)
      throw new SeedFileError(file, [{ field: 'slug', message: `"${profile.slug}" does not match the file name` }]);
    return { file, profile };
  });
}

/** Stable hash of a profile's canonical JSON, used to detect changed seed files. */
export function hashProfile(profile: Profile): string {
  return createHash('sha256').update(JSON.stringify(profile)).digest('hex');
}

/** What a seed run did. */
export interface SeedReport {
  inserted: number;
  updated: number;
  unchanged: number;
  keptEdited: number;
}

/**
 * Stores the shipped profiles in one transaction. Idempotent: unchanged files write nothing;
 * a changed file updates its cluster only if nobody has edited it through the portal since.
 */
export async function seedProfiles(store: Store, profiles: readonly SeedProfile[]): Promise<SeedReport> {
  const report: SeedReport = { inserted: 0, updated: 0, unchanged: 0, keptEdited: 0 };
  await store.transaction(async ({ clusters }) => {
    for (const { profile } of profiles) {
      const hash = hashProfile(profile);
      const state = await clusters.seedState(profile.slug);
      if (state?.seedHash === hash) report.unchanged++;
      else if (state?.editedAfterSeed) report.keptEdited++;
      else {
        await clusters.save(profile, { publication: 'approved', origin: 'seed', seedHash: hash }, { actor: 'seed', action: state ? 'seed-update' : 'seed-insert' });
        if (state) report.updated++;
        else report.inserted++;
      }
    }
  });
  return report;
}
