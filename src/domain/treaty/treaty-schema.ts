/**
 * @module treaty-schema
 * The treaty file format (docs/treaty-format.md), as one zod schema. The JSON Schema exported from it
 * is committed as schema/treaty.schema.json.
 */
import { z } from 'zod';
import { isoDateSchema } from '../dates/index.js';
import { isPolityId } from '../polity/index.js';
import { sourceSchema } from '../sources/index.js';
import { procedureSchema } from '../casefile/index.js';

const polity = z.string().refine(isPolityId, {
  message: 'expected a polity id: ISO 3166-1 alpha-3 (ARM), XKX, non-state:<slug> or entity:<slug>',
});
const reading = z.enum(['recognized', 'administered', 'claimed', 'delimited']);

/** A condition: named CEL expression citing the words it formalises. */
export const conditionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a lowercase-hyphenated id'),
    words: z.string().min(1).describe('the verbatim words of the article this condition formalises'),
    expr: z.string().min(1).describe('CEL expression of type bool over the condition context'),
    unknownIf: z.string().min(1).optional().describe('CEL bool: when true the condition is unknown (a judgement the text leaves open)'),
    reasons: z
      .object({ true: z.string(), false: z.string(), unknown: z.string() })
      .strict()
      .describe('one-line reasons; {attacker} {target} {kind} {against} {flag} {reading} {territory} {regions} {date} {fatalities} {requestedBy} are filled in'),
    note: z.string().optional(),
    sources: z.array(sourceSchema).optional().describe('where the reading this condition encodes comes from, beyond the article text (an official interpretation, a statement)'),
  })
  .strict();

const notEncodedSchema = z.object({ words: z.string(), reason: z.string() }).strict();

/** One dated text of an article with its encoding. */
export const versionSchema = z
  .object({
    from: isoDateSchema,
    to: isoDateSchema.optional(),
    label: z.string().optional(),
    text: z.string().min(1),
    language: z.string().default('en'),
    translation: z.enum(['original', 'official', 'unofficial']),
    source: sourceSchema,
    sources: z.array(sourceSchema).optional(),
    conditions: z.array(conditionSchema),
    obligation: z.string().optional(),
    obliges: z.enum(['other-parties', 'all-parties', 'none']),
    prerequisites: z.array(z.string()).default([]),
    notEncoded: z.array(notEncodedSchema).default([]),
    note: z.string().optional(),
  })
  .strict();

/** An article Casus encodes. */
export const provisionSchema = z
  .object({
    id: z.string().regex(/^art-[1-9][0-9]*(-[1-9][0-9]*)?$/, 'expected art-N with arabic numerals (art-4), or art-N-M for a numbered paragraph (art-42-7)'),
    article: z.string(),
    title: z.string(),
    kind: z.enum(['defence', 'consultation', 'scope', 'other']),
    defaultReading: reading,
    versions: z.array(versionSchema).min(1),
    note: z.string().optional(),
  })
  .strict();

const partyPeriodSchema = z
  .object({
    from: isoDateSchema,
    to: isoDateSchema.optional(),
    status: z.enum(['member', 'frozen', 'suspended']),
    suspendedWith: z
      .array(polity)
      .optional()
      .describe('parties towards which this party\'s obligations are suspended, and theirs towards it (ANZUS: New Zealand and the United States from 1986); each stays a party towards the others'),
    source: sourceSchema,
    sources: z.array(sourceSchema).optional(),
    note: z.string().optional(),
  })
  .strict();

/** A treaty file. */
export const treatySchema = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a lowercase-hyphenated id (csto, us-japan)'),
    name: z.string(),
    short: z.string(),
    signed: isoDateSchema,
    inForce: isoDateSchema,
    sources: z.array(sourceSchema).min(1),
    parties: z.array(z.object({ polity, name: z.string().optional(), periods: z.array(partyPeriodSchema).min(1), note: z.string().optional() }).strict()).min(1),
    provisions: z.array(provisionSchema).min(1),
    procedure: procedureSchema.optional().describe('the case-file procedure: which events may follow which (docs/case-files.md)'),
    notes: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .strict();

export type TreatyFile = z.infer<typeof treatySchema>;
export type ProvisionFile = z.infer<typeof provisionSchema>;
export type VersionFile = z.infer<typeof versionSchema>;
export type ConditionFile = z.infer<typeof conditionSchema>;
