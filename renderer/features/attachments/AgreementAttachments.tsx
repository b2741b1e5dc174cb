import { useT } from '../../i18n/useT';
import { ScansSection } from './AttachmentsSection';
import { SignaturesSection } from './SignaturesSection';

/**
 * The scans and the parties' signatures of an agreement, under its fields (in the form) or its
 * summary (read-only drawer). A new agreement has no id yet: one line says to save first.
 */
export function AgreementAttachments({
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
  if (!agreementId) {
    return <p className="span-all muted">{t('attachments.scans.saveFirst')}</p>;
  }
  return (
    <div className="span-all agreement-attachments">
      <h3>{t('attachments.scans.title')}</h3>
      <ScansSection tripId={tripId} agreementId={agreementId} readOnly={readOnly} />
      <h3>{t('attachments.signatures.title')}</h3>
      <SignaturesSection tripId={tripId} agreementId={agreementId} parties={parties} readOnly={readOnly} />
    </div>
  );
}
