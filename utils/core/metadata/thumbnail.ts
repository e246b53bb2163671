/**
 * The popup's picture of an article, as it travels from the page to the popup: a small
 * data: URL, never a URL to load (see page/article/lead-thumbnail.ts for why and how it
 * is drawn).
 */

export const THUMBNAIL_MAX_WIDTH = 320;
export const THUMBNAIL_MAX_HEIGHT = 320;
/** The longest data: URL a thumbnail may be, in characters (about 45 kB of image). */
export const THUMBNAIL_MAX_LENGTH = 60_000;

export interface LeadThumbnail {
  /** `data:image/webp;base64,…` (or jpeg, png), at most THUMBNAIL_MAX_LENGTH characters. */
  dataUrl: string;
  width: number;
  height: number;
}

const THUMBNAIL_DATA_URL = /^data:image\/(?:webp|jpeg|png);base64,[A-Za-z0-9+/]+={0,2}$/;

/**
 * True for a base64 WebP/JPEG/PNG data: URL of bounded size, and nothing else: the popup
 * renders only such a value, so no answer from a tab can make it load a URL.
 */
export function isThumbnailDataUrl(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= THUMBNAIL_MAX_LENGTH &&
    THUMBNAIL_DATA_URL.test(value)
  );
}
