import { toHttpUrl } from '../../core/url';

/**
 * The sanitiser Linkback trusts (DOMPurify in the extension), returning nodes rather than a
 * string so nothing is parsed twice; a parameter so tests can pass one in.
 */
export type SanitizeHtml = (html: string) => DocumentFragment;

/** The selection's own markup, as the browser would have copied it (before sanitising). */
export function serializeSelection(selection: Selection, doc: Document = document): string {
  const container = doc.createElement('div');
  for (let i = 0; i < selection.rangeCount; i++) {
    container.append(selection.getRangeAt(i).cloneContents());
  }
  return container.innerHTML;
}

/**
 * Sanitises copied markup and makes its links absolute: relative links would point at the
 * paste destination's site, and anything but http(s) (javascript:, data:) is dropped.
 */
export function cleanSelectionHtml(
  html: string,
  baseUrl: string,
  sanitize: SanitizeHtml,
  doc: Document = document,
): string {
  const root = sanitize(html);
  for (const anchor of root.querySelectorAll('a')) {
    const href = anchor.getAttribute('href');
    const absolute = href === null ? null : toHttpUrl(href, baseUrl);
    if (absolute) anchor.setAttribute('href', absolute);
    else anchor.replaceWith(...anchor.childNodes);
  }
  for (const image of root.querySelectorAll('img')) {
    const src = toHttpUrl(image.getAttribute('src'), baseUrl);
    if (src) image.setAttribute('src', src);
    else image.remove();
    image.removeAttribute('srcset');
  }
  // The page's indentation between copied paragraphs means nothing to the paste target.
  for (const node of Array.from(root.childNodes)) {
    if (node.nodeType === 3 && !node.textContent?.trim()) node.remove();
  }
  const out = doc.createElement('div');
  out.append(root);
  return out.innerHTML;
}

/** DOMPurify settings for copied article text: formatting and links survive, behaviour and styling do not. */
export const SELECTION_SANITIZE_CONFIG = {
  FORBID_TAGS: [
    'style',
    'script',
    'iframe',
    'object',
    'embed',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'svg',
    'math',
    'template',
    'noscript',
  ],
  FORBID_ATTR: ['style', 'class', 'id', 'srcset', 'sizes', 'loading'],
  ALLOW_DATA_ATTR: false,
  ALLOWED_URI_REGEXP: /^(?:https?:|\/|\.\.?\/|#|[^:]*$)/i,
};
