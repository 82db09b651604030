/**
 * @module WorldMap
 * The world on a date: territories coloured by the chosen reading, status overlays drawn and
 * labelled, the chosen treaty's parties outlined and its trigger zone shaded. Coarse outlines at low
 * zoom, Natural Earth 1:10m once zoomed in. A click picks the point of the question.
 */
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection, Geometry } from 'geojson';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api/client.js';
import type { OverlayProperties, Reading } from '../api/types.js';
import { colorsFromTopology, countriesFromTopology, labelPoint, paintCountries, paintOverlays, type CountryProperties } from './map-data.js';
import { baseStyle, hatchImage, overlayColor, overlayPatternFilter } from './map-style.js';
import type { Standing } from './membership.js';

maplibregl.setWorkerUrl(workerUrl);

/** Zoom from which the 1:10m outlines replace the 1:110m ones. */
const FINE_FROM_ZOOM = 3.5;

interface Props {
  readonly date: string;
  readonly reading: Reading;
  readonly standings: readonly Standing[];
  readonly zones: FeatureCollection | undefined;
  readonly point: readonly [number, number] | undefined;
  readonly onPick: (at: [number, number]) => void;
  readonly onStatus: (status: { loading: boolean; error?: string }) => void;
  /** The overlays in force on the date, as drawn (the legend and the place search use them too). */
  readonly onOverlays: (overlays: FeatureCollection) => void;
}

const describeOverlay = (p: OverlayProperties): string =>
  `${p.name} — from ${p.from}${p.to ? ` to ${p.to}` : ''}: recognized ${p.recognized || '—'}; administered ${p.administered || '—'}; claimed ${p.claimed || '—'}; delimited ${p.delimited || '—'}${p.approximate ? ` (outline approximate, about ${p.errorKm} km)` : ''}`;

