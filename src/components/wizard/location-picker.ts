// The location picker's island: a Leaflet map of the bundled region boundaries (no tiles) where a click sets the
// latitude/longitude fields; editing the fields moves the marker.
import { L } from '../map/leaflet-setup';
import { shiftCollectionForDisplay, toDisplayLongitude, type AreaCollection } from '../../lib/map/antimeridian';

/** Longitude back in −180…180 from the display's continuous 0…360 east of the antimeridian. */
function fromDisplayLongitude(lon: number): number {
  return lon > 180 ? lon - 360 : lon;
}

/** Reads a coordinate field (a decimal comma is accepted), or undefined when it holds no number. */
function readField(input: HTMLInputElement): number | undefined {
  const n = Number(input.value.trim().replace(',', '.'));
  return input.value.trim() !== '' && Number.isFinite(n) ? n : undefined;
}

/** Starts one picker: the map, the marker and the two-way link with the fields. */
async function startPicker(root: HTMLElement): Promise<void> {
  const lat = document.getElementById(root.dataset.latField ?? '') as HTMLInputElement | null;
  const lon = document.getElementById(root.dataset.lonField ?? '') as HTMLInputElement | null;
  const canvas = root.querySelector<HTMLElement>('.location-picker-canvas');
  if (!lat || !lon || !canvas) return;
  root.hidden = false;
  const map = L.map(canvas, { zoomSnap: 0.5, attributionControl: false }).setView([62, 95], 2.5);
  const boundaries = (await (await fetch(root.dataset.boundaries!)).json()) as AreaCollection<{ code: string }>;
  L.geoJSON(shiftCollectionForDisplay(boundaries) as never, { style: { color: '#8d99a6', weight: 0.8, fillColor: '#fbfbf8', fillOpacity: 1 } }).addTo(map);
  let marker: L.Marker | undefined;
  const place = (la: number, lo: number) => {
    const at: [number, number] = [la, toDisplayLongitude(lo)];
    marker = marker ? marker.setLatLng(at) : L.marker(at, { keyboard: false }).addTo(map);
  };
  const fromFields = () => {
    const la = readField(lat);
    const lo = readField(lon);
    if (la !== undefined && lo !== undefined && Math.abs(la) <= 90 && Math.abs(lo) <= 180) place(la, lo);
  };
  fromFields();
  map.on('click', (e: L.LeafletMouseEvent) => {
    const la = Math.round(e.latlng.lat * 1000) / 1000;
    const lo = Math.round(fromDisplayLongitude(e.latlng.lng) * 1000) / 1000;
    lat.value = String(la);
    lon.value = String(lo);
    place(la, lo);
  });
  lat.addEventListener('change', fromFields);
  lon.addEventListener('change', fromFields);
}

/** Starts every location picker on the page. */
export function startLocationPickers(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-location-picker]')) void startPicker(root);
}
