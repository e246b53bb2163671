import { urlIdentity } from '../../core/url';
import {
  isThumbnailDataUrl,
  THUMBNAIL_MAX_HEIGHT,
  THUMBNAIL_MAX_WIDTH,
  type LeadThumbnail,
} from '../../core/metadata/thumbnail';

/**
 * The popup's picture of an article: a small copy of the lead image, drawn from an <img> the
 * page has already loaded. Linkback makes no network request, so nothing ever loads the
 * image's URL on the user's behalf (with their cookies, in the publisher's logs): when the page
 * shows no such image, has not loaded it yet, or got it from another origin (the canvas is then
 * tainted and refuses to be read), there is no thumbnail. A cover drawn as a CSS background
 * (Caliber.az's `.post_cover`) has no element whose pixels a canvas can take, so it gets none
 * either; creating an Image for its URL would be a request.
 */

/** Encodings tried in turn until one fits; a browser that cannot write WebP returns PNG. */
const ENCODINGS: ReadonlyArray<readonly [type: string, quality: number]> = [
  ['image/webp', 0.8],
  ['image/webp', 0.5],
  ['image/jpeg', 0.7],
  ['image/jpeg', 0.4],
];

/** The page's loaded <img> showing `imageUrl` (its chosen source or its src), or null. */
export function findLoadedImage(doc: Document, imageUrl: string | null): HTMLImageElement | null {
  const wanted = imageUrl ? urlIdentity(imageUrl) : null;
  if (!wanted) return null;
  for (const image of doc.querySelectorAll('img')) {
    if (!image.complete || image.naturalWidth === 0 || image.naturalHeight === 0) continue;
    if ([image.currentSrc, image.src].some((src) => src && urlIdentity(src) === wanted)) {
      return image;
    }
  }
  return null;
}

/**
 * A thumbnail of the page's own loaded copy of `imageUrl`, at most 320 × 320 px and
 * THUMBNAIL_MAX_LENGTH characters; null when there is none to draw or it cannot be read.
 */
export function drawLeadThumbnail(doc: Document, imageUrl: string | null): LeadThumbnail | null {
  const image = findLoadedImage(doc, imageUrl);
  if (!image) return null;
  const scale = Math.min(
    1,
    THUMBNAIL_MAX_WIDTH / image.naturalWidth,
    THUMBNAIL_MAX_HEIGHT / image.naturalHeight,
  );
  const width = Math.max(1, Math.round(image.naturalWidth * scale));
  const height = Math.max(1, Math.round(image.naturalHeight * scale));
  const canvas = doc.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  try {
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.drawImage(image, 0, 0, width, height);
    for (const [type, quality] of ENCODINGS) {
      // Throws a SecurityError when the image came from another origin: no thumbnail then.
      const dataUrl = canvas.toDataURL(type, quality);
      if (isThumbnailDataUrl(dataUrl)) return { dataUrl, width, height };
    }
  } catch {
    // Tainted canvas, or no canvas support: the card shows no picture.
  }
  return null;
}
