import { describe, expect, it } from 'vitest';
import {
  addPoint,
  BASELINE_AT,
  drawSheet,
  hasInk,
  type Ink,
  PAD_ASPECT,
  type Stroke,
  strokePath,
  toPadPoint,
} from '../../../renderer/features/attachments/strokes';

/** A 2D context that records what is drawn: the pad's drawing logic without a canvas (jsdom has none). */
function recorder() {
  const calls: string[] = [];
  const ctx = new Proxy({} as Record<string, unknown>, {
    get: (target, key: string) =>
      key in target
        ? target[key]
        : (...args: unknown[]) =>
            calls.push(
              `${key}(${args.map((a) => (typeof a === 'number' ? Math.round(a) : JSON.stringify(a))).join(',')})`,
            ),
    set: (target, key: string, value) => {
      target[key] = value;
      calls.push(`${key}=${typeof value === 'number' ? Math.round(value) : value}`);
      return true;
    },
  });
  return { ctx: ctx as unknown as Ink, calls };
}

const p = (x: number, y: number, pressure = 0.5) => ({ x, y, pressure });

describe('signature strokes', () => {
  it('drops points too close to the last one (pen jitter) and keeps real movement', () => {
    let s: Stroke = [p(0.1, 0.1)];
    s = addPoint(s, p(0.1005, 0.1005));
    expect(s).toHaveLength(1);
    s = addPoint(s, p(0.12, 0.1));
    expect(s).toHaveLength(2);
  });

  it('stores points in pad widths, so the same gesture is the same stroke at any pad size', () => {
    const small = toPadPoint(160, 70, { left: 10, top: 20, width: 300 }, 0.5);
    const big = toPadPoint(310, 120, { left: 10, top: 20, width: 600 }, 0.5);
    expect(small).toEqual(big);
    expect(small).toEqual({ x: 0.5, y: 50 / 300, pressure: 0.5 });
    // a mouse reports pressure 0 between events: treated as normal pressure, not an invisible line
    expect(toPadPoint(0, 0, { left: 0, top: 0, width: 100 }, 0).pressure).toBe(0.5);
  });

  it('smooths a stroke with quadratic curves through the midpoints, scaled to the pad', () => {
    const path = strokePath([p(0, 0), p(0.1, 0), p(0.2, 0.1), p(0.3, 0.1)], 1000, 4).map((c) =>
      Object.fromEntries(
        Object.entries(c).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v]),
      ),
    );
    expect(path).toEqual([
      { op: 'move', x: 0, y: 0 },
      { op: 'quad', cx: 100, cy: 0, x: 150, y: 50 },
      { op: 'quad', cx: 200, cy: 100, x: 250, y: 100 },
      { op: 'line', x: 300, y: 100 },
    ]);
    expect(strokePath([p(0.5, 0.1)], 200, 4)).toEqual([{ op: 'dot', x: 100, y: 20, r: 2 }]);
    expect(strokePath([], 200, 4)).toEqual([]);
  });

  it('draws a transparent sheet with the baseline, the party name and the strokes', () => {
    const { ctx, calls } = recorder();
    drawSheet(ctx, [[p(0.1, 0.2), p(0.2, 0.25), p(0.3, 0.2)]], {
      width: 900,
      party: '重庆东嶅药业有限公司',
      guides: true,
    });
    const height = 900 * PAD_ASPECT;
    expect(calls[0]).toBe(`clearRect(0,0,900,${height})`); // cleared, never filled: the PNG stays transparent
    expect(calls).not.toContain('fillRect');
    expect(calls).toContain(`lineTo(864,${Math.round(height * BASELINE_AT)})`);
    expect(calls.some((c) => c.startsWith('fillText("重庆东嶅药业有限公司"'))).toBe(true);
    expect(calls).toContain('quadraticCurveTo(180,225,225,203)');
    expect(calls[calls.length - 1]).toBe('stroke()');
  });

  it('without guides, only the strokes are drawn', () => {
    const { ctx, calls } = recorder();
    drawSheet(ctx, [[p(0.1, 0.1)]], { width: 300, party: 'x', guides: false });
    expect(calls.some((c) => c.startsWith('fillText'))).toBe(false);
    expect(calls.some((c) => c.startsWith('arc('))).toBe(true);
  });

  it('an empty pad or a stray click is not a signature', () => {
    expect(hasInk([])).toBe(false);
    expect(hasInk([[p(0.1, 0.1)]])).toBe(false);
    expect(hasInk([[p(0.1, 0.1), p(0.2, 0.2)]])).toBe(true);
  });
});
