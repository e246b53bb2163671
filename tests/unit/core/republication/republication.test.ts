import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fingerprintText,
  guaranteedMatchWords,
} from '../../../../utils/core/fingerprint/fingerprint';
import {
  ArticleIndex,
  ARTICLE_FINGERPRINT_OPTIONS,
  ARTICLE_GUARANTEED_MATCH_WORDS,
  fingerprintArticle,
  type IndexedArticle,
} from '../../../../utils/core/republication/article-index';
import {
  completeArticle,
  storedArticleOf,
} from '../../../../utils/core/republication/stored-article';
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

/** Articles indexed as the background indexes them, with their titles (the database's part). */
function indexWith(...bodies: [Omit<IndexedArticle, 'fingerprintCount'>, string][]) {
  const index = new ArticleIndex();
  for (const [article, body] of bodies) index.add(article, fingerprintArticle(body));
  const titles = new Map(bodies.map(([article]) => [article.url, article]));
  return Object.assign(index, { titles });
}

function reportFor(
  index: ReturnType<typeof indexWith>,
  pageText: string,
  links: string[] = [],
  url = 'https://blog.example/post',
) {
  const page = fingerprintText(pageText);
  const hits = index.match(page.hashes).map((hit) => {
    const card = index.titles.get(hit.article.url);
    const stored = card && storedArticleOf(card, 0, new Uint32Array(0));
    return { ...hit, article: completeArticle(hit.article, stored) };
  });
  return buildPageReport(url, pageText, page, hits, links, 0);
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
    // Passages are found to within an article's winnowing window (16 words) of their true
    // ends: the page's fingerprints that match are the article's, one in 16 shingles or more.
    const window = ARTICLE_FINGERPRINT_OPTIONS.w;
    const quotedAt = page.indexOf(quoted);
    const first = reused!.passages[0]!;
    expect(first.start).toBeGreaterThanOrEqual(quotedAt);
    expect(page.slice(quotedAt, first.start).split(/\s+/).length).toBeLessThanOrEqual(window);
    const last = reused!.passages[reused!.passages.length - 1]!;
    expect(last.end).toBeLessThanOrEqual(quotedAt + quoted.length);
    expect(page.slice(last.end, quotedAt + quoted.length).split(/\s+/).length).toBeLessThanOrEqual(
      window,
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
    expect(linkStatusOf(parsePageLinks(['not a url', 'javascript:x']), ARTICLE)).toBe('none');
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
    // Articles are winnowed more sparsely than pages: the guarantee is the articles'.
    expect(ARTICLE_GUARANTEED_MATCH_WORDS).toBeGreaterThan(guaranteedMatchWords());
    const length = ARTICLE_GUARANTEED_MATCH_WORDS + 2;
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
  const article = { hashes: fingerprintArticle(BODY) };
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

  it('finds a quoted paragraph where it stands in the article, to within a fingerprint', () => {
    // A stretch's ends are fingerprint ranks standing for places: one rank is an eighth of
    // this 100-word article (8 fingerprints, not evenly spread), a hundredth of an article
    // of 800 words. Within two ranks.
    const rank = 1 / article.hashes.length;
    for (const i of [0, 2, 3]) {
      const [start, end] = bounds(i);
      const spans = spansOf(`My own words first. ${paragraphs[i]} And my own words after.`);
      expect(spans).toHaveLength(1);
      expect(spans[0]!.start).toBeGreaterThanOrEqual(start - 0.02);
      expect(spans[0]!.start).toBeLessThan(start + 2 * rank);
      expect(spans[0]!.end).toBeLessThanOrEqual(end + 2 * rank);
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
      fingerprints: fingerprintArticle(article.url === ARTICLE_URL ? BODY : UNRELATED),
    }));
    const rebuilt = ArticleIndex.fromEntries(entries);
    expect(Array.from(rebuilt.pairs())).toEqual(Array.from(built.pairs()));
  });
});

