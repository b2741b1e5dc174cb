import { type DragEvent, type ReactNode, useId, useRef, useState } from 'react';
import type { MessageKey } from '../../../shared/i18n';
import { useT } from '../../i18n/useT';
import type { useAttachRunner } from './useAttachRunner';

type Runner = ReturnType<typeof useAttachRunner>;

/**
 * Where files come in: a drop zone, a file picker (several at once), optionally "keep the original",
 * then progress while they are processed and, afterwards, which files were refused and why.
 */
export function AttachInput({
  runner,
  accept,
  addLabel,
  dropLabel,
  keepOriginal,
  children,
}: {
  runner: Runner;
  accept: string;
  addLabel: MessageKey;
  dropLabel: MessageKey;
  /** The "保留原图" checkbox; only photos are reduced, so only they offer it. */
  keepOriginal?: { value: boolean; onChange: (value: boolean) => void } | undefined;
  children?: ReactNode;
}) {
  const t = useT();
  const inputRef = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const hintId = useId();
  const busy = runner.progress !== null;

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void runner.run(Array.from(e.dataTransfer.files));
  };

  return (
    <div className="attach-input">
      <section
        className={over ? 'attach-drop attach-drop--over' : 'attach-drop'}
        aria-label={t(dropLabel)}
        onDragOver={(e) => {
          if (!e.dataTransfer.types.includes('Files')) return;
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        // The window-level drop handler (pasteTarget) skips drops this zone has handled.
        onDrop={onDrop}
        data-testid="attach-drop"
      >
        <button type="button" className="btn" onClick={() => inputRef.current?.click()}>
          {t(addLabel)}
        </button>
        <span className="muted">{t(dropLabel)}</span>
        <input
          ref={inputRef}
          type="file"
          multiple
          accept={accept}
          hidden
          data-testid="attach-file-input"
          aria-label={t(addLabel)}
          onChange={(e) => {
            const files = Array.from(e.currentTarget.files ?? []);
            // Cleared so that choosing the same file again fires a change.
            e.currentTarget.value = '';
            void runner.run(files);
          }}
        />
      </section>
      {keepOriginal ? (
        <div className="attach-keep">
          <label>
            <input
              type="checkbox"
              checked={keepOriginal.value}
              aria-describedby={hintId}
              onChange={(e) => keepOriginal.onChange(e.currentTarget.checked)}
            />{' '}
            {t('attachments.keepOriginal')}
          </label>
          <span id={hintId} className="muted attach-keep__hint">
            {t('attachments.keepOriginalHint')}
          </span>
        </div>
      ) : null}
      <div aria-live="polite">
        {busy && runner.progress ? (
          <div className="attach-progress" role="status">
            <progress value={runner.progress.done} max={runner.progress.total} />
            <span>
              {t('attachments.processing', {
                name: runner.progress.name,
                done: runner.progress.done + 1,
                total: runner.progress.total,
              })}
            </span>
          </div>
        ) : runner.added > 0 ? (
          <div className="muted">{t('attachments.added', { count: runner.added })}</div>
        ) : null}
      </div>
      {runner.refused.length > 0 || runner.failure ? (
        <div className="attach-refused" role="alert">
          {runner.refused.length > 0 ? <strong>{t('attachments.refusedTitle')}</strong> : null}
          <ul>
            {runner.refused.map((r) => (
              <li key={r.key} data-testid="attach-refused">
                {t(r.message, r.params)}
              </li>
            ))}
            {runner.failure ? <li>{t('attachments.failed', { message: runner.failure })}</li> : null}
          </ul>
          <button type="button" className="btn btn--small" onClick={runner.dismiss}>
            {t('attachments.dismiss')}
          </button>
        </div>
      ) : null}
      {children}
    </div>
  );
}
