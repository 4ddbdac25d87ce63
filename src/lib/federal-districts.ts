// No import of regions.ts (and its zod schema): the search page's browser script groups regions with this table.

/** The eight federal districts of the 2012 composition (content/regions.json), east of Moscow last. */
export const FEDERAL_DISTRICTS = ['central', 'northwestern', 'southern', 'north-caucasian', 'volga', 'ural', 'siberian', 'far-eastern'] as const;
/** One federal district. */
export type FederalDistrict = (typeof FEDERAL_DISTRICTS)[number];

/** Names of the federal districts in both languages. */
export const FEDERAL_DISTRICT_NAMES: Record<FederalDistrict, { ru: string; en: string }> = {
  central: { ru: 'Центральный федеральный округ', en: 'Central Federal District' },
  northwestern: { ru: 'Северо-Западный федеральный округ', en: 'Northwestern Federal District' },
  southern: { ru: 'Южный федеральный округ', en: 'Southern Federal District' },
  'north-caucasian': { ru: 'Северо-Кавказский федеральный округ', en: 'North Caucasian Federal District' },
  volga: { ru: 'Приволжский федеральный округ', en: 'Volga Federal District' },
  ural: { ru: 'Уральский федеральный округ', en: 'Ural Federal District' },
  siberian: { ru: 'Сибирский федеральный округ', en: 'Siberian Federal District' },
  'far-eastern': { ru: 'Дальневосточный федеральный округ', en: 'Far Eastern Federal District' },
};

/** Regions of each district as of 2012 (Buryatia and Zabaykalsky Krai moved to the Far East only in 2018). */
const DISTRICT_REGIONS: Record<FederalDistrict, readonly string[]> = {
  central: ['BEL', 'BRY', 'VLA', 'VOR', 'IVA', 'KLU', 'KOS', 'KRS', 'LIP', 'MOS', 'MOW', 'ORL', 'RYA', 'SMO', 'TAM', 'TVE', 'TUL', 'YAR'],
  northwestern: ['KR', 'KO', 'ARK', 'NEN', 'VLG', 'KGD', 'LEN', 'MUR', 'NGR', 'PSK', 'SPE'],
  southern: ['AD', 'KL', 'KDA', 'AST', 'VGG', 'ROS'],
  'north-caucasian': ['DA', 'IN', 'KB', 'KC', 'SE', 'CE', 'STA'],
  volga: ['BA', 'ME', 'MO', 'TA', 'UD', 'CU', 'PER', 'KIR', 'NIZ', 'ORE', 'PNZ', 'SAM', 'SAR', 'ULY'],
  ural: ['KGN', 'SVE', 'TYU', 'KHM', 'YAN', 'CHE'],
  siberian: ['AL', 'BU', 'TY', 'KK', 'ALT', 'ZAB', 'KYA', 'IRK', 'KEM', 'NVS', 'OMS', 'TOM'],
  'far-eastern': ['SA', 'KAM', 'PRI', 'KHA', 'AMU', 'MAG', 'SAK', 'YEV', 'CHU'],
};

const districtByRegion = new Map<string, FederalDistrict>(
  FEDERAL_DISTRICTS.flatMap((d) => DISTRICT_REGIONS[d].map((suffix) => [`RU-${suffix}`, d] as const)),
);

/** The federal district of a region code, e.g. "RU-KYA" → "siberian"; throws on a code that names no region. */
export function federalDistrictOf(regionCode: string): FederalDistrict {
  const district = districtByRegion.get(regionCode);
  if (!district) throw new Error(`"${regionCode}" is not a region code of any federal district; use one of content/regions.json`);
  return district;
}

/** Region codes of a district. */
export function regionsOfDistrict(district: FederalDistrict): string[] {
  return DISTRICT_REGIONS[district].map((suffix) => `RU-${suffix}`);
}

/** Whether every region code has exactly one district (the unit test calls it with the 83 codes of regions.ts). */
export function districtsCoverRegions(regionCodes: readonly string[]): boolean {
  return districtByRegion.size === regionCodes.length && regionCodes.every((code) => districtByRegion.has(code));
}
