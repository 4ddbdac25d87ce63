import { paginate, sortClusters, type Page } from '../lib/directory/listing';
import type { DirectoryQuery } from '../lib/directory/query';
import type { Lang } from '../lib/i18n';
import type { ClusterSummary } from './db/clusters-repository';
import type { Store } from './store';

/** One page of the public directory for a validated query. */
export function listDirectory(store: Store, query: DirectoryQuery, lang: Lang): Page<ClusterSummary> {
  const matching = store.clusters.listPublic({
    industryGroup: query.industryGroup,
    region: query.region,
    status: query.status,
  });
  return paginate(sortClusters(matching, query.sort, lang), query.page, query.perPage);
}
