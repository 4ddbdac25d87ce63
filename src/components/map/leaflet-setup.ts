// Leaflet with the marker-cluster plugin (which extends the global L that Leaflet's bundle defines).
import L from 'leaflet';
import 'leaflet.markercluster';
import iconUrl from 'leaflet/dist/images/marker-icon.png?url';
import iconRetinaUrl from 'leaflet/dist/images/marker-icon-2x.png?url';
import shadowUrl from 'leaflet/dist/images/marker-shadow.png?url';

// Leaflet guesses the default icon's folder from its stylesheet, which bundling breaks (404s):
// give it the bundled image URLs instead. The portal's markers are div icons, but plugins may use the default.
delete (L.Icon.Default.prototype as { _getIconUrl?: unknown })._getIconUrl;
L.Icon.Default.mergeOptions({ iconUrl, iconRetinaUrl, shadowUrl });

/** The configured Leaflet namespace. */
export { L };
