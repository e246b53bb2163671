// Reuse-notice detection (issue 11): precision and recall over the notice fixtures, and the
// time detectReuseNotice takes on a 2 MB page at copy time. Runs in Node on happy-dom's DOM,
// which is slower than a browser's: the figure is an upper bound. Launches nothing.
import { performance } from 'node:perf_hooks';
import { detectReuseNotice } from '../../utils/core/notices/detect';
import { parseHtml } from '../unit/fixtures';
import {
  noticeFixtures,
  readNoticeFixture,
  scoreDetection,
} from '../unit/core/notices/notice-fixtures';
import { escapeHtml, median, nodeGc, note, print, prose, quantile, type Figure } from './shared';

const TWO_MB = 2 * 1024 * 1024;
const RUNS = 200;
const WARM_UP = 5;

/**
 * A news page of about 2 MB: long article, a sidebar and a comment thread of links and
 * paragraphs, then a footer with columns and a Russian notice in its bottom bar.
 */
export function twoMegabytePage(): string {
  const parts: string[] = [
    '<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Bench</title></head><body>',
    '<header class="site-header"><nav><ul>',
  ];
  for (let i = 0; i < 40; i++) parts.push(`<li><a href="/section/${i}">Section ${i}</a></li>`);
  parts.push('</ul></nav></header><main class="content"><article class="post"><h1>Bench</h1>');
  let size = parts.join('').length;
  let seed = 1;
  while (size < TWO_MB * 0.6) {
    const paragraph = `<p>${escapeHtml(prose(seed++, 120))}</p>`;
    parts.push(paragraph);
    size += paragraph.length;
  }
  parts.push('</article><section class="comments">');
  while (size < TWO_MB * 0.9) {
    const comment = `<div class="comment"><a href="/u/${seed}">user${seed}</a><p>${escapeHtml(prose(seed++, 40))}</p></div>`;
    parts.push(comment);
    size += comment.length;
  }
  parts.push('</section><aside class="sidebar"><ul>');
  while (size < TWO_MB - 2_000) {
    const item = `<li><a href="/news/${seed}">${escapeHtml(prose(seed++, 8))}</a></li>`;
    parts.push(item);
    size += item.length;
  }
  parts.push(
    '</ul></aside></main><footer class="site-footer"><div class="cols"><ul><li><a href="/about">О нас</a></li><li><a href="/ads">Реклама</a></li></ul></div>',
    '<div class="footer-bottom"><p>© 2025 «Бенч Ньюс». Все права защищены.</p>',
    '<p>При использовании материалов гиперссылка на bench-news.example обязательна.</p></div></footer>',
    '</body></html>',
  );
  return parts.join('');
}

function fixtureScores(): Figure[] {
  const results = noticeFixtures().map((fixture) => ({
    expected: fixture.expected,
    found: detectReuseNotice(parseHtml(readNoticeFixture(fixture.file)), { url: fixture.url }),
  }));
  const score = scoreDetection(results);
  note(
    `notices: ${results.length} fixtures, ${score.truePositives} found, ${score.falsePositives} false alarms, ${score.falseNegatives} missed`,
  );
  return [
    print('notices.precision', score.precision, 'ratio', 0.97, 'higher'),
    print('notices.recall', score.recall, 'ratio', 0.95, 'higher'),
  ];
}

function twoMegabyteDetection(): Figure {
  const html = twoMegabytePage();
  const doc = parseHtml(html);
  const times: number[] = [];
  // The parse's garbage is collected before, not during, the runs. (Not between runs: a forced
  // full gc also flushes compiled code, and every run would then time a cold start.)
  nodeGc();
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    // happy-dom caches query results until the DOM changes: a change makes each run query
    // afresh, as on a live page.
    doc.body.appendChild(doc.createElement('i')).remove();
    const start = performance.now();
    const finding = detectReuseNotice(doc, { url: 'https://bench-news.example/post/1' });
    const elapsed = performance.now() - start;
    if (finding?.kind !== 'rule') throw new Error('the 2 MB page lost its footer notice');
    if (i >= WARM_UP) times.push(elapsed);
  }
  note(
    `notices: 2 MB page is ${(html.length / 1024 / 1024).toFixed(2)} MB (characters), ${RUNS} runs on happy-dom, median ${median(times).toFixed(2)} ms`,
  );
  return print('notices.detect-2mb.p95', quantile(times, 0.95), 'ms', 5);
}

/** Figures for `npm run bench`: notices.precision, notices.recall, notices.detect-2mb.p95. */
export async function noticeFigures(): Promise<Figure[]> {
  return [...fixtureScores(), twoMegabyteDetection()];
}

// `tsx tests/bench/notices.ts` on its own prints the three figures.
if (import.meta.url === `file://${process.argv[1]}`) await noticeFigures();
