import { type KeyboardEvent, useState } from 'react';
import { updateCaption } from '../../attachments';
import { useT } from '../../i18n/useT';

/**
 * A caption under a thumbnail: text to read, and for people who may edit, a button that turns into
 * an input (Enter or leaving the field saves, Escape cancels).
 */
export function CaptionEditor({
  id,
  caption,
  name,
  readOnly,
}: {
  id: string;
  caption: string;
  name: string;
  readOnly: boolean;
}) {
  const t = useT();
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (readOnly) {
    return (
      <div className="attach-caption">
        {caption || <span className="muted">{t('attachments.captionNone')}</span>}
      </div>
    );
  }
  const commit = async (value: string) => {
    setEditing(null);
    if (value.trim() === caption) return;
    try {
      await updateCaption(id, value.trim());
      setError(null);
    } catch (err) {
      setError(t('attachments.failed', { message: err instanceof Error ? err.message : String(err) }));
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Handled here and stopped: the agreement form saves itself on Enter, the visit form on Ctrl+Enter.
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      e.stopPropagation();
      void commit(e.currentTarget.value);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setEditing(null);
    }
  };
  if (editing !== null) {
    return (
      <input
        className="attach-caption__input"
        value={editing}
        maxLength={400}
        aria-label={t('attachments.captionEdit', { name })}
        autoFocus
        onChange={(e) => setEditing(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        onBlur={(e) => void commit(e.currentTarget.value)}
      />
    );
  }
  return (
    <>
      <button
        type="button"
        className="attach-caption attach-caption--edit"
        aria-label={t('attachments.captionEdit', { name })}
        onClick={() => setEditing(caption)}
      >
        {caption || <span className="muted">{t('attachments.captionPlaceholder')}</span>}
      </button>
      {error ? <div className="field__error">{error}</div> : null}
    </>
  );
}
