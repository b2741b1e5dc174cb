import { useBlobUrl } from '../../attachments';
import { useT } from '../../i18n/useT';

/**
 * One stored image by its hash. A blob that has not reached this device yet is normal (another
 * device took the photo and the download waits for a sync): it shows a calm placeholder, not an error.
 */
export function BlobImage({
  hash,
  variant,
  tripId,
  alt,
  className,
}: {
  hash: string;
  variant: 'full' | 'thumb';
  tripId: string;
  alt: string;
  className?: string;
}) {
  const t = useT();
  const { url, state } = useBlobUrl(hash, variant, tripId);
  if (url) {
    return (
      <img src={url} alt={alt} className={className} loading="lazy" decoding="async" draggable={false} />
    );
  }
  if (state === 'missing') {
    return (
      <span className="blob-missing" data-testid="blob-missing">
        <span aria-hidden="true" className="blob-missing__icon">
          ⛅
        </span>
        <span>{t('attachments.missing')}</span>
        <span className="muted">{t('attachments.missingHint')}</span>
      </span>
    );
  }
  return (
    <span className="blob-loading" role="status">
      {t('attachments.loading')}
    </span>
  );
}
