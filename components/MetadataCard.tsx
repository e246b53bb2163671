import type { ComponentChildren } from 'preact';
import { formatCitation, type AttributionSource } from '../utils/attribution/format';
import type { ArticleState } from '../utils/messaging';
import { isSameSite, parseHttpUrl, toHttpUrl } from '../utils/url';
import { t, type MessageKey } from './i18n';
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
 * The lead image, only when it is on the article's own site: the popup then shows what the
 * page already loaded, and never makes a request to a third party a page chose.
 */
function sameSiteImage(imageUrl: string | null, pageUrl: string): string | null {
  const image = parseHttpUrl(imageUrl);
  const page = parseHttpUrl(pageUrl);
  return image && page && isSameSite(image, page) ? image.href : null;
}

/** "02 December 2025 09:19" as the site shows it, or the ISO time shown in Baku time. */
export function formatPublished(text: string | null, iso: string | null): string | null {
  if (text) return text;
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Baku',
  }).format(date);
}

/** The article's metadata. Every value comes from the page, so every value is rendered as text. */
export function MetadataCard({ state }: { state: ArticleState }) {
  const meta = state.metadata;
  const { status, write } = useClipboardWriter();
  if (!meta) return null;
  const source: AttributionSource = {
    url: meta.canonicalUrl,
    title: meta.title,
    siteName: meta.siteName ?? state.publisher?.name ?? null,
    language: meta.language,
  };
  const published = formatPublished(meta.publishedText, meta.publishedAt);
  const image = sameSiteImage(meta.imageUrl, meta.url);
  const link = toHttpUrl(meta.canonicalUrl);

  return (
    <section data-testid="metadata-card" class="card" aria-labelledby="card-heading">
      <p class="eyebrow" id="card-heading">
        {t('popupArticle')}
        {state.publisher ? ` · ${state.publisher.name}` : ''}
      </p>
      {image && (
        <img class="lead" src={image} alt="" data-field="image" referrerpolicy="no-referrer" />
      )}
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
                {published} <span class="hint">({t('bakuTime')})</span>
              </>
            )
          }
        />
        {meta.modifiedAt && (
          <Field
            name="modified"
            label="fieldModified"
            value={formatPublished(null, meta.modifiedAt)}
          />
        )}
        <Field name="category" label="fieldCategory" value={meta.category} />
        <Field
          name="views"
          label="fieldViews"
          value={meta.views === null ? null : meta.views.toLocaleString()}
        />
        <Field
          name="language"
          label="fieldLanguage"
          value={
            meta.language && `${LANGUAGE_NAMES[meta.language] ?? meta.language} (${meta.language})`
          }
        />
        <Field name="site-name" label="fieldSiteName" value={meta.siteName} />
        <Field
          name="canonical-url"
          label="fieldCanonicalUrl"
          value={
            link && (
              <a href={link} target="_blank" rel="noopener noreferrer">
                {link}
              </a>
            )
          }
        />
        <Field name="description" label="fieldDescription" value={meta.description} />
        <Field name="reuse-rule" label="fieldReuseRule" value={state.publisher?.notice} />
      </dl>
      <p class="hint">{t('copyHint')}</p>
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
