import { useState } from 'react';
import {
  retryFailedUpload,
  type TripUploads,
  uploadFailureText,
  useUploadsOverview,
} from '../../attachments/sync';
import { Badge, Panel } from '../../components/layout';
import { useT } from '../../i18n/useT';

/**
 * 附件上传: per trip, how many files wait (and why, when it is the trip that has not synced yet) and
 * which the server refused, with its reason in the user's words and "Try again". Refusals are rare
 * (a file over the server's limit, a person not in the team), so a plain list is enough.
 */
export function UploadsPanel() {
  const t = useT();
  const trips = useUploadsOverview();
  if (trips === undefined) return null;
  return (
    <Panel title={t('attachmentsSync.uploads.title')} className="sync-uploads">
      {trips.length === 0 ? (
        <p className="muted" data-testid="uploads-empty">
          {t('attachmentsSync.uploads.allDone')}
        </p>
      ) : (
        <ul className="sync-uploads__trips">
          {trips.map((trip) => (
            <TripUploadsItem key={trip.tripId} trip={trip} />
          ))}
        </ul>
      )}
    </Panel>
  );
}

function TripUploadsItem({ trip }: { trip: TripUploads }) {
  const t = useT();
  const [retryError, setRetryError] = useState(false);
  const retry = (hash: string) => {
    setRetryError(false);
    retryFailedUpload(hash).catch(() => setRetryError(true));
  };
  return (
    <li className="sync-uploads__trip" data-testid="uploads-trip">
      <strong>{trip.title ?? t('attachmentsSync.uploads.unknownTrip')}</strong>
      {trip.waiting > 0 ? (
        <p className="sync-uploads__line">
          {t('attachmentsSync.uploads.waiting', { count: trip.waiting })}
          {trip.waitingForTrip ? (
            <Badge tone="warn">{t('attachmentsSync.uploads.waitingForTrip')}</Badge>
          ) : null}
          <span className="muted">{t('attachmentsSync.uploads.waitingHint')}</span>
        </p>
      ) : null}
      {trip.failed.length > 0 ? (
        <>
          <p className="sync-uploads__line">
            <Badge tone="bad">{t('attachmentsSync.uploads.refused', { count: trip.failed.length })}</Badge>
          </p>
          <ul className="sync-uploads__failed">
            {trip.failed.map((row) => {
              const text = row.failure ? uploadFailureText(row.failure) : undefined;
              const name = trip.names[row.hash] || t('attachmentsSync.uploads.unnamed');
              return (
                <li key={row.hash} className="sync-uploads__file" data-testid="upload-failed">
                  <span className="sync-uploads__name">{name}</span>
                  <span className="sync-uploads__reason">{text ? t(text.key, text.params) : null}</span>
                  <button
                    type="button"
                    className="btn btn--small"
                    aria-label={`${t('attachmentsSync.retry')} ${name}`}
                    onClick={() => retry(row.hash)}
                  >
                    {t('attachmentsSync.retry')}
                  </button>
                </li>
              );
            })}
          </ul>
          {retryError ? (
            <p role="alert" className="sync-uploads__error">
              {t('attachmentsSync.retryFailed')}
            </p>
          ) : null}
        </>
      ) : null}
    </li>
  );
}
