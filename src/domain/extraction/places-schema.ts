/**
 * @module places-schema
 * The curated gazetteer file (data/gazetteer/places.yaml): names GeoNames lacks or spells one way.
 */
import { z } from 'zod';

const point = z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)]);

const placeSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    names: z.array(z.string().min(1)).min(1),
    kind: z.enum(['city', 'area', 'province', 'border', 'village']),
    country: z.string().regex(/^[A-Z]{3}$/).optional(),
    at: point,
    'stands-for': z.string(),
    errorKm: z.number().positive(),
  })
  .strict();

const overlayNamesSchema = z.object({ id: z.string(), overlay: z.string(), names: z.array(z.string().min(1)).min(1) }).strict();

/** data/gazetteer/places.yaml. */
export const placesFileSchema = z.object({ places: z.array(z.union([placeSchema, overlayNamesSchema])) }).strict();

/** The parsed file. */
export type PlacesFile = z.infer<typeof placesFileSchema>;
