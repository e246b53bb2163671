/**
 * The generic news-page fixtures (tests/fixtures/metadata/*.html) with the fields each
 * must yield (expected.json), and how an extractor is scored on them. Shared by the
 * fixture test and `tests/bench/metadata.ts`, so both count the same way.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleMetadata } from '../../../../utils/core/metadata/types';

/** The fields a fixture states; the rest of ArticleMetadata is not scored on these pages. */
export const SCORED_FIELDS = [
  'title',
  'authors',
  'publishedAt',
  'siteName',
  'canonicalUrl',
  'language',
] as const;

export type ScoredField = (typeof SCORED_FIELDS)[number];

export type ExpectedFields = Pick<ArticleMetadata, ScoredField>;

export interface MetadataFixture {
  file: string;
  /** The address the page is served at (the extractor's pageUrl). */
  url: string;
  /** What the page exercises, for a reader of a failing test. */
  patterns: string[];
  expected: ExpectedFields;
}

// A path, not a URL object: under happy-dom the global URL is not Node's, and fs rejects it.
export const METADATA_FIXTURE_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../fixtures/metadata',
);

export function metadataFixtures(): MetadataFixture[] {
  const manifest = JSON.parse(
    readFileSync(join(METADATA_FIXTURE_DIR, 'expected.json'), 'utf8'),
  ) as Record<string, ExpectedFields & { url: string; patterns: string[] }>;
  return Object.entries(manifest).map(([file, { url, patterns, ...expected }]) => ({
    file,
    url,
    patterns,
    expected,
  }));
}

export function readMetadataFixture(file: string): string {
  return readFileSync(join(METADATA_FIXTURE_DIR, file), 'utf8');
}

/** Whether one field came out as expected: authors as the same list in the same order. */
export function isFieldCorrect(
  field: ScoredField,
  found: ExpectedFields,
  expected: ExpectedFields,
): boolean {
  if (field === 'authors')
    return JSON.stringify(found.authors) === JSON.stringify(expected.authors);
  return found[field] === expected[field];
}

export type FieldScores = Record<ScoredField, { correct: number; total: number }>;

/** Per field: on how many pages it was right, out of how many pages. */
export function scoreFields(
  results: readonly { found: ExpectedFields; expected: ExpectedFields }[],
): FieldScores {
  const scores = Object.fromEntries(
    SCORED_FIELDS.map((field) => [field, { correct: 0, total: 0 }]),
  ) as FieldScores;
  for (const { found, expected } of results) {
    for (const field of SCORED_FIELDS) {
      scores[field].total++;
      if (isFieldCorrect(field, found, expected)) scores[field].correct++;
    }
  }
  return scores;
}
