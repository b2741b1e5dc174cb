import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { getDb } from '../db/database';
import { useT } from '../i18n/useT';
import type { ExportFormat } from './fileName';
import { PhotoPicker } from './PhotoPicker';
import { listTripPhotos } from './photos/tripPhotos';
import type { ExportExtras } from './runExport';

/**
 * The export menu's choices beyond the format: the JSON backup with the attachments' files (a ZIP; on
 * by default when the trip has attachments, since a backup without them cannot restore them), and the
 * Word report's site photos (off, none picked, until the organiser picks some).
 */
export function useExportExtras(tripId: string) {
  const [includeFiles, setIncludeFiles] = useState<boolean | null>(null);
  const [withPhotos, setWithPhotos] = useState(false);
  const [photoIds, setPhotoIds] = useState<Set<string>>(new Set());
  const hasAttachments = useLiveQuery(
    async () =>
      (await getDb()
        .attachments.where('tripId')
        .equals(tripId)
        .filter((a) => a._deleted === 0)
        .count()) > 0,
    [tripId],
    false,
  );
  const photos = useLiveQuery(() => listTripPhotos(getDb(), tripId), [tripId], []);
  const files = includeFiles ?? hasAttachments;
  // A photo deleted meanwhile drops out of the selection.
  const picked = photos.filter((p) => photoIds.has(p.id)).map((p) => p.id);

  const extrasFor = (format: ExportFormat): ExportExtras => {
    if (format === 'json') return { includeFiles: files };
    if (format === 'docx' && withPhotos) return { photoIds: picked };
    return {};
  };
  const view = { files, setIncludeFiles, withPhotos, setWithPhotos, photoIds, setPhotoIds, photos };
  return { extrasFor, view };
}

type View = ReturnType<typeof useExportExtras>['view'];

export function ExportExtrasPanel({ view, disabled }: { view: View; disabled: boolean }) {
  const t = useT();
  const noPhotos = view.photos.length === 0;
  return (
    <div className="export-extras">
      <label className="export-extras__choice">
        <input
          type="checkbox"
          checked={view.files}
          disabled={disabled}
          onChange={(e) => view.setIncludeFiles(e.target.checked)}
          data-testid="export-json-files"
        />
        <span>
          {t('exports.json.withFiles')}
          <span className="muted export-extras__hint">{t('exports.json.withFilesHint')}</span>
        </span>
      </label>
      <label className="export-extras__choice">
        <input
          type="checkbox"
          checked={view.withPhotos && !noPhotos}
          disabled={disabled || noPhotos}
          onChange={(e) => view.setWithPhotos(e.target.checked)}
          data-testid="export-docx-photos"
        />
        <span>
          {t('exports.docx.withPhotos')}
          <span className="muted export-extras__hint">
            {noPhotos ? t('exports.docx.noPhotos') : t('exports.docx.withPhotosHint')}
          </span>
        </span>
      </label>
      {view.withPhotos && !noPhotos ? (
        <PhotoPicker photos={view.photos} selected={view.photoIds} onChange={view.setPhotoIds} />
      ) : null}
    </div>
  );
}
