import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { formatCitation, type AttributionSource } from '../utils/core/attribution/format';
import {
  formatStyledCitation,
  type CitationStyle,
} from '../utils/core/attribution/citation-styles';
import { formatUtcOffset, isoDateOffset, offsetMinutes } from '../utils/core/dates/iso-date';
import { isThumbnailDataUrl, type LeadThumbnail } from '../utils/core/metadata/thumbnail';
import type { SiteTimeZone } from '../utils/core/publishers/types';
import type { ArticleView } from '../utils/core/records/article-state';
import { toHttpUrl } from '../utils/core/url';
import { formatNumber } from './format';
import { t, uiLanguage, type MessageKey } from './i18n';
import { useClipboardWriter } from './useClipboardWriter';

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', ru: 'Русский', az: 'Azərbaycanca' };

function Field(props: {
  name: string;
  label: MessageKey;
  value: ComponentChildren | null | undefined;
}) {
  const missing = props.value === null || props.value === undefined || props.value === '';
  return (
    <div class="field">
      <dt>{t(props.label)}</dt>
      <dd
        data-field={props.name}
        data-missing={missing ? '' : undefined}
        class={missing ? 'missing' : undefined}
      >
        {missing ? t('missing') : props.value}
      </dd>
    </div>
  );
}

/**
 * The lead image as the article's page drew it (see utils/page/article/lead-thumbnail.ts): only a bounded
 * data: URL is ever put in `src`, so the popup makes no request. No thumbnail, or one the
 * browser cannot decode, shows nothing (no broken-image icon).
 */
function LeadImage({ thumbnail }: { thumbnail: LeadThumbnail | null }) {
  const [broken, setBroken] = useState(false);
  if (!thumbnail || broken || !isThumbnailDataUrl(thumbnail.dataUrl)) return null;
  return (
    <img
      class="lead"
      src={thumbnail.dataUrl}
      width={thumbnail.width}
      height={thumbnail.height}
      alt=""
      data-testid="lead-thumbnail"
      onError={() => setBroken(true)}
    />
  );
}

/** A page-supplied address as a link the user may follow (http(s) only), or null. */
function urlLink(url: string | null): ComponentChildren | null {
  const link = toHttpUrl(url);
  return (
    link && (
      <a href={link} target="_blank" rel="noopener noreferrer">
        {link}
      </a>
    )
  );
}

/** A date-only ISO value: "2025-03-04". */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "02 December 2025 09:19" as the site shows it, or the ISO date shown at the publisher's
 * time: in the zone its rule names (Caliber: Asia/Baku), else at the offset the page gave
 * with the date ("2025-03-04T10:00:00+03:00" shows 10:00, wherever the reader is), else as
 * written (a time without an offset is the site's wall-clock time; a date alone has no time).
 */
export function formatPublished(
  text: string | null,
  iso: string | null,
  timeZone?: string,
  locale = uiLanguage(),
): string | null {
  if (text) return text;
  if (!iso) return null;
  if (DATE_ONLY.test(iso)) {
    const midnight = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(midnight.getTime())) return null;
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(midnight);
  }
  const offset = isoDateOffset(iso);
  const minutes = offset === null ? null : offsetMinutes(offset);
  let shown: Date;
  let zone: string;
  if (timeZone && minutes !== null) {
    shown = new Date(iso);
    zone = timeZone;
  } else if (minutes !== null) {
    // The page's wall-clock time: the instant moved by its offset, shown as UTC.
    shown = new Date(Date.parse(iso) + minutes * 60_000);
    zone = 'UTC';
  } else {
    shown = new Date(`${iso}Z`);
    zone = 'UTC';
  }
  if (Number.isNaN(shown.getTime())) return null;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: zone,
  }).format(shown);
}

/**
 * The zone the published time is given in, in the interface language: the publisher rule's
 * own label ("Baku time, UTC+04:00"), else the offset the page gave ("site time, UTC+3"),
 * else nothing (no offset: the card shows the time as written and cannot say more).
 */
export function publishedZoneLabel(
  publishedAt: string | null,
  zone: SiteTimeZone | undefined,
  language: string,
): string | null {
  if (zone) return zone.label[language] ?? zone.label.en ?? null;
  const offset = publishedAt ? isoDateOffset(publishedAt) : null;
  const label = offset ? formatUtcOffset(offset) : null;
  return label ? t('siteTimeZone', label) : null;
}

