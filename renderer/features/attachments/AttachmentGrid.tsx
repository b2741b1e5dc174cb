import { useUnsentHashes } from '../../attachments/sync';
import type { Stored } from '../../db/types';
import { useT } from '../../i18n/useT';
import { BlobImage } from './BlobImage';
import { CaptionEditor } from './CaptionEditor';
import { RemoveButton } from './RemoveButton';

export type AttachmentRow = Stored<'attachments'>;

/** The name to show for an attachment: its file name, else its caption, else its kind. */
export function displayName(a: AttachmentRow, fallback: string): string {
  return a.name || a.caption || fallback;
}

/**
 * Thumbnails in a wrapping grid, each with its caption under it. A photo list of one visit stays in
 * the tens, so a plain grid with lazy images is enough (no virtualisation needed).
 */
export function AttachmentGrid({
  items,
  tripId,
  readOnly,
  onOpen,
}: {
  items: readonly AttachmentRow[];
  tripId: string;
  readOnly: boolean;
  onOpen: (index: number) => void;
}) {
  const t = useT();
  const unsent = useUnsentHashes(tripId);
  return (
    <ul className="attach-grid">
      {items.map((a, index) => {
        const name = displayName(a, t('attachments.caption'));
        const pdf = a.type === 'application/pdf';
        return (
          <li key={a.id} className="attach-tile" data-testid="attach-tile">
            <button
              type="button"
              className="attach-tile__open"
              aria-label={t('attachments.open', { name })}
              onClick={() => onOpen(index)}
            >
              {pdf ? (
                <span className="attach-pdf">
                  <span className="attach-pdf__icon" aria-hidden="true">
                    PDF
                  </span>
                  <span className="attach-pdf__name">{a.name}</span>
                </span>
              ) : (
                <BlobImage hash={a.hash} variant="thumb" tripId={tripId} alt={a.caption || a.name} />
              )}
            </button>
            {unsent.has(a.hash) ? (
              <span className="attach-tile__unsent" title={t('attachments.notUploadedHint')}>
                {t('attachments.notUploaded')}
              </span>
            ) : null}
            <CaptionEditor id={a.id} caption={a.caption} name={name} readOnly={readOnly} />
            {readOnly ? null : <RemoveButton id={a.id} name={name} />}
          </li>
        );
      })}
    </ul>
  );
}
