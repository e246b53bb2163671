import { describe, expect, it } from 'vitest';
import {
  buildPastePayload,
  type PasteSpot,
} from '../../../../utils/core/attribution/paste-payload';

const SOURCE = { url: 'https://caliber.az/en/post/story', language: 'az' };
const TEMPLATE = { plain: '{label} ({accessed}): {url}', html: '{url} — {label}' };
const NOW = new Date(2025, 11, 31, 12);
const LINE = `Mənbə (2025-12-31): ${SOURCE.url}`;
const PASTED = { plain: 'Pasted words here.', html: '<p>Pasted words here.</p>' };

const spot = (kind: PasteSpot['kind'], extra: Partial<PasteSpot> = {}): PasteSpot => ({
  kind,
  singleLine: false,
  textFollows: false,
  ...extra,
});

describe('buildPastePayload with the user’s template', () => {
  it('puts the template’s line where the default one would go, in both flavours', () => {
    const rich = buildPastePayload(PASTED, SOURCE, 'end', spot('rich'), TEMPLATE, NOW);
    expect(rich.plain).toBe(`${PASTED.plain}\n\n${LINE}`);
    expect(rich.html).toBe(
      `${PASTED.html}<p data-linkback="attribution"><a href="${SOURCE.url}">${SOURCE.url}</a> — Mənbə</p>`,
    );
    expect(rich.additions.after.plain).toBe(`\n\n${LINE}`);
  });

  it('follows the placement and the field: first, or on the same line of a one-line field', () => {
    const first = buildPastePayload(PASTED, SOURCE, 'start', spot('plain'), TEMPLATE, NOW);
    expect(first.plain).toBe(`${LINE}\n\n${PASTED.plain}`);
    const line = buildPastePayload(
      PASTED,
      SOURCE,
      'end',
      spot('plain', { singleLine: true, textFollows: true }),
      TEMPLATE,
      NOW,
    );
    expect(line.plain).toBe(`${PASTED.plain} ${LINE} `);
    expect(line.html).toBe('');
  });

  it('writes the default line without a template', () => {
    const out = buildPastePayload(PASTED, SOURCE, 'end', spot('code'), null, NOW);
    expect(out.plain).toBe(`${PASTED.plain}\n\nMənbə: ${SOURCE.url}`);
  });
});
