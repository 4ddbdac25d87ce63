import { escapeHtml } from '../../lib/html';
import { fillPlaceholders as fill } from '../../lib/i18n/fill';
import { formatIndex } from '../../lib/i18n/format';
import type { ClusterFeatureProperties } from '../../lib/map/geojson';
import type { MapIslandConfig } from './config';


/** The profile URL of a cluster in the page's language. */
export function profileHref(config: MapIslandConfig, slug: string): string {
  return config.profileUrl.replace('{slug}', encodeURIComponent(slug));
}

/** The comparison page with this cluster, in the page's language. */
export function compareHref(config: MapIslandConfig, slug: string): string {
  return `${config.compareUrl}?c=${encodeURIComponent(slug)}`;
}

/** The name, city or other bilingual text in the page's language, falling back to the other one. */
function inLang(text: { ru?: string; en?: string }, config: MapIslandConfig): string {
  return (config.lang === 'en' ? (text.en ?? text.ru) : (text.ru ?? text.en)) ?? '';
}

/** The name of the cluster in the page's language (for marker titles). */
export function clusterName(p: ClusterFeatureProperties, config: MapIslandConfig): string {
  return inLang(p.name, config);
}

/** Popup HTML of a cluster: name linking to the profile, place, industry group, index, scenario badge, profile link. */
export function popupHtml(p: ClusterFeatureProperties, config: MapIslandConfig, year: number | null): string {
  const href = escapeHtml(profileHref(config, p.slug));
  const place = [inLang(p.city, config), config.regionNames[p.region] ?? p.region].filter(Boolean).join(', ');
  const number = p.index === null ? null : formatIndex(p.index, config.lang);
  const index = number === null ? escapeHtml(config.strings.notRanked) : `${escapeHtml(fill(config.strings.popupIndex, { year: year ?? '—' }))} <strong>${number}</strong>`;
  return `<div class="map-popup" data-testid="map-popup" data-slug="${escapeHtml(p.slug)}">
<p class="map-popup-title"><a href="${href}">${escapeHtml(clusterName(p, config))}</a></p>
<p class="map-popup-place">${escapeHtml(place)}</p>
<p><span class="tag">${escapeHtml(config.groupLabels[p.industryGroup] ?? p.industryGroup)}</span></p>
<p>${index}</p>
<div class="scenario scenario-${escapeHtml(p.scenario)}" data-scenario="${escapeHtml(p.scenario)}"><span class="badge">${escapeHtml(config.scenarioLabels[p.scenario] ?? p.scenario)}</span></div>
<p class="map-popup-more"><a href="${href}" data-testid="popup-profile-link">${escapeHtml(config.strings.profile)} →</a></p>
<p class="map-popup-compare"><a href="${escapeHtml(compareHref(config, p.slug))}" data-testid="popup-compare-link">${escapeHtml(config.strings.compare)}</a></p>
</div>`;
}