/** The map. */
export function WorldMap({ date, reading, standings, zones, point, onPick, onStatus, onOverlays }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const markerRef = useRef<maplibregl.Marker | null>(null);
  const labelsRef = useRef<maplibregl.Marker[]>([]);
  const [ready, setReady] = useState(false);
  const [detail, setDetail] = useState<'coarse' | 'fine'>('coarse');
  const [countries, setCountries] = useState<FeatureCollection<Geometry, CountryProperties>>();
  const [overlays, setOverlays] = useState<FeatureCollection>();
  const [borders, setBorders] = useState<FeatureCollection>();
  const [loaded, setLoaded] = useState(false);
  // Fixed from the first (coarse) outlines, so a state keeps its colour across dates and zooms.
  const colors = useRef<Map<string, string>>(undefined);
  const pick = useRef(onPick);
  pick.current = onPick;
  const status = useRef(onStatus);
  status.current = onStatus;
  const listOverlays = useRef(onOverlays);
  listOverlays.current = onOverlays;

  useEffect(() => {
    const map = new maplibregl.Map({
      container: container.current!,
      style: baseStyle(),
      center: [30, 35],
      zoom: 1.3,
      minZoom: 0.5,
      maxZoom: 12,
      renderWorldCopies: false,
      // The view (#zoom/lat/lon) goes into the address too, so a permalink shows the same place.
      hash: true,
      attributionControl: { compact: true, customAttribution: 'Outlines: Natural Earth · Territory answers: © OpenStreetMap contributors (ODbL)' },
      dragRotate: false,
      pitchWithRotate: false,
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.touchZoomRotate.disableRotation();
    map.on('load', () => {
      map.addImage('hatch', hatchImage());
      setReady(true);
    });
    map.on('click', (e: maplibregl.MapMouseEvent) => pick.current([Math.round(e.lngLat.lat * 1e4) / 1e4, Math.round(e.lngLat.lng * 1e4) / 1e4]));
    const pickDetail = () => setDetail(map.getZoom() >= FINE_FROM_ZOOM ? 'fine' : 'coarse');
    map.on('zoomend', pickDetail);
    // A permalink may open zoomed in (#zoom/lat/lon): no zoomend comes then.
    pickDetail();
    map.on('zoom', () => container.current?.classList.toggle('labels-hidden', map.getZoom() < 2.2));
    container.current?.classList.toggle('labels-hidden', map.getZoom() < 2.2);
    mapRef.current = map;
    return () => {
      map.remove();
      mapRef.current = null;
    };
  }, []);

  // Countries and overlays on the date; the fine outlines once zoomed in.
  useEffect(() => {
    let live = true;
    status.current({ loading: true });
    setLoaded(false);
    Promise.all([api.countries(date, detail), api.overlays(date), api.borders(date)])
      .then(([topo, ov, bo]) => {
        if (!live) return;
        setBorders(bo);
        colors.current ??= colorsFromTopology(topo);
        setCountries(countriesFromTopology(topo));
        setOverlays(ov);
        listOverlays.current(ov);
        setLoaded(true);
        status.current({ loading: false });
      })
      .catch((e: unknown) => live && status.current({ loading: false, error: e instanceof ApiError ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [date, detail]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !countries) return;
    void (map.getSource('countries') as maplibregl.GeoJSONSource).setData(paintCountries(countries, standings, colors.current));
  }, [ready, countries, standings]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !overlays) return;
    void (map.getSource('overlays') as maplibregl.GeoJSONSource).setData(paintOverlays(overlays, colors.current));
  }, [ready, overlays]);

  // Labels say the overlay's name and, under the chosen reading, who holds it and since when.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !overlays) return;
    for (const m of labelsRef.current) m.remove();
    labelsRef.current = overlays.features.flatMap((f) => {
      const at = labelPoint(f);
      if (!at) return [];
      const p = f.properties as OverlayProperties;
      const el = document.createElement('div');
      el.className = 'overlay-label';
      const name = document.createElement('div');
      name.textContent = p.name;
      const status = document.createElement('div');
      status.className = 'overlay-status';
      status.textContent = `${reading} ${p[reading] || '—'} · since ${p.from}`;
      el.append(name, status);
      el.title = describeOverlay(p);
      el.dataset.overlay = p.id;
      return [new maplibregl.Marker({ element: el }).setLngLat(at).addTo(map)];
    });
  }, [ready, overlays, reading]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !borders) return;
    void (map.getSource('borders') as maplibregl.GeoJSONSource).setData(borders);
  }, [ready, borders]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    map.setPaintProperty('overlays-fill', 'fill-color', overlayColor(reading));
    map.setFilter('overlays-pattern', overlayPatternFilter(reading));
    const delimited = reading === 'delimited' ? 'visible' : 'none';
    map.setLayoutProperty('borders-undelimited', 'visibility', delimited);
    map.setLayoutProperty('borders-sections', 'visibility', delimited);
  }, [ready, reading]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    void (map.getSource('zones') as maplibregl.GeoJSONSource).setData(zones ?? { type: 'FeatureCollection', features: [] });
  }, [ready, zones]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    markerRef.current?.remove();
    markerRef.current = point ? new maplibregl.Marker({ color: '#c0392b' }).setLngLat([point[1], point[0]]).addTo(map) : null;
  }, [ready, point]);

  // Overlay details on hover, in words.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const popup = new maplibregl.Popup({ closeButton: false, closeOnClick: false, maxWidth: '320px' });
    const move = (e: maplibregl.MapLayerMouseEvent) => {
      const f = e.features?.[0];
      if (!f) return;
      popup.setLngLat(e.lngLat).setText(describeOverlay(f.properties as OverlayProperties)).addTo(map);
    };
    const leave = () => popup.remove();
    map.on('mousemove', 'overlays-fill', move);
    map.on('mouseleave', 'overlays-fill', leave);
    return () => {
      map.off('mousemove', 'overlays-fill', move);
      map.off('mouseleave', 'overlays-fill', leave);
      popup.remove();
    };
  }, [ready]);

  return (
    <div
      ref={container}
      className="world-map"
      role="application"
      aria-label="World map: click a place to ask about an attack there"
      data-state={ready && loaded ? 'ready' : 'loading'}
      data-date={date}
      data-overlays={overlays?.features.map((f) => (f.properties as OverlayProperties).id).join(' ') ?? ''}
    />
  );
}
