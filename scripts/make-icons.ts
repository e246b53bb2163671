// Draws the toolbar icons (two chain links on a disc) into public/icon*/SIZE.png.
// Run once after changing the design: `tsx scripts/make-icons.ts`. No image tools needed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const VARIANTS = { icon: [107, 114, 128], 'icon-active': [11, 107, 203] } as const;

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

function png(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++)
    rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Distance from (x, y) to a stadium (rounded bar) centred at (cx, cy), tilted 45°. */
function ringDistance(x: number, y: number, cx: number, cy: number): number {
  const u = (x - cx + (y - cy)) / Math.SQRT2;
  const v = (y - cy - (x - cx)) / Math.SQRT2;
  const half = 0.12;
  const du = Math.max(Math.abs(u) - half, 0);
  return Math.abs(Math.hypot(du, v) - 0.13);
}

function draw(size: number, [r, g, b]: readonly [number, number, number]): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let disc = 0;
      let link = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (Math.hypot(x - 0.5, y - 0.5) <= 0.48) disc++;
          const stroke = size <= 16 ? 0.075 : 0.055;
          if (ringDistance(x, y, 0.4, 0.6) < stroke || ringDistance(x, y, 0.6, 0.4) < stroke)
            link++;
        }
      }
      const n = samples * samples;
      const i = (py * size + px) * 4;
      const white = link / n;
      out[i] = Math.round(r * (1 - white) + 255 * white);
      out[i + 1] = Math.round(g * (1 - white) + 255 * white);
      out[i + 2] = Math.round(b * (1 - white) + 255 * white);
      out[i + 3] = Math.round((255 * disc) / n);
    }
  }
  return out;
}

for (const [folder, colour] of Object.entries(VARIANTS)) {
  mkdirSync(`public/${folder}`, { recursive: true });
  for (const size of SIZES)
    writeFileSync(`public/${folder}/${size}.png`, png(size, draw(size, colour)));
}
console.log('icons written');
