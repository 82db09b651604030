/**
 * @module territory-schemas
 * Schemas of the geographic knowledge files: overlays, regions, borders and the base-layer tables.
 * Formats are documented in docs/geography.md.
 */
import { z } from 'zod';
import { isoDateSchema } from '../dates/index.js';
import { isPolityId } from '../polity/index.js';
import { sourceSchema } from '../sources/index.js';
import { geometrySchema } from './geometry-schema.js';

const polity = z.string().refine(isPolityId, {
  message: 'expected a polity id: ISO 3166-1 alpha-3 (ARM), XKX, non-state:<slug> or entity:<slug>',
});
const polities = z.array(polity);
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a lowercase-hyphenated id');

/** One dated period of a status overlay. */
export const overlayPeriodSchema = z
  .object({
    from: isoDateSchema,
    to: isoDateSchema.optional(),
    geometry: geometrySchema.optional(),
    recognized: polities,
    administered: polities,
    claimed: polities,
    /**
     * The delimited reading inside the area: by default the recognized list; `undetermined` where no
     * boundary settled by agreement or award decides the sovereign (Kashmir on either side of the Line of Control).
     */
    delimited: z.union([z.literal('undetermined'), polities]).optional(),
    note: z.string().optional(),
    sources: z.array(sourceSchema).min(1),
  })
  .strict();

/** A status overlay file (data/overlays/<id>.yaml). */
export const overlaySchema = z
  .object({
    id: slug,
    name: z.string(),
    summary: z.string().optional(),
    note: z.string().optional(),
    geometry: geometrySchema.optional(),
    periods: z.array(overlayPeriodSchema).min(1),
    sources: z.array(sourceSchema).optional(),
  })
  .strict();

/** A region file (data/regions/<id>.yaml). */
export const regionSchema = z
  .object({
    id: slug,
    name: z.string(),
    definition: z.string(),
    geometry: geometrySchema,
    sources: z.array(sourceSchema).min(1),
    note: z.string().optional(),
  })
  .strict();

/** A border file (data/borders/<id>.yaml): whether a land border is delimited, over time. */
export const borderSchema = z
  .object({
    id: slug,
    name: z.string().optional(),
    between: z.tuple([polity, polity]),
    bufferKm: z.number().positive(),
    bufferNote: z.string().optional(),
    periods: z
      .array(
        z
          .object({
            from: isoDateSchema,
            to: isoDateSchema.optional(),
            status: z.enum(['delimited', 'undelimited']),
            sources: z.array(sourceSchema).min(1),
            note: z.string().optional(),
          })
          .strict(),
      )
      .min(1),
    sections: z
      .array(
        z
          .object({
            id: slug,
            name: z.string(),
            from: isoDateSchema,
            to: isoDateSchema.optional(),
            area: geometrySchema,
            sources: z.array(sourceSchema).min(1),
            note: z.string().optional(),
          })
          .strict(),
      )
      .optional(),
    note: z.string().optional(),
    sources: z.array(sourceSchema).optional(),
  })
  .strict();

const sovereignPeriod = z
  .object({
    from: isoDateSchema,
    to: isoDateSchema.optional(),
    sovereign: polity.nullable(),
    source: sourceSchema,
    note: z.string().optional(),
  })
  .strict();

/** The base-layer table (data/base/sovereignty.yaml): dependent territories and their sovereigns. */
export const sovereigntySchema = z
  .object({
    note: z.string().optional(),
    dependencies: z.array(
      z
        .object({
          code: z.string().regex(/^[A-Z]{3}$/).optional(),
          naturalEarth: z.string().optional(),
          name: z.string(),
          sovereign: polity.nullable().optional(),
          from: isoDateSchema.optional(),
          source: sourceSchema.optional(),
          periods: z.array(sovereignPeriod).optional(),
          note: z.string().optional(),
        })
        .strict()
        .superRefine((d, ctx) => {
          if (d.code === undefined && d.naturalEarth === undefined)
            ctx.addIssue({ code: 'custom', message: 'expected code or naturalEarth' });
          if (d.periods === undefined && (d.sovereign === undefined || d.source === undefined))
            ctx.addIssue({ code: 'custom', message: 'expected sovereign + source, or periods' });
        }),
    ),
  })
  .strict();

export type OverlayFile = z.infer<typeof overlaySchema>;
export type RegionFile = z.infer<typeof regionSchema>;
export type BorderFile = z.infer<typeof borderSchema>;
export type SovereigntyFile = z.infer<typeof sovereigntySchema>;
