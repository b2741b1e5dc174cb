import { useMemo, useState } from 'react';
import type { MessageKey } from '../../../shared/i18n';
import { type AttachTarget, useAttachments } from '../../attachments';
import { useT } from '../../i18n/useT';
import './attachments.css';
import { AttachInput } from './AttachInput';
import { AttachmentGrid, type AttachmentRow } from './AttachmentGrid';
import { usePasteTarget } from './pasteTarget';
import { useAttachRunner } from './useAttachRunner';
import { Viewer } from './Viewer';

type Words = { add: MessageKey; drop: MessageKey; empty: MessageKey; saveFirst: MessageKey };

const byTime = (a: AttachmentRow, b: AttachmentRow) =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/**
 * The attachments of one kind on one record: add (picker, drop, paste), thumbnails with captions,
 * the viewer. A record not saved yet has no id to attach to: the section says to save first (the
 * record's own checks decide whether it can be saved, so saving it behind the person's back could
 * fail or create a half-filled record they did not mean to keep).
 */
export function AttachmentsSection({
  tripId,
  recordTable,
  recordId,
  kind,
  readOnly,
  accept,
  words,
}: {
  tripId: string;
  recordTable: AttachTarget['recordTable'];
  recordId: string | undefined;
  kind: 'photo' | 'scan';
  readOnly: boolean;
  accept: string;
  words: Words;
}) {
  const t = useT();
  const [keepOriginal, setKeepOriginal] = useState(false);
  const [viewing, setViewing] = useState<number | null>(null);
  const target = useMemo(
    () => (recordId ? { tripId, recordTable, recordId } : null),
    [tripId, recordTable, recordId],
  );
  const runner = useAttachRunner(target, { kind, keepOriginal });
  const all = useAttachments(recordTable, recordId);
  const items = useMemo(() => (all ?? []).filter((a) => a.kind === kind).sort(byTime), [all, kind]);
  const canAdd = target !== null && !readOnly;
  usePasteTarget((files) => void runner.run(files), canAdd);

  if (!recordId) return <p className="muted">{t(words.saveFirst)}</p>;
  return (
    <div className="attach-section" data-testid={`attach-section-${kind}`}>
      {canAdd ? (
        <AttachInput
          runner={runner}
          accept={accept}
          addLabel={words.add}
          dropLabel={words.drop}
          keepOriginal={kind === 'photo' ? { value: keepOriginal, onChange: setKeepOriginal } : undefined}
        />
      ) : null}
      {items.length === 0 ? (
        all === undefined ? null : (
          <p className="muted">{t(words.empty)}</p>
        )
      ) : (
        <AttachmentGrid items={items} tripId={tripId} readOnly={readOnly} onOpen={setViewing} />
      )}
      {viewing !== null && items[viewing] ? (
        <Viewer
          items={items}
          index={viewing}
          tripId={tripId}
          onIndex={setViewing}
          onClose={() => setViewing(null)}
        />
      ) : null}
    </div>
  );
}

const IMAGES = 'image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp,.heic,.heif';

/** 现场照片 of a visit. */
export function PhotosSection(props: { tripId: string; visitId: string | undefined; readOnly: boolean }) {
  return (
    <AttachmentsSection
      tripId={props.tripId}
      recordTable="visits"
      recordId={props.visitId}
      kind="photo"
      readOnly={props.readOnly}
      // HEIC is accepted by the picker on purpose: the core then explains how to export a JPEG,
      // which helps more than a file the picker silently greys out.
      accept={IMAGES}
      words={{
        add: 'attachments.photos.add',
        drop: 'attachments.photos.drop',
        empty: 'attachments.photos.empty',
        saveFirst: 'attachments.photos.saveFirst',
      }}
    />
  );
}

/** 协议扫描件 of an agreement: images or PDF. */
export function ScansSection(props: { tripId: string; agreementId: string | undefined; readOnly: boolean }) {
  return (
    <AttachmentsSection
      tripId={props.tripId}
      recordTable="agreements"
      recordId={props.agreementId}
      kind="scan"
      readOnly={props.readOnly}
      accept={`${IMAGES},application/pdf,.pdf`}
      words={{
        add: 'attachments.scans.add',
        drop: 'attachments.scans.drop',
        empty: 'attachments.scans.empty',
        saveFirst: 'attachments.scans.saveFirst',
      }}
    />
  );
}
