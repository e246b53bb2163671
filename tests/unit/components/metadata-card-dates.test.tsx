import { describe, expect, it } from 'vitest';
import { formatPublished, publishedZoneLabel } from '../../../components/MetadataCard';
import { formatUtcOffset, isoDateOffset } from '../../../utils/core/dates/iso-date';
import { caliberRule } from '../../../utils/core/publishers/caliber';

/** How the card writes a wall-clock time: the reader's locale, no zone conversion. */
const wallClock = (utc: string) =>
  new Intl.DateTimeFormat(undefined, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(new Date(utc));

describe('formatPublished', () => {
  it('shows the page’s own text when there is one', () => {
    expect(formatPublished('4 March, 10:00', '2025-03-04T10:00:00+03:00')).toBe('4 March, 10:00');
  });

  it.each([
    ['2025-03-04T10:00:00+03:00', '2025-03-04T10:00:00Z'],
    ['2025-03-04T10:00:00-05:00', '2025-03-04T10:00:00Z'],
    ['2025-03-04T23:30:00+05:30', '2025-03-04T23:30:00Z'],
    ['2025-03-04T10:00:00+00:00', '2025-03-04T10:00:00Z'],
    // No offset: the site's wall-clock time, as written.
    ['2025-03-04T10:00:00', '2025-03-04T10:00:00Z'],
  ])('%s is shown at the time the page wrote', (iso, sameWallClock) => {
    expect(formatPublished(null, iso)).toBe(wallClock(sameWallClock));
  });

  it('shows a date alone as that date, in any reader’s zone', () => {
    expect(formatPublished(null, '2025-03-04')).toBe(
      new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date('2025-03-04T00:00:00Z'),
      ),
    );
  });

  it('converts to the zone the publisher’s rule names (Caliber: Asia/Baku, UTC+4)', () => {
    expect(formatPublished(null, '2025-12-02T05:19:00+00:00', caliberRule.timeZone?.id)).toBe(
      wallClock('2025-12-02T09:19:00Z'),
    );
  });

  it('shows nothing for garbage', () => {
    expect(formatPublished(null, null)).toBeNull();
    expect(formatPublished(null, 'not a date')).toBeNull();
  });
});

describe('publishedZoneLabel', () => {
  it('names the publisher rule’s zone in the interface language', () => {
    expect(publishedZoneLabel('2025-12-02T09:19:00+04:00', caliberRule.timeZone, 'ru')).toBe(
      'время Баку, UTC+04:00',
    );
    expect(publishedZoneLabel(null, caliberRule.timeZone, 'kk')).toBe('Baku time, UTC+04:00');
  });

  it('names the offset the page gave, or nothing without one', () => {
    expect(publishedZoneLabel('2025-03-04T10:00:00+03:00', undefined, 'en')).toBe(
      'site time, UTC+3',
    );
    expect(publishedZoneLabel('2025-03-04T10:00:00', undefined, 'en')).toBeNull();
    expect(publishedZoneLabel('2025-03-04', undefined, 'en')).toBeNull();
    expect(publishedZoneLabel(null, undefined, 'en')).toBeNull();
  });
});

describe('offsets', () => {
  it.each([
    ['2025-03-04T10:00:00+03:00', '+03:00', 'UTC+3'],
    ['2025-03-04T10:00:00-04:00', '-04:00', 'UTC-4'],
    ['2025-03-04T10:00:00+05:30', '+05:30', 'UTC+5:30'],
    ['2025-03-04T10:00:00+00:00', '+00:00', 'UTC'],
  ])('%s → %s → %s', (iso, offset, label) => {
    expect(isoDateOffset(iso)).toBe(offset);
    expect(formatUtcOffset(offset)).toBe(label);
  });

  it('has none for a date without a time or an offset', () => {
    expect(isoDateOffset('2025-03-04')).toBeNull();
    expect(isoDateOffset('2025-03-04T10:00:00')).toBeNull();
    expect(formatUtcOffset('3 hours')).toBeNull();
  });
});
