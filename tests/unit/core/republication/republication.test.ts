import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fingerprintText,
  guaranteedMatchWords,
} from '../../../../utils/core/fingerprint/fingerprint';
import {
  ArticleIndex,
  type IndexedArticle,
} from '../../../../utils/core/republication/article-index';
import {
  createPageTextCollector,
  rangeOfText,
  type PageText,
} from '../../../../utils/page/republication/page-text';
import {
  articleSpansOf,
  badgeOf,
  buildPageReport,
  sharedHashes,
  linkStatusOf,
  parsePageLinks,
} from '../../../../utils/core/republication/report';

/** Reads the whole page in one step, as if every idle slice were long enough. */
function collectPageText(root: Element): PageText {
  const collector = createPageTextCollector(root);
  collector.step(() => false);
  return collector.result();
}

const ARTICLE_URL = 'https://caliber.az/en/post/story';
const BODY = [
  'As the Trump administration accelerates efforts to broker a peace agreement to end the war in Ukraine, President Donald Trump is sending two of his highest-profile envoys to Moscow.',
  'Special Envoy Steve Witkoff, a former Trump business associate, and Jared Kushner, the president’s son-in-law, are scheduled to meet Russian President Vladimir Putin on December 2.',
  'Administration officials point to recent successes, including Witkoff and Kushner’s role in brokering a ceasefire between Israel and Hamas.',
  'Initially appointed as special envoy for the Middle East and tasked with advancing a resolution to the Gaza conflict, Witkoff soon took on an expanded portfolio.',
].join('\n\n');

const ARTICLE: Omit<IndexedArticle, 'fingerprintCount'> = {
  url: ARTICLE_URL,
  title: 'CNN: Trump sends team to Moscow',
  siteName: 'Caliber.az',
  publisherId: 'caliber',
  publishedAt: '2025-12-02T09:19:00+04:00',
  language: 'en',
  hosts: ['caliber.az', 'www.caliber.az'],
  requiredLink: 'site',
  placement: 'end',
  lastSeenAt: 1,
};

function indexWith(...bodies: [Omit<IndexedArticle, 'fingerprintCount'>, string][]) {
  const index = new ArticleIndex();
  for (const [article, body] of bodies) index.add(article, fingerprintText(body).hashes);
  return index;
}

function reportFor(
  index: ArticleIndex,
  pageText: string,
  links: string[] = [],
  url = 'https://blog.example/post',
) {
  const page = fingerprintText(pageText);
  return buildPageReport(url, pageText, page, index.match(page.hashes), links, 0);
}

const UNRELATED = [
  'The city council met on December 2 to discuss the new tram line; President of the council said the vote will follow in spring.',
  'Football: the national team won two to one in Baku, with a late goal from the captain after a long and difficult match in the rain.',
  'Weather: cold and windy across the region, with snow expected in the mountains and rain along the coast through the weekend.',
].join('\n');

