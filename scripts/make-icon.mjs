// Draws build/icon.png (512×512: electron-builder derives the Windows, macOS and Linux icons from it):
// a taped cardboard box on a blue rounded square. Code rather than a binary from a design tool, so
// the icon can be changed in review. Usage: node scripts/make-icon.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4;

const colors = {
  background: [24, 100, 171],
  top: [244, 200, 138],
  left: [217, 163, 95],
  right: [185, 127, 63],
  tapeTop: [140, 90, 43],
  tapeRight: [112, 70, 32],
  edge: [90, 56, 24],
};

const T = [256, 92];
const R = [398, 174];
const C = [256, 256];
const L = [114, 174];
const B = [256, 420];
const sub = (a, b) => [a[0] - b[0], a[1] - b[1]];

/** Coordinates of p in the parallelogram origin + a·e1 + b·e2; inside when both lie in [0, 1]. */
function faceCoords(p, origin, e1, e2) {
  const d = sub(p, origin);
  const det = e1[0] * e2[1] - e1[1] * e2[0];
  return [(d[0] * e2[1] - d[1] * e2[0]) / det, (e1[0] * d[1] - e1[1] * d[0]) / det];
}

const inside = ([a, b]) => a >= 0 && a <= 1 && b >= 0 && b <= 1;
const nearEdge = ([a, b], w) => a < w || a > 1 - w || b < w || b > 1 - w;
const TAPE = [0.42, 0.58];
const EDGE = 0.018;

function colorAt(x, y) {
  const corner = 96;
  const cx = Math.min(Math.max(x, corner), SIZE - corner);
  const cy = Math.min(Math.max(y, corner), SIZE - corner);
  if ((x - cx) ** 2 + (y - cy) ** 2 > corner ** 2) return null;

  const p = [x, y];
  const top = faceCoords(p, T, sub(L, T), sub(R, T));
  if (inside(top)) {
    if (nearEdge(top, EDGE)) return colors.edge;
    return top[0] >= TAPE[0] && top[0] <= TAPE[1] ? colors.tapeTop : colors.top;
  }
  const left = faceCoords(p, C, sub(L, C), sub(B, C));
  if (inside(left)) return nearEdge(left, EDGE) ? colors.edge : colors.left;
  const right = faceCoords(p, C, sub(R, C), sub(B, C));
  if (inside(right)) {
    if (nearEdge(right, EDGE)) return colors.edge;
    const a = right[0];
    return a >= 1 - TAPE[1] && a <= 1 - TAPE[0] && right[1] < 0.45 ? colors.tapeRight : colors.right;
  }
  return colors.background;
}

function render() {
  const rowBytes = SIZE * 4 + 1;
  const raw = Buffer.alloc(rowBytes * SIZE);
  for (let y = 0; y < SIZE; y++) {
    raw[y * rowBytes] = 0;
    for (let x = 0; x < SIZE; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colorAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
          if (!c) continue;
          sum[0] += c[0];
          sum[1] += c[1];
          sum[2] += c[2];
          sum[3] += 255;
        }
      }
      const n = SAMPLES * SAMPLES;
      const covered = sum[3] / 255;
      const offset = y * rowBytes + 1 + x * 4;
      // Straight (not premultiplied) alpha: colour is the mean of the covered samples only.
      raw[offset] = covered ? Math.round(sum[0] / covered) : 0;
      raw[offset + 1] = covered ? Math.round(sum[1] / covered) : 0;
      raw[offset + 2] = covered ? Math.round(sum[2] / covered) : 0;
      raw[offset + 3] = Math.round(sum[3] / n);
    }
  }
  return raw;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png() {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(render(), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const target = join(dirname(fileURLToPath(import.meta.url)), '../build/icon.png');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, png());
console.log(`Wrote ${target}`);
