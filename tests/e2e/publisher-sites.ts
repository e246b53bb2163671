/**
 * News sites other than Caliber.az, served by the test server on hosts of their own: each
 * states its reuse terms the way real sites do (a Russian footer notice, an Azerbaijani
 * "first paragraph" rule, a Creative Commons licence) or states none. The any-publisher
 * suite copies from them; the demo photographs their popups.
 */

export interface PublisherSite {
  host: string;
  lang: string;
  siteName: string;
  title: string;
  author: string;
  /** ISO date with the site's own offset. */
  published: string;
  paragraphs: string[];
  /** The footer's terms, as HTML (the licence link needs markup). */
  footer: string;
  /** Extra head markup. */
  head?: string;
}

export const ARTICLE_PATH = '/news/2025/terminal-opens';

export const PUBLISHER_SITES = {
  /** A Russian footer notice: "a hyperlink to vesti.test is required" (the site). */
  ru: {
    host: 'vesti.test',
    lang: 'ru',
    siteName: 'Вести Прикаспия',
    title: 'В Каспийске открыли новый терминал морского вокзала',
    author: 'Анна Смирнова',
    published: '2025-04-01T10:15:00+03:00',
    paragraphs: [
      'Новый пассажирский терминал морского вокзала принял первых пассажиров в понедельник утром, сообщили в администрации порта.',
      'По словам директора порта, пропускная способность выросла вдвое, а время посадки на паром сократилось до двадцати минут.',
      'Строительство обошлось городу в миллиард двести миллионов рублей и заняло почти три года вместо запланированных двух.',
      'Следующим этапом станет реконструкция грузового причала, которую планируют завершить к концу будущего года.',
    ],
    footer:
      '<p class="copyright">© 2008–2025 «Вести Прикаспия». Все права защищены. При использовании материалов гиперссылка на vesti.test обязательна.</p>',
  },
  /** An Azerbaijani notice that wants an active link in the first paragraph: the link goes first. */
  az: {
    host: 'xeber.test',
    lang: 'az',
    siteName: 'Xəbər Gəncə',
    title: 'Gəncədə kitab festivalı keçiriləcək',
    author: 'Leyla Əliyeva',
    published: '2025-05-12T09:30:00+04:00',
    paragraphs: [
      'Gəncə şəhərində may ayının sonunda ənənəvi kitab festivalı keçiriləcək, bu barədə şəhər icra hakimiyyəti məlumat yayıb.',
      'Festivalda otuzdan çox nəşriyyat iştirak edəcək, uşaqlar üçün ayrıca oxu guşəsi və ustad dərsləri təşkil olunacaq.',
      'Təşkilatçılar bildirir ki, ötən il festivala on iki mindən çox qonaq gəlib və bu il daha çox ziyarətçi gözlənilir.',
      'Tədbir üç gün davam edəcək və şəhərin mərkəzi parkında, Nizami Gəncəvi heykəlinin yaxınlığında təşkil olunacaq.',
    ],
    footer:
      '<p class="copyright">© 2025 Xəbər Gəncə. Materialların istifadəsi zamanı mənbəyə birinci abzasda aktiv hiperlink verilməsi vacibdir.</p>',
  },
  /** A Creative Commons BY licence, linked with rel="license": the copy gets a TASL credit. */
  cc: {
    host: 'openpress.test',
    lang: 'en',
    siteName: 'Open Harbour Press',
    title: 'Port authority approves night shifts for container cranes',
    author: 'Margaret Ellison',
    published: '2025-03-04T10:00:00-05:00',
    paragraphs: [
      'The port authority voted on Tuesday to allow container cranes to run through the night from March, ending a ban that dates back to 1998.',
      'Dock workers’ unions said the change would add around 140 jobs, while residents of the old town warned of noise from the terminal.',
      'The authority promised to measure noise at six points along the waterfront and to publish the figures every month.',
      'A first review of the night shifts is planned for September, when the authority will decide whether to keep them.',
    ],
    footer:
      '<p>Except where noted, content on this site is licensed under a <a rel="license" href="https://creativecommons.org/licenses/by/4.0/">Creative Commons Attribution 4.0 International License</a>.</p>',
  },
  /** No reuse terms at all: copies are left alone. */
  none: {
    host: 'plain.test',
    lang: 'en',
    siteName: 'Plain Daily',
    title: 'City council approves a new cycling lane along the river',
    author: 'Tom Baker',
    published: '2025-06-20T08:00:00+01:00',
    paragraphs: [
      'The city council approved on Thursday a new cycling lane that will run for four kilometres along the river embankment.',
      'Work is due to start in August and should be finished before the end of the year, according to the transport department.',
      'Local shop owners asked the council to keep some parking spaces near the market, and the plan was changed to include them.',
      'The lane will link the railway station with the university campus, which the council says will take cars off the bridge.',
    ],
    footer: '<p>© 2025 Plain Daily. All rights reserved.</p>',
  },
} satisfies Record<string, PublisherSite>;

export type PublisherSiteName = keyof typeof PUBLISHER_SITES;

export const PUBLISHER_SITE_HOSTS: readonly string[] = Object.values(PUBLISHER_SITES).map(
  (site) => site.host,
);

export function publisherSiteUrl(name: PublisherSiteName): string {
  return `http://${PUBLISHER_SITES[name].host}${ARTICLE_PATH}`;
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The article page of the site at `host`, or null for another host or path. */
export function publisherSitePage(host: string, path: string): string | null {
  const site: PublisherSite | undefined = Object.values(PUBLISHER_SITES).find(
    (candidate) => candidate.host === host,
  );
  if (!site) return null;
  if (path === '/') {
    return `<!doctype html><html lang="${site.lang}"><meta charset="utf-8"><title>${escape(site.siteName)}</title><h1>${escape(site.siteName)}</h1><a href="${ARTICLE_PATH}">${escape(site.title)}</a><footer>${site.footer}</footer></html>`;
  }
  if (path !== ARTICLE_PATH) return null;
  const url = `http://${site.host}${ARTICLE_PATH}`;
  return `<!doctype html>
<html lang="${site.lang}">
<head>
  <meta charset="utf-8">
  <title>${escape(site.title)} | ${escape(site.siteName)}</title>
  <link rel="canonical" href="${url}">
  <meta property="og:type" content="article">
  <meta property="og:site_name" content="${escape(site.siteName)}">
  <meta property="og:title" content="${escape(site.title)}">
  <meta property="article:published_time" content="${site.published}">
  <meta name="author" content="${escape(site.author)}">
  <style>body{font:17px/1.5 Georgia,serif;max-width:46rem;margin:0 auto;padding:1rem}footer{border-top:1px solid #ccc;margin-top:2rem;font-size:14px;color:#555}</style>
  ${site.head ?? ''}
</head>
<body>
  <header><a href="/">${escape(site.siteName)}</a> · <a href="/politics">Politics</a> · <a href="/economy">Economy</a></header>
  <main>
    <article>
      <h1>${escape(site.title)}</h1>
      <p class="byline">${escape(site.author)} · <time datetime="${site.published}">${site.published.slice(0, 10)}</time></p>
      <div class="article-body">
${site.paragraphs.map((text) => `        <p>${escape(text)}</p>`).join('\n')}
      </div>
    </article>
  </main>
  <footer>${site.footer}</footer>
</body>
</html>`;
}
