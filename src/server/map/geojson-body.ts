import type { z } from 'zod';
import type { clusterFeatureCollectionSchema } from '../../lib/api/answers';
import { toClusterFeatureCollection } from '../../lib/map/geojson';
import { LruCache } from './memo';
import { toMapClusterInput, type MapDataset } from './map-data';

/** Serialized bodies by ETag: a body never changes for its tag; 10,000 features take ~50 ms to serialize. */
const bodies = new LruCache<string>(4);

/** The GeoJSON text of a data set for a cache key (dataDir + ETag); the gate compresses it for the client. */
export function geojsonBody(key: string, dataset: MapDataset): string {
  let text = bodies.get(key);
  if (text === undefined) {
    const collection: z.input<typeof clusterFeatureCollectionSchema> = toClusterFeatureCollection(dataset.items.map(toMapClusterInput), dataset.year);
    text = JSON.stringify(collection);
    bodies.set(key, text);
  }
  return text;
}
