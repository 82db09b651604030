/**
 * @module check-report-text
 * What counts as a report: UTF-8 text, not empty, not binary, not larger than the limit. Each
 * refusal names the field and says what was expected.
 */
import { invalidInput } from '../errors.js';

/** The largest report accepted, in bytes (a long article is 50 KB; a book chapter fits). */
export const MAX_REPORT_BYTES = 1_000_000;

/** Decodes and checks report bytes; throws `invalid-input` naming `field`. */
export function checkReportBytes(bytes: Uint8Array, field: string): string {
  if (bytes.length > MAX_REPORT_BYTES)
    throw invalidInput(field, `a report of at most ${MAX_REPORT_BYTES / 1_000_000} MB of text`, `${(bytes.length / 1_000_000).toFixed(1)} MB`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalidInput(field, 'UTF-8 text (a news report)', 'bytes that are not UTF-8 (a binary file?)');
  }
  return checkReportText(text, field);
}

/** Checks a report already decoded; throws `invalid-input` naming `field`. */
export function checkReportText(text: string, field: string): string {
  if (text.trim() === '') throw invalidInput(field, 'the text of a news report', 'an empty text');
  // Control characters other than tab and line breaks mean a binary file decoded as text.
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32)) controls++;
  }
  if (controls > 0) throw invalidInput(field, 'plain text (a news report)', `${controls} control characters (a binary file?)`);
  if (text.length > MAX_REPORT_BYTES) throw invalidInput(field, `a report of at most ${MAX_REPORT_BYTES} characters`, `${text.length} characters`);
  return text;
}
