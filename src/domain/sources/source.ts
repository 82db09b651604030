/**
 * @module source
 * A citation: every fact in data/ carries at least one.
 */
import { z } from 'zod';

/** Schema of a citation `{ title, url, publisher?, date? }`. */
export const sourceSchema = z
  .object({
    title: z.string().min(1),
    url: z.string().url(),
    publisher: z.string().optional(),
    date: z.union([z.string(), z.date()]).optional(),
    accessed: z.union([z.string(), z.date()]).optional(),
    note: z.string().optional(),
  })
  .strict();

/** A citation. */
export type Source = z.infer<typeof sourceSchema>;
