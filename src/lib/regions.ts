import { z } from 'zod';
import regionList from '../../content/regions.json';

/** A Russian federal subject (2012 composition) with its ISO 3166-2 code and names. */
export interface Region {
  code: string;
  name: { ru: string; en: string };
  type: string;
}

/** The 83 federal subjects, sorted by code (content/regions.json, from Natural Earth). */
export const REGIONS: readonly Region[] = regionList as Region[];

const byCode = new Map(REGIONS.map((r) => [r.code, r]));

/** ISO 3166-2 codes of all regions, e.g. RU-KLU. */
export const REGION_CODES: readonly string[] = REGIONS.map((r) => r.code);

/** The region with this ISO 3166-2 code, or undefined. */
export function findRegion(code: string): Region | undefined {
  return byCode.get(code);
}

/** Whether the code names one of the 83 regions. */
export function isRegionCode(code: string): boolean {
  return byCode.has(code);
}

/** What a region code must be, as error messages say it. */
export const REGION_CODE_RULE = 'the ISO 3166-2 code of a Russian region, e.g. RU-KLU';

/** A region code, rejected with one message everywhere (profiles, query parameters). */
export const regionCodeSchema = z.string().refine(isRegionCode, { message: `must be ${REGION_CODE_RULE}`, params: { rule: 'region' } });
