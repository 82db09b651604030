/**
 * @module date-schema
 * Zod schema for `YYYY-MM-DD` dates. YAML turns unquoted dates into Date objects; both are accepted
 * and normalised to the string form.
 */
import { z } from 'zod';
import { isIsoDate } from './iso-date.js';

/** A calendar date, written `YYYY-MM-DD` (quoted or not in YAML). */
export const isoDateSchema = z
  .union([z.string(), z.date()])
  .transform((v, ctx) => {
    const s = v instanceof Date ? v.toISOString().slice(0, 10) : v;
    if (!isIsoDate(s)) {
      ctx.addIssue({ code: 'custom', message: `expected a date YYYY-MM-DD; got ${JSON.stringify(s)}` });
      return z.NEVER;
    }
    return s;
  });
