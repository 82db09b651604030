import { describe, expect, it } from 'vitest';
import { orderByEvent, readDates } from './read-dates.js';

const ordered = (s: string, reference: string) => orderByEvent(s, readDates(s, reference)).map((d) => [d.text, d.date.value, d.reported ?? false]);

describe('readDates', () => {
  it('reads a weekday alone as the latest such day not after the report, even when the next one is nearer', () => {
    // 2023-09-06 is a Wednesday: "on Friday" is 1 September, not 8 September (nor a year before).
    expect(readDates('Drones struck on Friday.', '2023-09-06').map((d) => d.date.value)).toEqual(['2023-09-01']);
    expect(readDates('Drones struck on Monday night.', '2023-09-06').map((d) => d.date.value)).toEqual(['2023-09-04']);
  });
});

describe('orderByEvent', () => {
  it('puts the date of a reporting verb after the event\'s own date, and marks it', () => {
    expect(ordered('The ministry said on Wednesday that a drone violated its airspace on Monday night.', '2023-09-06')).toEqual([
      ['on Monday night', '2023-09-04', false],
      ['on Wednesday', '2023-09-06', true],
    ]);
    expect(ordered('The coast guard said on Monday that two vessels entered its waters two days ago.', '2024-02-12')).toEqual([
      ['two days ago', '2024-02-10', false],
      ['on Monday', '2024-02-12', true],
    ]);
    expect(ordered('The army told reporters late on Friday that the shelling went on.', '2024-02-12').map((d) => d[2])).toEqual([true]);
  });

  it('leaves alone a date no reporting verb governs', () => {
    expect(ordered('Russian missiles hit Odesa on Thursday, the governor said.', '2022-10-07')).toEqual([['on Thursday', '2022-10-06', false]]);
  });
});

describe('dates inside names', () => {
  it('reads no date in a name that runs on into date words ("the boat Unaizah May 4"), but reads "On May 4" and "Monday, May 4"', () => {
    expect(readDates('Ships blocked the boat Unaizah May 4 near the shoal on Saturday.', '2024-03-25').map((d) => d.text)).toEqual(['on Saturday']);
    expect(readDates('On May 4 drones struck the port.', '2024-06-01').map((d) => d.date.value)).toEqual(['2024-05-04']);
    expect(readDates('Drones struck the port on Monday, May 4.', '2026-06-01').map((d) => d.date.value)).toContain('2026-05-04');
  });
});
