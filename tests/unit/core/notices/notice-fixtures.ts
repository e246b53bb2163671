/**
 * The notice fixtures (tests/fixtures/notices/*.html) with their expected results
 * (expected.json), and how a detector is scored on them. Shared by the unit tests and
 * `tests/bench/notices.ts`, so both report the same precision and recall.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReuseFinding } from '../../../../utils/core/rules/types';

export interface ExpectedRule {
  publisher: string | null;
  host: string | null;
  linkTo: 'article' | 'site';
  placement: 'start' | 'end' | 'any';
  activeLink: boolean;
  source: 'notice' | 'license';
  licenceName?: string;
}

export type LanguageGroup = 'en' | 'ru' | 'az' | 'uk' | 'kk';

export interface NoticeFixture {
  file: string;
  group: LanguageGroup;
  url: string;
  /** A rule, "reprint-forbidden", or null (nothing to find). */
  expected: ExpectedRule | 'reprint-forbidden' | null;
}

// A path, not a URL object: under happy-dom the global URL is not Node's, and fs rejects it.
export const NOTICE_FIXTURE_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../fixtures/notices',
);

export function noticeFixtures(): NoticeFixture[] {
  const manifest = JSON.parse(
    readFileSync(join(NOTICE_FIXTURE_DIR, 'expected.json'), 'utf8'),
  ) as Record<string, Omit<NoticeFixture, 'file'>>;
  return Object.entries(manifest).map(([file, entry]) => ({ file, ...entry }));
}

export function readNoticeFixture(file: string): string {
  return readFileSync(join(NOTICE_FIXTURE_DIR, file), 'utf8');
}

/** The finding in the manifest's terms, to compare field by field. */
export function comparableFinding(finding: ReuseFinding | null): NoticeFixture['expected'] {
  if (finding === null) return null;
  if (finding.kind === 'reprint-forbidden') return 'reprint-forbidden';
  const { rule } = finding;
  const comparable: ExpectedRule = {
    publisher: rule.publisher.name,
    host: rule.publisher.hosts[0] ?? null,
    linkTo: rule.linkTo,
    placement: rule.placement,
    activeLink: rule.activeLink,
    source: rule.source as ExpectedRule['source'],
  };
  if (rule.licence?.name) comparable.licenceName = rule.licence.name;
  return comparable;
}

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

/**
 * Detection of a link rule, scored as a yes/no question per page: a page that expects a rule
 * and gets one is a true positive even if a field differs (the field-by-field test catches
 * that); a reprint ban counts as "no rule". Empty denominators score 1.
 */
export function scoreDetection(
  results: readonly { expected: NoticeFixture['expected']; found: ReuseFinding | null }[],
): Score {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const { expected, found } of results) {
    const wanted = typeof expected === 'object' && expected !== null;
    const got = found?.kind === 'rule';
    if (wanted && got) truePositives++;
    else if (got) falsePositives++;
    else if (wanted) falseNegatives++;
  }
  const precision =
    truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives);
  const recall =
    truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives);
  return { truePositives, falsePositives, falseNegatives, precision, recall };
}
