/**
 * The moderators' browser import of regional statistics: preview an uploaded CSV against the store, import it
 * all-or-nothing (the same store path and audit entry as `npm run import:regions`), and build the template of the
 * host regions that still lack data. Moderators only.
 */
import { REGIONAL_YEAR_RANGE, type RegionalStatisticsRecord } from '../lib/regional-statistics';
import {
  checkRegionalUpload,
  countRegionalChanges,
  previewFingerprint,
  previewRegionalChanges,
  type RegionalChange,
  type RegionalLineError,
  type RegionalTemplateRow,
} from '../lib/regional-upload';
import { WorkflowError, type Actor } from '../lib/workflow';
import type { RegionalImportReport } from './db/store-interfaces';
import { getYearAnalytics } from './analytics';
import type { Store } from './store';
import { requireModerator } from './workflow/revisions';

/** A checked upload: the bad lines, or what the import would change with the fingerprint the confirm form carries. */
export type RegionalUploadPreview =
  | { ok: false; errors: RegionalLineError[]; moreErrors: boolean }
  | { ok: true; changes: RegionalChange[]; counts: ReturnType<typeof countRegionalChanges>; fingerprint: string };

/** Stored records of every year the incoming records name. */
async function storedRecordsOfYears(store: Store, incoming: readonly RegionalStatisticsRecord[]): Promise<RegionalStatisticsRecord[]> {
  const years = [...new Set(incoming.map((r) => r.year))];
  return (await Promise.all(years.map((year) => store.regions.listYear(year)))).flat();
}

/** Checks an uploaded file and, when every line is good, compares it with the store (nothing is written). */
export async function previewRegionalUpload(store: Store, actor: Actor, text: string): Promise<RegionalUploadPreview> {
  requireModerator(actor, 'import regional statistics');
  const check = checkRegionalUpload(text);
  if (check.errors.length > 0) return { ok: false, errors: check.errors, moreErrors: check.moreErrors };
  const changes = previewRegionalChanges(check.records, await storedRecordsOfYears(store, check.records));
  return { ok: true, changes, counts: countRegionalChanges(changes), fingerprint: previewFingerprint(changes) };
}

/** An import's outcome: done, the file's bad lines, or a preview again because the store changed since the moderator's. */
export type RegionalUploadImport =
  | { ok: true; report: RegionalImportReport; counts: ReturnType<typeof countRegionalChanges> }
  | { ok: false; preview: RegionalUploadPreview; stale: boolean };

/**
 * Imports a previewed file all-or-nothing, audited under the moderator's account, if it would still do what the
 * preview with `fingerprint` showed; otherwise answers with the new preview (the file's errors, or changes that
 * differ because the store changed meanwhile) and writes nothing.
 */
export async function importRegionalUpload(store: Store, actor: Actor, text: string, fingerprint: string): Promise<RegionalUploadImport> {
  const preview = await previewRegionalUpload(store, actor, text);
  if (!preview.ok) return { ok: false, preview, stale: false };
  if (preview.fingerprint !== fingerprint) return { ok: false, preview, stale: true };
  const check = checkRegionalUpload(text);
  const report = await store.regions.importRecords(check.records, `user:${actor.userId}`);
  return { ok: true, report, counts: preview.counts };
}

/**
 * The rows of the template for a year: the host region of every ranked cluster (an index for the year) whose
 * regional statistics are missing or incomplete, each region once, with what is stored for it.
 */
export async function regionalTemplateRows(store: Store, actor: Actor, year: number): Promise<RegionalTemplateRow[]> {
  requireModerator(actor, 'download the regional statistics template');
  const { min, max } = REGIONAL_YEAR_RANGE;
  if (!Number.isInteger(year) || year < min || year > max) throw new WorkflowError('not-found', `There is no year ${year}: pass ?year= from ${min} to ${max}.`);
  const analytics = await getYearAnalytics(store, year);
  const regionOf = new Map((await store.clusters.listPublic()).map((c) => [c.slug, c.region]));
  const lacking = new Set<string>();
  for (const cluster of analytics.clusters.values()) {
    const region = regionOf.get(cluster.slug);
    if (region && cluster.notRanked === null && cluster.scenario.missingRegionalInputs.length > 0) lacking.add(region);
  }
  const stored = new Map((await store.regions.listYear(year)).map((r) => [r.region, r]));
  return [...lacking].sort().map((region) => ({ region, year, ...(stored.has(region) ? { stored: stored.get(region)! } : {}) }));
}
