/**
 * Every scored field of every generic news fixture (tests/fixtures/metadata), extracted the
 * way the extension does it: with the publisher rule for the URL (none of these hosts has one).
 */
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../../utils/core/metadata/extract';
import { findPublisherRule } from '../../../../utils/core/publishers/index';
import { parseHtml } from '../../fixtures';
import {
  metadataFixtures,
  readMetadataFixture,
  SCORED_FIELDS,
  type MetadataFixture,
} from './metadata-fixtures';

const fixtures = metadataFixtures();

function extractFixture(fixture: MetadataFixture) {
  return extractMetadata(
    parseHtml(readMetadataFixture(fixture.file)),
    fixture.url,
    findPublisherRule(fixture.url),
  );
}

describe('extractMetadata on generic news pages', () => {
  it('has at least 20 pages in at least five languages', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
    expect(new Set(fixtures.map((f) => f.expected.language)).size).toBeGreaterThanOrEqual(5);
  });

  describe.each(fixtures)('$file', (fixture) => {
    const found = extractFixture(fixture);
    it.each(SCORED_FIELDS)('%s', (field) => {
      expect(found[field], fixture.patterns.join('; ')).toEqual(fixture.expected[field]);
    });
  });
});
