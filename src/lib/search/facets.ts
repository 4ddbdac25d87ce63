/** Facets counted for every search answer (also filterable); small module so the browser bundle stays small. */
export const FACET_ATTRIBUTES = ['industryGroup', 'federalDistrict', 'region', 'scenario', 'status'] as const;
/** One facet of the search answer. */
export type FacetAttribute = (typeof FACET_ATTRIBUTES)[number];