describe('the article index at a year of reading', () => {
  const site = { ...ARTICLE, hosts: ['press.example'] };
  /** Three fingerprints of its own per article, and one shared by every tenth. */
  const SHARED = 0xf0000000;
  const fingerprintsOf = (i: number) =>
    Uint32Array.of(3 * i + 1, 3 * i + 2, 3 * i + 3, SHARED + (i % 10));

  it('finds articles numbered past 65,535, built at once or one at a time', () => {
    const count = 70_000;
    const entries = Array.from({ length: count }, (_, i) => ({
      article: { ...site, url: `https://press.example/${i}`, lastSeenAt: i },
      fingerprints: fingerprintsOf(i),
    }));
    const rebuilt = ArticleIndex.fromEntries(entries);
    // The last 2,000 added one at a time (each addition moves every posting after its
    // first: 70,000 additions would take half a minute here).
    const grown = ArticleIndex.fromEntries(entries.slice(0, count - 2_000));
    for (const { article, fingerprints } of entries.slice(count - 2_000)) {
      grown.add(article, fingerprints);
    }
    for (const index of [rebuilt, grown]) {
      expect(index.size).toBe(count);
      for (const i of [0, 65_535, 65_536, 69_999]) {
        const [hit, ...others] = index.match(Uint32Array.of(3 * i + 2, 3 * i + 3));
        expect(others).toEqual([]);
        expect(hit!.article).toMatchObject({ url: `https://press.example/${i}`, lastSeenAt: i });
        expect(hit!.sharedFingerprints).toBe(2);
        expect(hit!.article.fingerprintCount).toBe(4);
      }
      // The shared fingerprint of articles 3, 13, 23, …: every one of them, past 65,535 too.
      const shared = index.match(Uint32Array.of(SHARED + 3)).map((hit) => hit.article.lastSeenAt);
      expect(shared).toHaveLength(count / 10);
      expect(shared.filter((i) => i > 65_535)).toHaveLength(446);
    }
    // Compared as bytes: a deep equality of 280,000 numbers takes seconds.
    expect(Buffer.from(grown.pairs().buffer).equals(Buffer.from(rebuilt.pairs().buffer))).toBe(
      true,
    );
    expect(grown.pairs().length).toBe(2 * 4 * count);
  }, 20_000);

  it('forgets the least recently seen first at the bound, whatever order articles came in', () => {
    const bound = 1_000;
    const index = new ArticleIndex();
    // Seen times shuffled (a multiplicative permutation of 0…1,499).
    const seen = (i: number) => (i * 7919) % 1_500;
    const evicted: number[] = [];
    for (let i = 0; i < 1_500; i++) {
      const url = `https://press.example/${i}`;
      const gone = index.add({ ...site, url, lastSeenAt: seen(i) }, fingerprintsOf(i), bound);
      evicted.push(...gone.map((u) => seen(Number(u.split('/').pop()))));
      expect(index.size).toBe(Math.min(i + 1, bound));
    }
    // Each time the oldest present went: never one seen after an article still kept.
    const kept = index.list().map((article) => article.lastSeenAt);
    expect(evicted).toHaveLength(500);
    expect(Math.max(...evicted.slice(-100))).toBeLessThan(Math.min(...kept));
    expect(new Set([...evicted, ...kept]).size).toBe(1_500);
    // Forgotten articles match nothing, kept ones still match, after the compactions.
    const oldest = kept.indexOf(Math.min(...kept));
    expect(index.match(fingerprintsOf(999).subarray(0, 3)).length).toBe(
      kept.includes(seen(999)) ? 1 : 0,
    );
    for (const [i, article] of index.list().entries()) {
      if (i % 97) continue;
      const n = Number(article.url.split('/').pop());
      expect(index.match(fingerprintsOf(n).subarray(0, 3)).map((hit) => hit.article.url)).toEqual([
        article.url,
      ]);
    }
    expect(oldest).toBeGreaterThanOrEqual(0);
    // A refreshed article is seen now: the next to go is another one.
    const refreshed = index.list()[oldest]!;
    index.add({ ...refreshed, lastSeenAt: 10_000 }, fingerprintsOf(1), bound);
    const [next] = index.add(
      { ...site, url: 'https://press.example/new', lastSeenAt: 10_001 },
      fingerprintsOf(2_000),
      bound,
    );
    expect(next).not.toBe(refreshed.url);
    expect(index.size).toBe(bound);
  });

  it('leaves out articles that share fewer fingerprints than asked, a repeated one counted once', () => {
    const index = new ArticleIndex();
    index.add({ ...site, url: 'https://press.example/a' }, Uint32Array.of(1, 2, 3, 4));
    index.add({ ...site, url: 'https://press.example/b' }, Uint32Array.of(1, 2, 9));
    const shares = (page: Uint32Array, minShared?: number) =>
      index
        .match(page, minShared)
        .map((hit) => [hit.article.url.slice(-1), hit.sharedFingerprints, hit.pageFingerprints]);
    expect(shares(Uint32Array.of(1, 1, 2, 9))).toEqual([
      ['a', 2, [0, 1, 2]],
      ['b', 3, [0, 1, 2, 3]],
    ]);
    expect(shares(Uint32Array.of(1, 1, 2, 9), 3)).toEqual([['b', 3, [0, 1, 2, 3]]]);
    expect(shares(Uint32Array.of(1, 1, 2, 9), 4)).toEqual([]);
  });

  it('rebuilds the most recently seen articles only, when more are stored than the bound', () => {
    const entries = [5, 1, 4, 2, 3].map((seen) => ({
      article: { ...site, url: `https://press.example/${seen}`, lastSeenAt: seen },
      fingerprints: fingerprintsOf(seen),
    }));
    const index = ArticleIndex.fromEntries(entries, 3);
    expect(index.list().map((article) => article.lastSeenAt)).toEqual([5, 4, 3]);
  });

  it('keeps one site object for the articles of a site, and lists its hosts once', () => {
    const index = new ArticleIndex();
    index.add(
      { ...site, url: 'https://press.example/a', hosts: ['press.example', 'www.press.example'] },
      fingerprintsOf(1),
    );
    index.add(
      { ...site, url: 'https://press.example/b', hosts: ['press.example', 'www.press.example'] },
      fingerprintsOf(2),
    );
    index.add(
      { ...site, url: 'https://other.example/c', hosts: ['other.example'] },
      fingerprintsOf(3),
    );
    expect(index.publisherHosts().sort()).toEqual([
      'other.example',
      'press.example',
      'www.press.example',
    ]);
    const [a, b] = index.list();
    expect(a!.hosts).toEqual(b!.hosts);
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