describe('the republication report', () => {
  const index = indexWith([ARTICLE, BODY]);
  const quoted = BODY.split('\n\n').slice(1, 3).join('\n\n');
  const page = `My blog post intro about diplomacy.\n\n${quoted}\n\nMy own closing thoughts follow here.`;

  it('finds two quoted paragraphs, with their passages and coverage', () => {
    const report = reportFor(index, page);
    expect(report.articles).toHaveLength(1);
    const [reused] = report.articles;
    expect(reused!.url).toBe(ARTICLE_URL);
    expect(reused!.coverage).toBeGreaterThan(0.3);
    expect(reused!.coverage).toBeLessThan(0.8);
    // Passages are found to within a winnowing window (8 words) of their true ends.
    const quotedAt = page.indexOf(quoted);
    const first = reused!.passages[0]!;
    expect(first.start).toBeGreaterThanOrEqual(quotedAt);
    expect(page.slice(quotedAt, first.start).split(/\s+/).length).toBeLessThanOrEqual(8);
    const last = reused!.passages[reused!.passages.length - 1]!;
    expect(last.end).toBeLessThanOrEqual(quotedAt + quoted.length);
    expect(page.slice(last.end, quotedAt + quoted.length).split(/\s+/).length).toBeLessThanOrEqual(
      8,
    );
    expect(first.quote).toBe(
      page
        .slice(first.start, first.start + 160)
        .replace(/\s+/g, ' ')
        .trim(),
    );
  });

  it('says whether the page links to the article, the site, or neither, and what the rule accepts', () => {
    const toArticle = reportFor(index, page, ['http://www.caliber.az/en/post/story/']);
    expect(toArticle.articles[0]).toMatchObject({ linkStatus: 'article', compliant: true });
    expect(badgeOf(toArticle)).toBe('✓');
    const toSite = reportFor(index, page, ['https://caliber.az/']);
    expect(toSite.articles[0]).toMatchObject({ linkStatus: 'site', compliant: true });
    const none = reportFor(index, page, ['https://other.example/']);
    expect(none.articles[0]).toMatchObject({ linkStatus: 'none', compliant: false });
    expect(badgeOf(none)).toBe('!');
    const strict = indexWith([{ ...ARTICLE, requiredLink: 'article' }, BODY]);
    expect(reportFor(strict, page, ['https://caliber.az/']).articles[0]!.compliant).toBe(false);
    expect(
      linkStatusOf(parsePageLinks(['not a url', 'javascript:x']), {
        ...ARTICLE,
        fingerprintCount: 1,
      }),
    ).toBe('none');
  });

  it('survives light editing: a word changed per sentence, other quotes and case, reordered paragraphs', () => {
    const [first, second, third] = BODY.split('\n\n');
    const edited = [third, second, first]
      .map((p) =>
        p!.replace('envoys', 'emissaries').replace('scheduled', 'due').replace('recent', 'latest'),
      )
      .join('\n\n')
      .replace(/’/g, "'")
      .toUpperCase();
    expect(reportFor(index, edited).articles.map((a) => a.url)).toEqual([ARTICLE_URL]);
  });

  it('does not flag pages that share only common phrases, dates or names', () => {
    expect(reportFor(index, UNRELATED).articles).toEqual([]);
    expect(badgeOf(reportFor(index, UNRELATED))).toBe('');
    const names =
      'Putin, Trump, Witkoff and Kushner were named. December 2. Russian President Vladimir Putin spoke.';
    expect(reportFor(index, names).articles).toEqual([]);
  });

  it('ignores the publisher’s own pages', () => {
    expect(reportFor(index, page, [], 'https://caliber.az/en/post/other').articles).toEqual([]);
  });

  it('always finds a passage of the guaranteed length, whatever surrounds it (property)', () => {
    const bodyWords = BODY.split(/\s+/);
    const length = guaranteedMatchWords() + 2;
    const filler = fc.array(
      fc.constantFrom(
        'alpha',
        'beta',
        'gamma',
        'delta',
        'river',
        'stone',
        'cloud',
        'green',
        'seven',
      ),
      {
        maxLength: 60,
      },
    );
    fc.assert(
      fc.property(fc.nat(bodyWords.length - length), filler, filler, (at, before, after) => {
        const passage = bodyWords.slice(at, at + length).join(' ');
        const text = [...before, passage, ...after].join(' ');
        const page = fingerprintText(text);
        return index.match(page.hashes).some((hit) => hit.article.url === ARTICLE_URL);
      }),
      { numRuns: 200 },
    );
  });
});

describe('where in the article the reused text sits', () => {
  const article = fingerprintText(BODY);
  const spansOf = (pageText: string) => {
    const page = fingerprintText(pageText);
    const hit = indexWith([ARTICLE, BODY]).match(page.hashes)[0];
    return hit ? articleSpansOf(article.hashes, sharedHashes(page, hit)) : [];
  };
  const paragraphs = BODY.split('\n\n');
  /** Where paragraph `i` starts and ends in the article, as fractions of its words. */
  const bounds = (i: number) => {
    const count = (text: string) => text.split(/\s+/).filter(Boolean).length;
    const total = count(BODY);
    const before = count(paragraphs.slice(0, i).join(' '));
    return [before / total, (before + count(paragraphs[i]!)) / total] as const;
  };

  it('finds a quoted paragraph where it stands in the article, to within a window', () => {
    for (const i of [0, 2, 3]) {
      const [start, end] = bounds(i);
      const spans = spansOf(`My own words first. ${paragraphs[i]} And my own words after.`);
      expect(spans).toHaveLength(1);
      expect(spans[0]!.start).toBeGreaterThanOrEqual(start - 0.02);
      expect(spans[0]!.start).toBeLessThan(start + 0.1);
      expect(spans[0]!.end).toBeLessThanOrEqual(end + 0.02);
      expect(spans[0]!.end).toBeGreaterThan(end - 0.15);
    }
  });

  it('gives two stretches for two paragraphs apart, in the article’s order whatever the page’s', () => {
    const spans = spansOf(`${paragraphs[3]}\n\nBetween them, my words.\n\n${paragraphs[0]}`);
    expect(spans).toHaveLength(2);
    expect(spans[0]!.end).toBeLessThan(spans[1]!.start);
    expect(spans[0]!.start).toBe(0);
    expect(spans[1]!.end).toBe(1);
  });

  it('gives nothing for nothing shared, and ordered, disjoint stretches within 0–1 for any share (property)', () => {
    expect(articleSpansOf(article.hashes, new Set())).toEqual([]);
    expect(articleSpansOf([], new Set([1]))).toEqual([]);
    fc.assert(
      fc.property(fc.subarray([...article.hashes]), (picked) => {
        const spans = articleSpansOf(article.hashes, new Set(picked));
        let last = 0;
        for (const span of spans) {
          if (!(span.start >= last && span.end > span.start && span.end <= 1)) return false;
          last = span.end;
        }
        return picked.length > 0 === spans.length > 0;
      }),
    );
  });
});

