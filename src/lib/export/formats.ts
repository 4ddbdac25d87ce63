/**
 * The file formats of a cluster export, each written as a head, then batches of records, then a tail, so that an
 * export is produced a batch at a time and never whole (src/server/export/stream.ts). Pure.
 */
import type { z } from 'zod';
import type { clusterExportItemSchema } from '../api/answers';
import { toIndexJson } from '../api/index-json';
import { toSummaryJson } from '../api/summary-json';
import type { ClusterAnalytics } from '../indexing/year-analytics';
import type { ClusterSummary } from '../profile/summary';
import { INDICATOR_KEYS, type IndicatorKey } from '../profile/vocabulary';
import { CLUSTER_EXPORT_COLUMNS, toClusterExportRow, type ExportIndicators } from './cluster-rows';
import { CSV_BOM, csvRecords } from './csv-writer';
import { EXPORT_LICENCE, EXPORT_SOURCES } from './data-notice';

/** One cluster of an export: its summary, its indicator values of the year (with sources) and its analytics. */
export interface ExportItem extends ClusterSummary {
  indicators: ExportIndicators;
  analytics: ClusterAnalytics | null;
}

/** What every record of one export shares: the indicators' year and the portal's public address. */
export interface ExportContext {
  year: number | null;
  /** PUBLIC_URL without a trailing slash: the profile addresses in the file are absolute. */
  origin: string;
}

/** A format: the text before the first record, one batch of records (`first`: the batch opens the list), and the text after the last. */
export interface ExportFormat {
  contentType: string;
  filename: string;
  head(context: ExportContext): string;
  batch(items: readonly ExportItem[], context: ExportContext, first: boolean): string;
  tail(context: ExportContext): string;
}

/** Indicator values with sources by key, from the records the store reads. */
export function indicatorsByKey(rows: ReadonlyArray<{ indicator: string; value: number; source: string }>): ExportIndicators {
  const byKey: ExportIndicators = {};
  for (const row of rows) if ((INDICATOR_KEYS as readonly string[]).includes(row.indicator)) byKey[row.indicator as IndicatorKey] = { value: row.value, source: row.source };
  return byKey;
}

/** CSV: UTF-8 with a byte-order mark, CRLF, a header, one flat line per cluster (sources and licence go in HTTP headers beside it). */
export const CSV_FORMAT: ExportFormat = {
  contentType: 'text/csv; charset=utf-8; header=present',
  filename: 'clusters.csv',
  head: () => CSV_BOM + csvRecords([CLUSTER_EXPORT_COLUMNS]),
  batch: (items, { year, origin }) => csvRecords(items.map((c) => toClusterExportRow(c, c.analytics, c.indicators, year, origin))),
  tail: () => '',
};

/** One cluster in the JSON export (its schema is in src/lib/api/answers.ts, which the OpenAPI document shows). */
type ClusterExportItem = z.infer<typeof clusterExportItemSchema>;

/** One cluster in the JSON export: the fields of a GET /api/v1/clusters item, with absolute profile addresses and the year's indicators. */
export function toClusterExportJson(c: ExportItem, { year, origin }: ExportContext): ClusterExportItem {
  const a = c.analytics;
  // The list item's index block (toIndexJson), without its notRanked reason.
  const { notRanked: _, ...index } = toIndexJson(a, year);
  return {
    ...toSummaryJson(c),
    url: { ru: `${origin}/clusters/${c.slug}`, en: `${origin}/en/clusters/${c.slug}` },
    indicators: Object.fromEntries(INDICATOR_KEYS.map((k) => [k, c.indicators[k] ?? null])) as ClusterExportItem['indicators'],
    index,
    scenario: a?.scenario.code ?? 'unknown',
  };
}

/** JSON: `{ year, sources, licence, items: [...] }`, the items written as they come. */
export const JSON_FORMAT: ExportFormat = {
  contentType: 'application/json; charset=utf-8',
  filename: 'clusters.json',
  head: ({ year }) => `{"year":${JSON.stringify(year)},"sources":${JSON.stringify(EXPORT_SOURCES)},"licence":${JSON.stringify(EXPORT_LICENCE)},"items":[`,
  batch: (items, context, first) => (items.length ? (first ? '' : ',') + items.map((c) => JSON.stringify(toClusterExportJson(c, context))).join(',') : ''),
  tail: () => ']}\n',
};

/** One cluster as a GeoJSON Feature: a Point at [longitude, latitude] with the JSON export's fields as properties. */
export function toClusterExportFeature(c: ExportItem, context: ExportContext): { type: 'Feature'; geometry: { type: 'Point'; coordinates: [number, number] }; properties: ClusterExportItem } {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [c.location.lon, c.location.lat] }, properties: toClusterExportJson(c, context) };
}

/** GeoJSON: a FeatureCollection with the year, sources and licence as foreign members, the features written as they come. */
export const GEOJSON_FORMAT: ExportFormat = {
  contentType: 'application/geo+json; charset=utf-8',
  filename: 'clusters.geojson',
  head: ({ year }) => `{"type":"FeatureCollection","year":${JSON.stringify(year)},"sources":${JSON.stringify(EXPORT_SOURCES)},"licence":${JSON.stringify(EXPORT_LICENCE)},"features":[`,
  batch: (items, context, first) => (items.length ? (first ? '' : ',') + items.map((c) => JSON.stringify(toClusterExportFeature(c, context))).join(',') : ''),
  tail: () => ']}\n',
};

/** The export formats by their route's name (/api/v1/clusters.csv, .json, .export.geojson). */
export const EXPORT_FORMATS = { csv: CSV_FORMAT, json: JSON_FORMAT, geojson: GEOJSON_FORMAT } as const;
/** An export format's name. */
export type ExportFormatName = keyof typeof EXPORT_FORMATS;
