/**
 * The app icons, drawn in code so they are ours and can be regenerated, and the checks Teams applies
 * to them: color 192×192, outline 32×32 white on a transparent background.
 */
import * as fs from 'fs';
import * as path from 'path';
import { PNG } from 'pngjs';

export const COLOR_SIZE = 192;
export const OUTLINE_SIZE = 32;
/** Also the manifest's accentColor, so the tile and the Teams chrome around it agree. */
export const BRAND_BLUE: readonly [number, number, number] = [0x00, 0x78, 0xd4];

type Point = readonly [number, number];

/**
 * The mark: two arcs of a circle chasing each other clockwise, each ending in an arrowhead
 * (the usual "sync" symbol). Coordinates are in units of the symbol's radius, y pointing up.
 */
function insideSyncMark(x: number, y: number, thickness: number): boolean {
  const radius = 0.72;
  const inner = radius - thickness / 2;
  const outer = radius + thickness / 2;
  const r = Math.hypot(x, y);
  const angle = (Math.atan2(y, x) * 180) / Math.PI;
  const a = angle < 0 ? angle + 360 : angle;
  // Each arc runs counter-clockwise from its arrowhead end; the gaps between them sit at 10 and 190 degrees.
  const arcs: readonly (readonly [number, number])[] = [
    [28, 168],
    [208, 348],
  ];
  if (r >= inner && r <= outer && arcs.some(([from, to]) => a >= from && a <= to)) return true;

  // Arrowheads at the clockwise end of each arc, pointing clockwise along the circle.
  const head = thickness * 1.25;
  return arcs.some(([from]) => {
    const base = (from * Math.PI) / 180;
    const tipAngle = base - (thickness * 1.9) / radius;
    const tip: Point = [radius * Math.cos(tipAngle), radius * Math.sin(tipAngle)];
    const b1: Point = [(radius + head) * Math.cos(base), (radius + head) * Math.sin(base)];
    const b2: Point = [(radius - head) * Math.cos(base), (radius - head) * Math.sin(base)];
    return insideTriangle([x, y], tip, b1, b2);
  });
}

function insideTriangle(p: Point, a: Point, b: Point, c: Point): boolean {
  const cross = (o: Point, u: Point, v: Point): number => (u[0] - o[0]) * (v[1] - o[1]) - (u[1] - o[1]) * (v[0] - o[0]);
  const d1 = cross(p, a, b);
  const d2 = cross(p, b, c);
  const d3 = cross(p, c, a);
  const hasNegative = d1 < 0 || d2 < 0 || d3 < 0;
  const hasPositive = d1 > 0 || d2 > 0 || d3 > 0;
  return !(hasNegative && hasPositive);
}

/** Fraction of the pixel covered by the mark, from a 4×4 grid of samples: cheap anti-aliasing. */
function coverage(px: number, py: number, size: number, symbolRadiusPx: number, thickness: number): number {
  const samples = 4;
  let hits = 0;
  for (let sy = 0; sy < samples; sy++) {
    for (let sx = 0; sx < samples; sx++) {
      const x = (px + (sx + 0.5) / samples - size / 2) / symbolRadiusPx;
      const y = -(py + (sy + 0.5) / samples - size / 2) / symbolRadiusPx;
      if (insideSyncMark(x, y, thickness)) hits++;
    }
  }
  return hits / (samples * samples);
}

function encode(size: number, pixel: (x: number, y: number) => readonly [number, number, number, number]): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const i = (y * size + x) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = a;
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

/** Full-bleed blue tile (Teams rounds the corners itself) with the white mark in the middle half. */
export function drawColorIcon(): Buffer {
  const size = COLOR_SIZE;
  const [br, bg, bb] = BRAND_BLUE;
  return encode(size, (x, y) => {
    const c = coverage(x, y, size, size * 0.3, 0.2);
    const blend = (from: number): number => Math.round(from + (255 - from) * c);
    return [blend(br), blend(bg), blend(bb), 255];
  });
}

/** White mark only; everything else fully transparent, as Teams requires for the outline icon. */
export function drawOutlineIcon(): Buffer {
  const size = OUTLINE_SIZE;
  return encode(size, (x, y) => {
    const c = coverage(x, y, size, size * 0.42, 0.24);
    return [255, 255, 255, Math.round(255 * c)];
  });
}

export interface IconNames {
  readonly color: string;
  readonly outline: string;
}

export const DEFAULT_ICON_NAMES: IconNames = { color: 'color.png', outline: 'outline.png' };

function readPng(file: string, label: string, problems: string[]): PNG | undefined {
  if (!fs.existsSync(file)) {
    problems.push(`${label} icon ${file} is missing; run npm run icons to draw it.`);
    return undefined;
  }
  try {
    return PNG.sync.read(fs.readFileSync(file));
  } catch (error) {
    problems.push(`${label} icon ${file} is not a readable PNG: ${(error as Error).message}`);
    return undefined;
  }
}

/** The icon names come from the manifest; they must be bare file names because the zip is flat. */
export function checkIcons(dir: string, names: IconNames = DEFAULT_ICON_NAMES): string[] {
  const problems: string[] = [];
  for (const [label, name] of Object.entries(names)) {
    if (path.basename(name) !== name)
      problems.push(`icons.${label} "${name}" must be a file name at the package root, without folders.`);
  }
  if (problems.length) return problems;

  const color = readPng(path.join(dir, names.color), 'color', problems);
  if (color && (color.width !== COLOR_SIZE || color.height !== COLOR_SIZE)) {
    problems.push(
      `color icon ${names.color} is ${color.width}×${color.height}; Teams needs ${COLOR_SIZE}×${COLOR_SIZE}.`,
    );
  }

  const outline = readPng(path.join(dir, names.outline), 'outline', problems);
  if (outline) {
    if (outline.width !== OUTLINE_SIZE || outline.height !== OUTLINE_SIZE) {
      problems.push(
        `outline icon ${names.outline} is ${outline.width}×${outline.height}; Teams needs ${OUTLINE_SIZE}×${OUTLINE_SIZE}.`,
      );
    }
    let transparent = 0;
    let coloured = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const alpha = outline.data[i + 3] ?? 0;
      if (alpha === 0) transparent++;
      else if ((outline.data[i] ?? 0) < 240 || (outline.data[i + 1] ?? 0) < 240 || (outline.data[i + 2] ?? 0) < 240)
        coloured++;
    }
    if (transparent === 0)
      problems.push(`outline icon ${names.outline} has no transparent pixels; its background must be transparent.`);
    if (coloured > 0)
      problems.push(
        `outline icon ${names.outline} has ${coloured} visible pixels that are not white; Teams tints the outline and expects white only.`,
      );
  }
  return problems;
}

/** The RGBA pixels of a PNG, to compare committed icons with what the generator draws today. */
export function pixelsOf(png: Buffer): { width: number; height: number; data: Buffer } {
  const decoded = PNG.sync.read(png);
  return { width: decoded.width, height: decoded.height, data: decoded.data };
}