describe('the article index', () => {
  it('refreshes an article in place and evicts the least recently seen', () => {
    const index = new ArticleIndex();
    const bodies = Array.from({ length: 5 }, (_, i) =>
      Array.from({ length: 80 }, (_, w) => `a${i}w${w}`).join(' '),
    );
    bodies.forEach((body, i) =>
      index.add(
        { ...ARTICLE, url: `https://caliber.az/post/${i}`, lastSeenAt: i },
        fingerprintText(body).hashes,
        3,
      ),
    );
    expect(index.list().map((a) => a.url)).toEqual([
      'https://caliber.az/post/2',
      'https://caliber.az/post/3',
      'https://caliber.az/post/4',
    ]);
    expect(index.match(fingerprintText(bodies[0]!).hashes)).toEqual([]);
    expect(index.match(fingerprintText(bodies[4]!).hashes)[0]!.article.url).toBe(
      'https://caliber.az/post/4',
    );
    index.add(
      { ...ARTICLE, url: 'https://caliber.az/post/3', lastSeenAt: 9 },
      fingerprintText(bodies[3]!).hashes,
      3,
    );
    expect(index.size).toBe(3);
  });

  it('rebuilds from stored entries exactly as it was built', () => {
    const built = indexWith(
      [ARTICLE, BODY],
      [{ ...ARTICLE, url: 'https://caliber.az/post/x' }, UNRELATED],
    );
    const entries = built.list().map((article) => ({
      article,
      fingerprints: fingerprintText(article.url === ARTICLE_URL ? BODY : UNRELATED).hashes,
    }));
    const rebuilt = ArticleIndex.fromEntries(entries);
    expect(Array.from(rebuilt.snapshot().pairs)).toEqual(Array.from(built.snapshot().pairs));
  });
});

describe('page text', () => {
  it('reads visible main text and skips chrome, scripts, hidden nodes and editable areas', () => {
    document.body.innerHTML = `
      <header>Site header</header><nav>Menu</nav>
      <main><h1>Title</h1><p>First <b>bold</b> paragraph.</p><p>Second.</p>
      <div hidden>secret hidden</div><script>var x = 1;</script>
      <textarea>draft in textarea</textarea><div contenteditable="true">unsaved editor text</div>
      <input type="password" value="hunter2"></main><footer>Footer</footer>`;
    const page = collectPageText(document.body);
    const words = page.text.replace(/\s+/g, ' ').trim();
    expect(words).toBe('Title First bold paragraph. Second.');
    const start = page.text.indexOf('bold');
    const range = rangeOfText(page, start, start + 4)!;
    expect(range.toString()).toBe('bold');
  });

  it('walks any tree in document order, in small steps, leaving out skipped subtrees whole', () => {
    type Tree = { tag: string; hidden: boolean; children: (Tree | string)[] } | string;
    const tree: fc.Memo<Tree> = fc.memo((depth): fc.Arbitrary<Tree> =>
      depth <= 1
        ? fc.constantFrom('word', ' ', '', 'two words')
        : fc.oneof(
            fc.constantFrom('word', ' ', '<!---->'),
            fc.record({
              tag: fc.constantFrom('p', 'div', 'span', 'b', 'nav', 'script', 'aside', 'li'),
              hidden: fc.boolean(),
              children: fc.array(tree(depth - 1), { maxLength: 4 }),
            }),
          ),
    );
    const SKIPPED = new Set(['nav', 'script', 'aside']);
    const BLOCKS = new Set(['p', 'div', 'li']);
    const build = (node: Tree, parent: Node): void => {
      if (typeof node === 'string') {
        parent.appendChild(
          node === '<!---->' ? document.createComment('') : document.createTextNode(node),
        );
        return;
      }
      const element = document.createElement(node.tag);
      if (node.hidden) element.setAttribute('hidden', '');
      node.children.forEach((child) => build(child, element));
      parent.appendChild(element);
    };
    // The same rules, recursively: what the walk must produce.
    const expected = (node: Tree): string => {
      if (typeof node === 'string')
        return node === '<!---->' ? '' : node.trim() ? node : node && ' ';
      if (SKIPPED.has(node.tag) || node.hidden) return '';
      return (BLOCKS.has(node.tag) ? '\n' : '') + node.children.map(expected).join('');
    };
    fc.assert(
      fc.property(fc.array(tree(5), { maxLength: 6 }), (forest) => {
        document.body.replaceChildren();
        forest.forEach((node) => build(node, document.body));
        const collector = createPageTextCollector(document.body);
        let steps = 0;
        while (!collector.step(() => true)) steps++; // stop at every clock check
        expect(steps).toBeLessThan(1000);
        expect(collector.result().text).toBe(forest.map(expected).join(''));
      }),
      { numRuns: 300 },
    );
  });
});

describe('one story under two addresses', () => {
  it('is reported once, with the best link status', () => {
    const index = indexWith(
      [ARTICLE, BODY],
      [{ ...ARTICLE, url: 'http://caliber.az/en/post/story-old' }, BODY],
    );
    const quoted = BODY.split('\n\n').slice(1, 3).join('\n\n');
    const report = reportFor(index, `Intro.\n\n${quoted}`, ['https://caliber.az/en/post/story']);
    expect(report.articles.map((a) => [a.url, a.linkStatus])).toEqual([[ARTICLE_URL, 'article']]);
  });
});
