import { useRef } from 'react';
import { useBlobUrl } from '../attachments';
import { useInView } from '../components/useInView';
import { useT } from '../i18n/useT';
import type { TripPhoto } from './photos/tripPhotos';

/**
 * Which of the trip's photos go into the Word report: a checkbox grid of thumbnails, grouped by host
 * and visit date, each with its caption. Nothing is selected at first (no photo section). A photo whose
 * bytes are not on this device shows a placeholder; picked anyway, the report names it as not included.
 * A trip can have hundreds of photos: every checkbox is there at once (select all, keyboard, screen
 * readers), but a thumbnail is read from IndexedDB only when its tile comes near the viewport.
 */
export function PhotoPicker({
  photos,
  selected,
  onChange,
}: {
  photos: readonly TripPhoto[];
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}) {
  const t = useT();
  const groups = groupByVisit(photos);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  return (
    <div className="photo-picker" data-testid="photo-picker">
      <div className="photo-picker__bar">
        <span className="muted">
          {t('exports.photos.selected', { count: selected.size, total: photos.length })}
        </span>
        <button
          type="button"
          className="btn btn--small"
          onClick={() => onChange(new Set(photos.map((p) => p.id)))}
        >
          {t('exports.photos.all')}
        </button>
        <button type="button" className="btn btn--small" onClick={() => onChange(new Set())}>
          {t('exports.photos.none')}
        </button>
      </div>
      <div className="photo-picker__groups">
        {groups.map((group) => (
          <fieldset key={group.visitId} className="photo-picker__group">
            <legend>
              {group.hostName || t('exports.doc.photoNoHost')}
              <span className="muted"> · {group.date}</span>
            </legend>
            <div className="photo-picker__grid">
              {group.photos.map((photo) => (
                <PhotoChoice
                  key={photo.id}
                  photo={photo}
                  on={selected.has(photo.id)}
                  onToggle={(on) => toggle(photo.id, on)}
                />
              ))}
            </div>
          </fieldset>
        ))}
      </div>
    </div>
  );
}

function PhotoChoice({
  photo,
  on,
  onToggle,
}: {
  photo: TripPhoto;
  on: boolean;
  onToggle: (on: boolean) => void;
}) {
  const t = useT();
  const ref = useRef<HTMLLabelElement>(null);
  const inView = useInView(ref);
  const label = photo.caption || t('exports.photos.noCaption');
  return (
    <label ref={ref} className={`photo-choice${on ? ' photo-choice--on' : ''}`}>
      <input type="checkbox" checked={on} onChange={(e) => onToggle(e.target.checked)} />
      {inView ? (
        <Thumb hash={photo.hash} />
      ) : (
        <span className="photo-choice__thumb photo-choice__thumb--missing" aria-hidden />
      )}
      <span className="photo-choice__caption" title={label}>
        {label}
      </span>
    </label>
  );
}

function Thumb({ hash }: { hash: string }) {
  const t = useT();
  const thumb = useBlobUrl(hash, 'thumb');
  return thumb.url ? (
    <img className="photo-choice__thumb" src={thumb.url} alt="" />
  ) : (
    <span className="photo-choice__thumb photo-choice__thumb--missing">
      {thumb.state === 'loading' ? t('exports.photos.loading') : t('exports.photos.notHere')}
    </span>
  );
}

type VisitGroup = { visitId: string; hostName: string; date: string; photos: TripPhoto[] };

/** listTripPhotos' order already runs by date, host and visit: consecutive runs are the groups. */
function groupByVisit(photos: readonly TripPhoto[]): VisitGroup[] {
  const groups: VisitGroup[] = [];
  for (const photo of photos) {
    const last = groups.at(-1);
    if (last && last.visitId === photo.visitId) last.photos.push(photo);
    else groups.push({ visitId: photo.visitId, hostName: photo.hostName, date: photo.date, photos: [photo] });
  }
  return groups;
}
