import { useState } from 'react';
import { agreementKinds, agreementStatuses } from '../../../shared/enums';
import { Badge, Drawer } from '../../components/layout';
import { useTripRecords } from '../../data/hooks';
import { useLabel, useT } from '../../i18n/useT';
import { AgreementForm } from '../agreements/AgreementForm';

/** Agreements signed at this visit, and a way to record one without leaving the visit. */
export function VisitAgreements({
  tripId,
  visitId,
  hostId,
}: {
  tripId: string;
  visitId: string | undefined;
  hostId: string;
}) {
  const t = useT();
  const label = useLabel();
  const [open, setOpen] = useState(false);
  const agreements = (useTripRecords('agreements', tripId) ?? []).filter(
    (a) => visitId && a.visitId === visitId,
  );
  if (!visitId) return <div className="muted">{t('visits.saveFirstForAgreement')}</div>;
  return (
    <div className="rows">
      {agreements.length > 0 ? (
        <table className="simple">
          <tbody>
            {agreements.map((a) => (
              <tr key={a.id} data-testid="visit-agreement">
                <td>{a.title}</td>
                <td>{label(agreementKinds, a.kind)}</td>
                <td>{a.signedDate}</td>
                <td>
                  <Badge tone={a.status === 'signed' || a.status === 'in_effect' ? 'good' : 'neutral'}>
                    {label(agreementStatuses, a.status)}
                  </Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div>
        <button type="button" className="btn btn--small" onClick={() => setOpen(true)}>
          {t('visits.addAgreement')}
        </button>
      </div>
      {open ? (
        <Drawer title={t('visits.addAgreement')} onClose={() => setOpen(false)}>
          <AgreementForm
            tripId={tripId}
            initial={{ hostId, visitId }}
            onSaved={() => setOpen(false)}
            onCancel={() => setOpen(false)}
          />
        </Drawer>
      ) : null}
    </div>
  );
}
