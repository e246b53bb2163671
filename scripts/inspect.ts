/**
 * inspect: prints what Linkback extracts from saved HTML pages, one JSON object per line.
 *
 *   npm run inspect -- <file.html>... [--url URL]
 *
 * The page URL is --url when given (for every file), else the file's own
 * <link rel=canonical> / og:url when absolute http(s), else its file:// URL.
 * Pages are parsed with happy-dom with scripts and subresources disabled; HTML is never printed.
 * `reuseRule` is the rule in force (built-in publisher, else the page's licence or notice).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { extractMetadata } from '../utils/core/metadata/extract';
import { findPublisherRule } from '../utils/core/publishers/index';
import { findRuleInForce } from '../utils/core/rules/rule-in-force';
import { summariseReuseRule } from '../utils/core/rules/summary';

const USAGE = 'Usage: npm run inspect -- <file.html>... [--url URL]';
const HELP = `${USAGE}

Prints what Linkback extracts from each saved HTML page, one JSON object per line.

  --url URL    the page URL for every file (default: the file's own absolute
               <link rel=canonical> or og:url, else its file:// URL)
  -h, --help   this help`;
const EXIT_USAGE = 2;

interface InspectArgs {
  files: string[];
  url: string | null;
}

class UsageError extends Error {}
/** `--help` / `-h`: print the help and succeed. */
class HelpRequested extends Error {}

export function parseArgs(argv: readonly string[]): InspectArgs {
  const files: string[] = [];
  let url: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') throw new HelpRequested();
    if (arg === '--url') {
      const value = argv[++i];
      if (value === undefined) throw new UsageError('--url needs a value.');
      url = value;
    } else if (arg.startsWith('--url=')) url = arg.slice('--url='.length);
    else if (arg.startsWith('--')) throw new UsageError(`Unknown option: ${arg}`);
    else files.push(arg);
  }
  if (files.length === 0) throw new UsageError('No HTML files given.');
  if (url !== null && !URL.canParse(url)) throw new UsageError(`Not a valid URL: ${url}`);
  return { files, url };
}

function absoluteHttpUrl(raw: string | null | undefined): string | null {
  if (!raw || !URL.canParse(raw.trim())) return null;
  const url = new URL(raw.trim());
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/** The URL a saved page says it has: rel=canonical, then og:url. */
function guessPageUrl(doc: Document): string | null {
  for (const link of doc.querySelectorAll('link[rel][href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('canonical')) continue;
    const url = absoluteHttpUrl(link.getAttribute('href'));
    if (url) return url;
  }
  return absoluteHttpUrl(doc.querySelector('meta[property="og:url"]')?.getAttribute('content'));
}

async function inspectFile(file: string, urlOverride: string | null): Promise<string> {
  const html = readFileSync(file, 'utf8');
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  try {
    // happy-dom's Document implements the DOM interfaces the extractor uses; its own
    // class type is not declared as lib.dom's Document, hence the cast.
    const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    const url = urlOverride ?? guessPageUrl(doc) ?? pathToFileURL(resolve(file)).href;
    const rule = findPublisherRule(url);
    // Read before extraction, like the copy handler: detection does not depend on metadata.
    const finding = findRuleInForce(doc, url, { publisher: rule });
    const { url: pageUrl, ...fields } = extractMetadata(doc, url, rule);
    return JSON.stringify({
      file,
      url: pageUrl,
      isArticle: rule?.isArticleUrl(new URL(url)) ?? false,
      publisher: rule?.id ?? null,
      ...fields,
      reuseRule: finding?.kind === 'rule' ? summariseReuseRule(finding.rule) : null,
      // Not a rule, but the popup says so: the site forbids reprinting outright.
      reprintForbidden: finding?.kind === 'reprint-forbidden',
    });
  } finally {
    await window.happyDOM.close();
  }
}

async function main(argv: readonly string[]): Promise<number> {
  let args: InspectArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof HelpRequested) {
      console.log(HELP);
      return 0;
    }
    if (!(error instanceof UsageError)) throw error;
    if (error.message) console.error(error.message);
    console.error(USAGE);
    return EXIT_USAGE;
  }
  const missing = args.files.filter((file) => !existsSync(file) || !statSync(file).isFile());
  if (missing.length > 0) {
    for (const file of missing) console.error(`No such file: ${file}`);
    console.error(USAGE);
    return EXIT_USAGE;
  }
  for (const file of args.files) console.log(await inspectFile(file, args.url));
  return 0;
}

// `inspect … | head` closes stdout early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
