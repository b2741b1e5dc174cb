import { type PointerEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/useT';
import { addPoint, drawSheet, EXPORT_WIDTH, hasInk, PAD_ASPECT, type Stroke, toPadPoint } from './strokes';

/** Renders the strokes onto a fresh canvas of EXPORT_WIDTH and returns it as a transparent PNG. */
function exportPng(strokes: readonly Stroke[], party: string): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = EXPORT_WIDTH;
  canvas.height = Math.round(EXPORT_WIDTH * PAD_ASPECT);
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.reject(new Error('canvas'));
  drawSheet(ctx, strokes, { width: EXPORT_WIDTH, party, guides: true });
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob'))), 'image/png'),
  );
}

/**
 * A canvas to sign on with a mouse, a pen or a finger (pointer events cover all three). The strokes
 * are kept as data in pad units and the canvas is only their picture, so a resize (window, rotation
 * of a tablet) redraws the same signature at the new size. Saved as a PNG with a transparent
 * background, the baseline and the party's name, so the image stands on its own in a report.
 */
export function SignaturePad({
  party,
  onSave,
  onCancel,
}: {
  party: string;
  onSave: (png: Blob) => Promise<void> | void;
  onCancel: () => void;
}) {
  const t = useT();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [strokes, setStrokes] = useState<Stroke[]>([]);
  const drawing = useRef<Stroke | null>(null);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const redraw = useCallback(
    (all: readonly Stroke[]) => {
      const canvas = canvasRef.current;
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) return;
      const box = canvas.getBoundingClientRect();
      const ratio = window.devicePixelRatio || 1;
      // The bitmap follows the displayed size × device pixels, so lines stay crisp on HiDPI screens.
      const w = Math.max(1, Math.round(box.width * ratio));
      const h = Math.max(1, Math.round(box.width * PAD_ASPECT * ratio));
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
      }
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      drawSheet(ctx, all, { width: box.width, party, guides: true });
    },
    [party],
  );

  useEffect(() => {
    redraw(strokes);
  }, [redraw, strokes]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() =>
      redraw(drawing.current ? [...strokes, drawing.current] : strokes),
    );
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [redraw, strokes]);

  const pointAt = (e: PointerEvent<HTMLCanvasElement>) =>
    toPadPoint(e.clientX, e.clientY, e.currentTarget.getBoundingClientRect(), e.pressure);

  const onDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture?.(e.pointerId);
    drawing.current = [pointAt(e)];
    setMessage(null);
    redraw([...strokes, drawing.current]);
  };
  const onMove = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    // Coalesced events carry the points the browser merged between frames: a fast pen stroke keeps
    // its shape instead of becoming a polygon.
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
    const box = e.currentTarget.getBoundingClientRect();
    let stroke = drawing.current;
    for (const ev of events.length > 0 ? events : [e.nativeEvent]) {
      stroke = addPoint(stroke, toPadPoint(ev.clientX, ev.clientY, box, ev.pressure));
    }
    drawing.current = stroke;
    redraw([...strokes, stroke]);
  };
  const onUp = () => {
    const stroke = drawing.current;
    drawing.current = null;
    if (stroke) setStrokes((prev) => [...prev, stroke]);
  };

  const save = async () => {
    if (!hasInk(strokes)) {
      setMessage(t('attachments.pad.empty'));
      return;
    }
    setSaving(true);
    try {
      await onSave(await exportPng(strokes, party));
    } catch (err) {
      setMessage(t('attachments.failed', { message: err instanceof Error ? err.message : String(err) }));
      setSaving(false);
    }
  };

  return (
    <div className="signature-pad">
      <canvas
        ref={canvasRef}
        className="signature-pad__canvas"
        aria-label={t('attachments.pad.label')}
        data-testid="signature-canvas"
        // Focusable so a keyboard user lands here, reads the hint and can Tab on to "skip".
        tabIndex={0}
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
        onPointerCancel={onUp}
      />
      <p className="muted signature-pad__hint">{t('attachments.pad.hint')}</p>
      {message ? (
        <p className="field__error" role="alert">
          {message}
        </p>
      ) : null}
      <div className="signature-pad__actions">
        <button type="button" className="btn" onClick={() => setStrokes([])} disabled={strokes.length === 0}>
          {t('attachments.pad.clear')}
        </button>
        <span className="signature-pad__right">
          <button type="button" className="btn" onClick={onCancel}>
            {t('attachments.pad.skip')}
          </button>
          <button type="button" className="btn btn--primary" onClick={() => void save()} disabled={saving}>
            {saving ? t('action.saving') : t('attachments.pad.save')}
          </button>
        </span>
      </div>
    </div>
  );
}
