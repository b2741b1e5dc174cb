import { formatByteSize } from '../../../shared/blobs/size';
import { useBlobUrl } from '../../attachments';
import { useT } from '../../i18n/useT';
import { type AttachmentRow, displayName } from './AttachmentGrid';
import { BlobImage } from './BlobImage';
import { Modal } from './Modal';

/** A PDF scan: shown by the browser's viewer when it has one, with "open" and "save" either way. */
function PdfView({ item, tripId }: { item: AttachmentRow; tripId: string }) {
  const t = useT();
  const { url, state } = useBlobUrl(item.hash, 'full', tripId);
  if (!url) {
    return state === 'missing' ? (
      <BlobImage hash={item.hash} variant="full" tripId={tripId} alt={item.name} />
    ) : (
      <p className="muted">{t('attachments.loading')}</p>
    );
  }
  return (
    <div className="viewer__pdf">
      <object data={url} type="application/pdf" aria-label={item.name}>
        <p>{t('attachments.pdf.fallback')}</p>
      </object>
      <div className="viewer__pdf-actions">
        <a className="btn btn--small" href={url} target="_blank" rel="noreferrer">
          {t('attachments.pdf.open')}
        </a>
        <a className="btn btn--small" href={url} download={item.name || 'scan.pdf'}>
          {t('attachments.pdf.save')}
        </a>
      </div>
    </div>
  );
}

/**
 * Full-size viewer: the image fitted to the screen, its caption, when and where it was taken.
 * ←/→ browse, Escape closes, and focus goes back to the thumbnail that opened it. Keys are caught in
 * the capture phase so an agreement drawer underneath does not also close on the same Escape.
 */
export function Viewer({
  items,
  index,
  tripId,
  onIndex,
  onClose,
}: {
  items: readonly AttachmentRow[];
  index: number;
  tripId: string;
  onIndex: (index: number) => void;
  onClose: () => void;
}) {
  const t = useT();
  const onKey = (e: KeyboardEvent): boolean => {
    if (e.key === 'ArrowLeft' && index > 0) onIndex(index - 1);
    else if (e.key === 'ArrowRight' && index < items.length - 1) onIndex(index + 1);
    else return false;
    return true;
  };

  const item = items[index];
  if (!item) return null;
  const name = displayName(item, t('attachments.caption'));
  const taken = item.takenAt ? new Date(item.takenAt) : null;
  const time =
    taken && !Number.isNaN(taken.getTime())
      ? new Intl.DateTimeFormat(t.lang, { dateStyle: 'medium', timeStyle: 'short' }).format(taken)
      : null;

  return (
    <Modal
      label={t('attachments.viewer.label')}
      className="viewer"
      onClose={onClose}
      onKey={onKey}
      initialFocus=".viewer__close"
    >
      <div className="viewer__head">
        <span>{t('attachments.viewer.position', { index: index + 1, total: items.length })}</span>
        <span className="viewer__name">{name}</span>
        <button type="button" className="btn btn--ghost viewer__close" onClick={onClose}>
          {t('attachments.viewer.close')}
        </button>
      </div>
      <div className="viewer__stage">
        <button
          type="button"
          className="viewer__nav"
          onClick={() => onIndex(index - 1)}
          disabled={index === 0}
          aria-label={t('attachments.viewer.prev')}
        >
          ‹
        </button>
        {item.type === 'application/pdf' ? (
          <PdfView item={item} tripId={tripId} />
        ) : (
          <BlobImage
            key={item.id}
            hash={item.hash}
            variant="full"
            tripId={tripId}
            alt={item.caption || item.name}
            className="viewer__image"
          />
        )}
        <button
          type="button"
          className="viewer__nav"
          onClick={() => onIndex(index + 1)}
          disabled={index === items.length - 1}
          aria-label={t('attachments.viewer.next')}
        >
          ›
        </button>
      </div>
      <div className="viewer__meta">
        {item.caption ? <div className="viewer__caption">{item.caption}</div> : null}
        {time ? <div>{t('attachments.viewer.takenAt', { time })}</div> : null}
        {item.latitude !== null && item.longitude !== null ? (
          <div>
            {t('attachments.viewer.location', {
              lat: item.latitude.toFixed(5),
              lon: item.longitude.toFixed(5),
            })}
          </div>
        ) : null}
        {item.width > 0 ? (
          <div className="muted">
            {t('attachments.viewer.size', {
              width: item.width,
              height: item.height,
              size: formatByteSize(item.size),
            })}
          </div>
        ) : null}
      </div>
    </Modal>
  );
}
