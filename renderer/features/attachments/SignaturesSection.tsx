import { useMemo, useState } from 'react';
import { addSignature, useAttachments } from '../../attachments';
import { useT } from '../../i18n/useT';
import './attachments.css';
import type { AttachmentRow } from './AttachmentGrid';
import { BlobImage } from './BlobImage';
import { Modal } from './Modal';
import { RemoveButton } from './RemoveButton';
import { SignaturePad } from './SignaturePad';

/** The latest signature per party: signing again adds a newer one, which is the one that counts. */
function latestByParty(rows: readonly AttachmentRow[]): Map<string, AttachmentRow> {
  const map = new Map<string, AttachmentRow>();
  for (const row of rows) {
    if (row.kind !== 'signature') continue;
    const prev = map.get(row.party);
    if (!prev || `${row.createdAt}${row.id}` > `${prev.createdAt}${prev.id}`) map.set(row.party, row);
  }
  return map;
}

function SignatureRow({
  party,
  signature,
  tripId,
  readOnly,
  orphan,
  onSign,
}: {
  party: string;
  signature: AttachmentRow | undefined;
  tripId: string;
  readOnly: boolean;
  orphan: boolean;
  onSign: () => void;
}) {
  const t = useT();
  return (
    <li className="signature-row" data-testid="signature-row">
      <div className="signature-row__party">
        <strong>{party}</strong>
        {orphan ? <span className="muted"> {t('attachments.signatures.orphan')}</span> : null}
      </div>
      <div className="signature-row__image">
        {signature ? (
          <BlobImage
            hash={signature.hash}
            variant="full"
            tripId={tripId}
            alt={t('attachments.signatures.signFor', { party })}
          />
        ) : (
          <span className="muted">{t('attachments.signatures.notSigned')}</span>
        )}
      </div>
      {readOnly ? null : (
        <div className="signature-row__actions">
          {orphan ? null : (
            <button
              type="button"
              className={signature ? 'btn btn--small' : 'btn btn--small btn--primary'}
              aria-label={t('attachments.signatures.signFor', { party })}
              onClick={onSign}
            >
              {signature ? t('attachments.signatures.resign') : t('attachments.signatures.sign')}
            </button>
          )}
          {signature ? <RemoveButton id={signature.id} name={party} /> : null}
        </div>
      )}
    </li>
  );
}

/**
 * 各方签名: one row per party of the agreement, with the drawn signature or a button to sign. A
 * signature of a party that was since removed from the list stays visible (it was really drawn)
 * and can be removed, so nothing disappears silently.
 */
export function SignaturesSection({
  tripId,
  agreementId,
  parties,
  readOnly,
}: {
  tripId: string;
  agreementId: string | undefined;
  parties: readonly string[];
  readOnly: boolean;
}) {
  const t = useT();
  const [signing, setSigning] = useState<string | null>(null);
  const all = useAttachments('agreements', agreementId);
  const signatures = useMemo(() => latestByParty(all ?? []), [all]);
  if (!agreementId) return <p className="muted">{t('attachments.scans.saveFirst')}</p>;
  const names = [...new Set(parties.map((p) => p.trim()).filter(Boolean))];
  const orphans = [...signatures.keys()].filter((p) => !names.includes(p));

  return (
    <div className="signatures">
      {names.length === 0 ? <p className="muted">{t('attachments.signatures.noParties')}</p> : null}
      <ul className="signature-list">
        {[...names, ...orphans].map((party) => (
          <SignatureRow
            key={party}
            party={party}
            signature={signatures.get(party)}
            tripId={tripId}
            readOnly={readOnly}
            orphan={!names.includes(party)}
            onSign={() => setSigning(party)}
          />
        ))}
      </ul>
      {signing !== null ? (
        <Modal
          label={t('attachments.signatures.signFor', { party: signing })}
          className="signature-dialog"
          onClose={() => setSigning(null)}
          initialFocus=".signature-pad__canvas"
        >
          <h2>{t('attachments.signatures.signFor', { party: signing })}</h2>
          <SignaturePad
            party={signing}
            onCancel={() => setSigning(null)}
            onSave={async (png) => {
              await addSignature({ tripId, recordTable: 'agreements', recordId: agreementId }, signing, png);
              setSigning(null);
            }}
          />
        </Modal>
      ) : null}
    </div>
  );
}
