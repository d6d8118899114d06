/**
 * The app's two icons, drawn in code: a magnifying glass (inspection) over a page.
 * Teams wants a 192×192 colour icon (the symbol on a solid background) and a 32×32
 * outline icon (white on transparent, nothing else).
 */
import { encodePng } from "./png.js";

/** Distance from point p to the segment a–b. */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** True where the glyph is, in unit coordinates (0..1 both ways, y down). */
function inGlyph(x: number, y: number): boolean {
  const ring = Math.abs(Math.hypot(x - 0.42, y - 0.42) - 0.25) < 0.065;
  const handle = segmentDistance(x, y, 0.6, 0.6, 0.84, 0.84) < 0.08;
  // Two text lines inside the lens: "the report".
  const lines = (Math.abs(y - 0.37) < 0.03 || Math.abs(y - 0.48) < 0.03) && x > 0.3 && x < 0.54;
  return ring || handle || lines;
}

/** Coverage of the glyph over one pixel, 4×4 supersampled for smooth edges. */
function coverage(px: number, py: number, size: number, inset: number): number {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const u = ((px + (sx + 0.5) / 4) / size - inset) / (1 - 2 * inset);
      const v = ((py + (sy + 0.5) / 4) / size - inset) / (1 - 2 * inset);
      if (u >= 0 && u <= 1 && v >= 0 && v <= 1 && inGlyph(u, v)) hits++;
    }
  }
  return hits / 16;
}

function hexToRgb(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #RRGGBB colour: ${hex}`);
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
}

/** The 192×192 colour icon: a white glyph on the accent colour (Teams rounds the corners itself). */
export function colorIcon(accentColor: string, size = 192): Buffer {
  const [r, g, b] = hexToRgb(accentColor);
  const px = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // The glyph keeps to the middle, clear of the corners Teams crops.
      const c = coverage(x, y, size, 0.18);
      const i = (y * size + x) * 4;
      px[i] = Math.round(r + (255 - r) * c);
      px[i + 1] = Math.round(g + (255 - g) * c);
      px[i + 2] = Math.round(b + (255 - b) * c);
      px[i + 3] = 255;
    }
  }
  return encodePng(size, size, px);
}

/** The 32×32 outline icon: white, with the glyph's coverage as alpha, on transparent. */
export function outlineIcon(size = 32): Buffer {
  const px = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      px[i] = px[i + 1] = px[i + 2] = 255;
      px[i + 3] = Math.round(255 * coverage(x, y, size, 0.02));
    }
  }
  return encodePng(size, size, px);
}
