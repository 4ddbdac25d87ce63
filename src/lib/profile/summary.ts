import { z } from 'zod';
import { generalSchema } from './general';
import { slugSchema } from './profile';

/**
 * The light view of a profile that lists, the map, search hits and the index work with: its slug and fields of
 * the general block, picked from the profile schema (missing optional values become null).
 */
export const clusterSummarySchema = generalSchema
  .pick({ name: true, region: true, industryGroup: true, status: true, location: true, city: true })
  .extend({
    slug: slugSchema,
    foundedYear: generalSchema.shape.foundedYear.unwrap().nullable(),
    selfAssessment: generalSchema.shape.selfAssessment.unwrap().nullable(),
  });

/** A cluster summary (see clusterSummarySchema). */
export type ClusterSummary = z.infer<typeof clusterSummarySchema>;
