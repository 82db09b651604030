/**
 * @module DatasetMap
 * The events of an imported dataset that triggered or may trigger a provision, as points on the
 * world: red where some reading triggers it, amber where it is only undetermined. A click on a point
 * says what it is and links to the question on the Ask page.
 */
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client.js';
import type { DatasetFinding } from '../api/types.js';
import { askHref, todayIso } from '../app/url-state.js';
import { countriesFromTopology } from '../map/map-data.js';
import { SEA } from '../map/map-style.js';


function points(findings: readonly DatasetFinding[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: findings.map((f, i) => ({
      type: 'Feature',
      id: i,
      geometry: { type: 'Point', coordinates: [f.at[1], f.at[0]] },
      properties: {
        i,
        triggered: Object.values(f.statuses).includes('triggered') ? 1 : 0,
        label: `${f.eventId} · ${f.date} · ${f.treaty.toUpperCase()} ${f.provision}: ${Object.entries(f.statuses).map(([r, s]) => `${r} ${s}`).join(', ')}`,
      },
    })),
  };
}

/** The map of a dataset's findings. */
export function DatasetMap({ findings }: { findings: readonly DatasetFinding[] }) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const [ready, setReady] = useState(false);
  const latest = useRef(findings);
  latest.current = findings;

  useEffect(() => {
    const map = new maplibregl.Map({
      container: container.current!,
      style: {
        version: 8,
        sources: { countries: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }, events: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
        layers: [
          { id: 'sea', type: 'background', paint: { 'background-color': SEA } },
          { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': '#eef0e6' } },
          { id: 'borders', type: 'line', source: 'countries', paint: { 'line-color': '#b8bfb0', 'line-width': 0.6 } },
          {
            id: 'events',
            type: 'circle',
            source: 'events',
            paint: {
              'circle-radius': ['interpolate', ['linear'], ['zoom'], 1, 3, 8, 7],
              'circle-color': ['case', ['==', ['get', 'triggered'], 1], '#c0392b', '#d68910'],
              'circle-stroke-color': '#ffffff',
              'circle-stroke-width': 1,
              'circle-opacity': 0.85,
            },
          },
        ],
      },
      center: [30, 30],
      zoom: 1.2,
      renderWorldCopies: false,
      attributionControl: { compact: true, customAttribution: 'Outlines: Natural Earth' },
      dragRotate: false,
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.on('load', () => {
      setReady(true);
      api.countries(todayIso(), 'coarse').then(
        (t) => void (map.getSource('countries') as maplibregl.GeoJSONSource).setData(countriesFromTopology(t)),
        () => undefined,
      );
    });
    map.on('click', 'events', (e: maplibregl.MapLayerMouseEvent) => {
      const i = Number(e.features?.[0]?.properties?.i);
      const f = latest.current[i];
      if (!f) return;
      const el = document.createElement('div');
      const text = document.createElement('p');
      text.textContent = String(e.features?.[0]?.properties?.label ?? '');
      const link = document.createElement('a');
      link.href = askHref(f, f.treaty);
      link.textContent = 'Ask about this event';
      el.append(text, link);
      new maplibregl.Popup({ maxWidth: '320px' }).setLngLat(e.lngLat).setDOMContent(el).addTo(map);
    });
    mapRef.current = map;
    return () => {
      map.remove();
      mapRef.current = null;
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    // The page lays out around the map after it is made: size the canvas to the container first.
    map.resize();
    void (map.getSource('events') as maplibregl.GeoJSONSource).setData(points(findings));
    if (findings.length > 0) {
      const b = new maplibregl.LngLatBounds();
      for (const f of findings) b.extend([f.at[1], f.at[0]]);
      map.fitBounds(b, { padding: 40, maxZoom: 7, duration: 0 });
    }
  }, [ready, findings]);

  return <div ref={container} className="dataset-map" role="img" aria-label={`Map of ${findings.length} findings: red where a reading triggers a provision, amber where it is undetermined`} />;
}
