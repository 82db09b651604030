/**
 * @module geometry-schema
 * Geometry as written in data/: inline GeoJSON (lon, lat) or a reference to a Natural Earth feature,
 * always saying whether it is approximate and by how much.
 */
import { z } from 'zod';

const position = z
  .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])
  .describe('[lon, lat] in decimal degrees');
const ring = z.array(position).min(4).describe('a closed ring: first vertex repeated last');

/** Polygon, MultiPolygon, or `{ naturalEarth: name }`, with `approximate` / `errorKm` / `method`. */
export const geometrySchema = z
  .object({
    type: z.enum(['Polygon', 'MultiPolygon']).optional(),
    coordinates: z.union([z.array(ring), z.array(z.array(ring))]).optional(),
    naturalEarth: z.string().optional(),
    approximate: z.boolean(),
    errorKm: z.number().nonnegative().optional(),
    method: z.string().optional(),
    landOnly: z
      .boolean()
      .optional()
      .describe('overlays: apply only where the base layer has territory, land or territorial sea (default true); false for islands drawn by the curator'),
    watersNm: z
      .number()
      .positive()
      .max(24)
      .optional()
      .describe('overlays: also cover the sea within this many nautical miles of the geometry (an island\'s territorial sea: 12)'),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((g, ctx) => {
    if (g.naturalEarth === undefined && (g.type === undefined || g.coordinates === undefined))
      ctx.addIssue({ code: 'custom', message: 'expected either naturalEarth or type + coordinates' });
    if (g.approximate && g.errorKm === undefined)
      ctx.addIssue({ code: 'custom', path: ['errorKm'], message: 'approximate geometry must state errorKm' });
    if (g.coordinates !== undefined && g.type !== undefined) {
      // A Polygon is a list of rings (positions nest three deep), a MultiPolygon a list of them (four deep).
      const depth = (x: unknown): number => (Array.isArray(x) ? 1 + depth(x[0]) : 0);
      const expected = g.type === 'Polygon' ? 3 : 4;
      if (depth(g.coordinates) !== expected) {
        ctx.addIssue({
          code: 'custom',
          path: ['coordinates'],
          message: `a ${g.type} nests its positions ${expected} arrays deep (${g.type === 'Polygon' ? '[[[lon, lat], ...]]' : '[[[[lon, lat], ...]]]'}); got ${depth(g.coordinates)}`,
        });
        return;
      }
    }
    if (g.coordinates !== undefined) {
      const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][];
      polygons.forEach((poly, i) =>
        poly.forEach((r, j) => {
          const a = r[0];
          const b = r[r.length - 1];
          if (!Array.isArray(a) || !Array.isArray(b) || a[0] !== b[0] || a[1] !== b[1])
            ctx.addIssue({
              code: 'custom',
              path: ['coordinates', ...(g.type === 'Polygon' ? [j] : [i, j])],
              message: 'ring is not closed: its last vertex must repeat its first',
            });
        }),
      );
    }
  });

/** Geometry as written in a data file. */
export type GeometrySpec = z.infer<typeof geometrySchema>;

/** The rings of a geometry spec as GeoJSON positions (empty for a Natural Earth reference). */
export function specRings(g: GeometrySpec): number[][][] {
  if (!g.coordinates) return [];
  return (g.type === 'Polygon' ? (g.coordinates as number[][][]) : (g.coordinates as number[][][][]).flat());
}
