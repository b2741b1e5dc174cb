/**
 * The drawing logic of the signature pad, kept free of the DOM so it can be tested without a canvas.
 *
 * Points are stored in units of the pad's width (x and y both divided by the width): the pad keeps a
 * fixed aspect ratio, so when the window is resized the signature is simply redrawn at the new scale
 * instead of being cut off or stretched.
 */
export type Point = { x: number; y: number; pressure: number };
export type Stroke = Point[];

/** Height of the pad as a share of its width (3:1, the shape of a signature line). */
export const PAD_ASPECT = 1 / 3;
/** Where the baseline sits, as a share of the pad's height. */
export const BASELINE_AT = 0.72;

/**
 * Points closer than this (in pad widths, ~1.5 px on a 600 px pad) add nothing but jitter: a pen
 * reports many events per pixel, and curves through them look shaky.
 */
const MIN_STEP = 0.0025;

/** The stroke with `p` appended, unless `p` is too close to the last point to matter. */
export function addPoint(stroke: Stroke, p: Point): Stroke {
  const last = stroke[stroke.length - 1];
  if (last && Math.hypot(p.x - last.x, p.y - last.y) < MIN_STEP) return stroke;
  return [...stroke, p];
}

/** A pointer position in pad units, from client coordinates and the pad's bounding box. */
export function toPadPoint(
  clientX: number,
  clientY: number,
  box: { left: number; top: number; width: number },
  pressure: number,
): Point {
  const width = box.width || 1;
  // Mouse events report pressure 0.5 while a button is down, 0 otherwise; treat 0 as "normal".
  return { x: (clientX - box.left) / width, y: (clientY - box.top) / width, pressure: pressure || 0.5 };
}

export type PathCommand =
  | { op: 'dot'; x: number; y: number; r: number }
  | { op: 'move'; x: number; y: number }
  | { op: 'quad'; cx: number; cy: number; x: number; y: number }
  | { op: 'line'; x: number; y: number };

/**
 * Drawing commands for one stroke at `scale` pixels per pad unit. The curve passes through the
 * midpoints between recorded points with the points themselves as control points (the classic
 * quadratic smoothing): no corners where the pointer sampled coarsely, and no overshoot.
 */
export function strokePath(stroke: Stroke, scale: number, lineWidth: number): PathCommand[] {
  const first = stroke[0];
  if (!first) return [];
  if (stroke.length === 1) return [{ op: 'dot', x: first.x * scale, y: first.y * scale, r: lineWidth / 2 }];
  const commands: PathCommand[] = [{ op: 'move', x: first.x * scale, y: first.y * scale }];
  for (let i = 1; i < stroke.length - 1; i++) {
    const p = stroke[i] as Point;
    const next = stroke[i + 1] as Point;
    commands.push({
      op: 'quad',
      cx: p.x * scale,
      cy: p.y * scale,
      x: ((p.x + next.x) / 2) * scale,
      y: ((p.y + next.y) / 2) * scale,
    });
  }
  const last = stroke[stroke.length - 1] as Point;
  commands.push({ op: 'line', x: last.x * scale, y: last.y * scale });
  return commands;
}

/** The subset of CanvasRenderingContext2D the pad uses, so tests can record the calls. */
export type Ink = Pick<
  CanvasRenderingContext2D,
  | 'beginPath'
  | 'moveTo'
  | 'quadraticCurveTo'
  | 'lineTo'
  | 'arc'
  | 'stroke'
  | 'fill'
  | 'clearRect'
  | 'fillText'
  | 'setLineDash'
  | 'lineWidth'
  | 'lineCap'
  | 'lineJoin'
  | 'strokeStyle'
  | 'fillStyle'
  | 'font'
  | 'textBaseline'
>;

export type SheetOptions = {
  /** Pad width in pixels; the height follows PAD_ASPECT. */
  width: number;
  party: string;
  /** Draw the dashed baseline and party name (on screen, and on the saved PNG). */
  guides: boolean;
  ink?: string;
};

/** Pen width for a pad of `width` pixels: thicker on a big pad so the saved image reads the same. */
export const penWidth = (width: number, pressure = 0.5): number =>
  Math.max(1.5, width * 0.006 * (0.6 + pressure * 0.8));

/**
 * Draws the whole sheet: cleared to transparent (so the PNG has no background), the baseline with the
 * party's name under it, then every stroke.
 */
export function drawSheet(ctx: Ink, strokes: readonly Stroke[], options: SheetOptions): void {
  const { width, party, guides } = options;
  const height = width * PAD_ASPECT;
  const ink = options.ink ?? '#1b2a4a';
  ctx.clearRect(0, 0, width, height);
  if (guides) {
    const y = height * BASELINE_AT;
    ctx.beginPath();
    ctx.setLineDash([6, 4]);
    ctx.lineWidth = 1;
    ctx.strokeStyle = '#8a94a6';
    ctx.moveTo(width * 0.04, y);
    ctx.lineTo(width * 0.96, y);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = '#5b6475';
    ctx.font = `${Math.round(Math.max(11, width * 0.024))}px sans-serif`;
    ctx.textBaseline = 'top';
    ctx.fillText(party, width * 0.04, y + height * 0.06);
  }
  ctx.strokeStyle = ink;
  ctx.fillStyle = ink;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const stroke of strokes) {
    const avg = stroke.reduce((sum, p) => sum + p.pressure, 0) / (stroke.length || 1);
    const lw = penWidth(width, avg);
    ctx.lineWidth = lw;
    ctx.beginPath();
    for (const c of strokePath(stroke, width, lw)) {
      if (c.op === 'dot') {
        ctx.arc(c.x, c.y, c.r, 0, Math.PI * 2);
        ctx.fill();
      } else if (c.op === 'move') ctx.moveTo(c.x, c.y);
      else if (c.op === 'quad') ctx.quadraticCurveTo(c.cx, c.cy, c.x, c.y);
      else ctx.lineTo(c.x, c.y);
    }
    if (stroke.length > 1) ctx.stroke();
  }
}

/** Whether there is anything worth saving: at least one stroke with some length, or a few dots. */
export function hasInk(strokes: readonly Stroke[]): boolean {
  return strokes.some((s) => s.length > 1) || strokes.length >= 3;
}

/** Width in pixels of the saved signature PNG: sharp in the report, small on disk. */
export const EXPORT_WIDTH = 900;
