import { describe, expect, it, vi } from 'vitest';
import {
  isThumbnailDataUrl,
  THUMBNAIL_MAX_LENGTH,
} from '../../../../utils/core/metadata/thumbnail';
import { drawLeadThumbnail, findLoadedImage } from '../../../../utils/page/article/lead-thumbnail';
import { parseHtml } from '../../fixtures';

const COVER = 'https://caliber.az/media/photos/normal/8c2d41aa90be.webp';

/** A page whose images happy-dom reports as loaded (it loads none itself) at the given sizes. */
function pageWith(images: Array<{ src: string; width?: number; complete?: boolean }>): Document {
  const doc = parseHtml(
    `<html><body>${images.map((i) => `<img src="${i.src}">`).join('')}</body></html>`,
  );
  doc.querySelectorAll('img').forEach((image, n) => {
    const { width = 780, complete = true } = images[n]!;
    Object.defineProperties(image, {
      complete: { value: complete },
      naturalWidth: { value: complete ? width : 0 },
      naturalHeight: { value: complete ? Math.round((width * 440) / 780) : 0 },
      currentSrc: { value: image.src },
    });
  });
  return doc;
}

/** Replaces the page's canvas with one whose encoder answers `encode(type, quality)`. */
function fakeCanvas(doc: Document, encode: (type: string, quality: number) => string) {
  const drawn: Array<{ width: number; height: number }> = [];
  const canvas = {
    width: 0,
    height: 0,
    getContext: () => ({
      drawImage: (_image: unknown, _x: number, _y: number, width: number, height: number) =>
        drawn.push({ width, height }),
    }),
    toDataURL: vi.fn(encode),
  };
  vi.spyOn(doc, 'createElement').mockReturnValue(canvas as unknown as HTMLCanvasElement);
  return { canvas, drawn };
}

const WEBP = `data:image/webp;base64,${'UklGR'.repeat(100)}`;

describe('isThumbnailDataUrl', () => {
  it('accepts a base64 WebP, JPEG or PNG data: URL of bounded size', () => {
    expect(isThumbnailDataUrl(WEBP)).toBe(true);
    expect(isThumbnailDataUrl('data:image/jpeg;base64,/9j/4AAQ==')).toBe(true);
    expect(isThumbnailDataUrl('data:image/png;base64,iVBORw0K')).toBe(true);
  });

  it.each([
    ['an http URL', 'http://caliber.az/media/photos/normal/a.webp'],
    ['an https URL', COVER],
    ['a blob: URL', 'blob:https://caliber.az/1234'],
    ['SVG, a document', 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4='],
    ['text', 'data:text/html;base64,PHNjcmlwdD4='],
    ['not base64', 'data:image/png,abc'],
    ['trailing garbage', 'data:image/png;base64,abc" onerror="x'],
    ['too long', `data:image/jpeg;base64,${'A'.repeat(THUMBNAIL_MAX_LENGTH)}`],
    ['not a string', { toString: () => WEBP }],
  ])('refuses %s', (_name, value) => {
    expect(isThumbnailDataUrl(value)).toBe(false);
  });
});

describe('findLoadedImage', () => {
  it('finds the loaded <img> showing the lead image, http or https, with or without www', () => {
    const doc = pageWith([
      { src: 'https://caliber.az/img/logo.svg' },
      { src: 'http://www.caliber.az/media/photos/normal/8c2d41aa90be.webp' },
    ]);
    expect(findLoadedImage(doc, COVER)?.src).toBe(
      'http://www.caliber.az/media/photos/normal/8c2d41aa90be.webp',
    );
  });

  it('ignores an image not loaded yet, a broken one, another picture, and no lead image', () => {
    expect(findLoadedImage(pageWith([{ src: COVER, complete: false }]), COVER)).toBeNull();
    expect(findLoadedImage(pageWith([{ src: COVER, width: 0 }]), COVER)).toBeNull();
    expect(
      findLoadedImage(pageWith([{ src: COVER.replace('normal', 'original') }]), COVER),
    ).toBeNull();
    expect(findLoadedImage(pageWith([{ src: COVER }]), null)).toBeNull();
  });
});

describe('drawLeadThumbnail', () => {
  it('draws the page’s own image at most 320 px wide, as WebP', () => {
    const doc = pageWith([{ src: COVER, width: 1560 }]);
    const { drawn, canvas } = fakeCanvas(doc, () => WEBP);
    expect(drawLeadThumbnail(doc, COVER)).toEqual({ dataUrl: WEBP, width: 320, height: 181 });
    expect(drawn).toEqual([{ width: 320, height: 181 }]);
    expect(canvas.toDataURL).toHaveBeenCalledWith('image/webp', 0.8);
  });

  it('keeps a small image at its size', () => {
    const doc = pageWith([{ src: COVER, width: 200 }]);
    fakeCanvas(doc, () => WEBP);
    expect(drawLeadThumbnail(doc, COVER)).toMatchObject({ width: 200, height: 113 });
  });

  it('lowers the quality until the data: URL fits, then gives up', () => {
    const doc = pageWith([{ src: COVER }]);
    const huge = `data:image/webp;base64,${'A'.repeat(THUMBNAIL_MAX_LENGTH)}`;
    const { canvas } = fakeCanvas(doc, (type, quality) =>
      type === 'image/jpeg' && quality < 0.5 ? 'data:image/jpeg;base64,/9j/' : huge,
    );
    expect(drawLeadThumbnail(doc, COVER)?.dataUrl).toBe('data:image/jpeg;base64,/9j/');
    expect(canvas.toDataURL).toHaveBeenCalledTimes(4);

    const never = pageWith([{ src: COVER }]);
    fakeCanvas(never, () => huge);
    expect(drawLeadThumbnail(never, COVER)).toBeNull();
  });

  it('gives nothing for an image from another origin (the tainted canvas throws)', () => {
    const doc = pageWith([{ src: COVER }]);
    fakeCanvas(doc, () => {
      throw new DOMException('Tainted canvases may not be exported.', 'SecurityError');
    });
    expect(drawLeadThumbnail(doc, COVER)).toBeNull();
  });

  it('creates no canvas, and so no image, when the page shows no loaded copy', () => {
    const doc = pageWith([{ src: COVER, complete: false }]);
    const create = vi.spyOn(doc, 'createElement');
    expect(drawLeadThumbnail(doc, COVER)).toBeNull();
    expect(create).not.toHaveBeenCalled();
  });
});