/** The reference-list styles writers are asked for (citation-styles.ts). */
const STYLES: ReadonlyArray<[CitationStyle, MessageKey]> = [
  ['apa', 'copyCitationApa'],
  ['mla', 'copyCitationMla'],
  ['chicago', 'copyCitationChicago'],
];

/** The article's metadata. Every value comes from the page, so every value is rendered as text. */
export function MetadataCard({ state }: { state: ArticleView }) {
  const meta = state.metadata;
  const { status, write } = useClipboardWriter();
  if (!meta) return null;
  const source: AttributionSource = {
    url: meta.canonicalUrl,
    title: meta.title,
    siteName: meta.siteName ?? state.publisher?.name ?? null,
    language: meta.language,
  };
  const zone = state.publisher?.timeZone;
  const published = formatPublished(meta.publishedText, meta.publishedAt, zone?.id);
  const zoneLabel = publishedZoneLabel(meta.publishedAt, zone, uiLanguage());

  return (
    <section data-testid="metadata-card" class="card" aria-labelledby="card-heading">
      <p class="eyebrow" id="card-heading">
        {t('popupArticle')}
        {state.publisher ? ` · ${state.publisher.name}` : ''}
      </p>
      <LeadImage thumbnail={state.thumbnail} />
      <h1 data-field="title" class={meta.title ? undefined : 'missing'}>
        {meta.title ?? t('missing')}
      </h1>
      <dl>
        <Field name="authors" label="fieldAuthors" value={meta.authors.join(', ')} />
        <Field
          name="published"
          label="fieldPublished"
          value={
            published && (
              <>
                {published}
                {zoneLabel && <span class="hint"> ({zoneLabel})</span>}
              </>
            )
          }
        />
        {meta.modifiedAt && (
          <Field
            name="modified"
            label="fieldModified"
            value={formatPublished(null, meta.modifiedAt, zone?.id)}
          />
        )}
        <Field name="category" label="fieldCategory" value={meta.category} />
        <Field
          name="views"
          label="fieldViews"
          value={meta.views === null ? null : formatNumber(meta.views)}
        />
        <Field
          name="language"
          label="fieldLanguage"
          value={
            meta.language && `${LANGUAGE_NAMES[meta.language] ?? meta.language} (${meta.language})`
          }
        />
        <Field name="site-name" label="fieldSiteName" value={meta.siteName} />
        <Field name="canonical-url" label="fieldCanonicalUrl" value={urlLink(meta.canonicalUrl)} />
        <Field name="image" label="fieldImage" value={urlLink(meta.imageUrl)} />
        <Field name="description" label="fieldDescription" value={meta.description} />
      </dl>
      {/* Only where a rule is in force: on other sites, or turned off, copies stay as they are. */}
      {(state.rule ? state.rule.inForce : state.publisher) && <p class="hint">{t('copyHint')}</p>}
      <div class="actions" role="group">
        <button type="button" data-action="copy-link" onClick={() => write({ plain: source.url })}>
          {t('copyLink')}
        </button>
        <button
          type="button"
          data-action="copy-citation-plain"
          onClick={() => write({ plain: formatCitation(source, 'plain') })}
        >
          {t('copyCitationPlain')}
        </button>
        <button
          type="button"
          data-action="copy-citation-html"
          onClick={() =>
            write({ plain: formatCitation(source, 'plain'), html: formatCitation(source, 'html') })
          }
        >
          {t('copyCitationHtml')}
        </button>
        <button
          type="button"
          data-action="copy-citation-markdown"
          onClick={() => write({ plain: formatCitation(source, 'markdown') })}
        >
          {t('copyCitationMarkdown')}
        </button>
        {STYLES.map(([style, label]) => (
          <button
            key={style}
            type="button"
            data-action={`copy-citation-${style}`}
            onClick={() =>
              write({
                plain: formatStyledCitation(
                  {
                    url: meta.canonicalUrl,
                    title: meta.title,
                    authors: meta.authors,
                    siteName: source.siteName ?? null,
                    publishedAt: meta.publishedAt,
                  },
                  style,
                  { accessed: new Date(), locale: uiLanguage() },
                ),
              })
            }
          >
            {t(label)}
          </button>
        ))}
      </div>
      <p
        role="status"
        aria-live="polite"
        class={status && !status.ok ? 'error' : 'status'}
        data-testid="copy-status"
      >
        {status?.text ?? ''}
      </p>
    </section>
  );
}
