import { useMemo, useState } from 'react';
import { TextField } from '../../components/form';
import { Badge, Drawer } from '../../components/layout';
import { getDb } from '../../db/database';
import type { Stored } from '../../db/types';
import { useT } from '../../i18n/useT';
import { markNotDuplicates } from '../../reconcile/duplicates';
import { MergeError, mergeGroup } from '../../reconcile/merge';
import { CompareTable } from './CompareTable';
import { REASON_TEXT, useMemberLabel, visitTrailLabel } from './duplicateWords';
import { MergeConfirm } from './MergeConfirm';
import type { DuplicateData, DuplicateItem, Member } from './useDuplicateGroups';

/**
 * One group of possible duplicates: the records side by side, which one stays (the default is the one
 * the data leans on most), an optional reason, and "merge" after a confirmation saying what moves — or
 * "not duplicates", remembered on this device so the group does not come back.
 */
export function DuplicateDrawer({
  item,
  data,
  tripId,
  canManage,
  onClose,
  onDone,
}: {
  item: DuplicateItem;
  data: DuplicateData;
  tripId: string;
  /** Only organisers merge (the server refuses others): without it, the comparison only. */
  canManage: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const t = useT();
  const memberLabel = useMemberLabel(data);
  const members = item.members as Member[];
  const [survivor, setSurvivor] = useState(item.survivor);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const into = members.find((m) => m.id === survivor) ?? members[0];
  const from = useMemo(() => members.filter((m) => m.id !== into?.id), [members, into]);
  // Hosts go by their names; visits of one group share host and date, so they go by their column.
  const label = (m: Member) =>
    item.table === 'hosts'
      ? memberLabel(item.table, m)
      : t('reconcile.dupes.visitN', { n: members.findIndex((x) => x.id === m.id) + 1 });
  const trailLabel = (m: Member) =>
    item.table === 'hosts' ? memberLabel(item.table, m) : visitTrailLabel(m.record as Stored<'visits'>, data);

  const merge = async () => {
    if (!into) return;
    setBusy(true);
    setError(null);
    try {
      await mergeGroup(
        item.table,
        from.map((m) => ({ id: m.id, label: trailLabel(m) })),
        { id: into.id, label: trailLabel(into) },
        { tripId, reason },
      );
      onDone(t('reconcile.dupes.merged', { count: from.length, into: trailLabel(into) }));
    } catch (e) {
      setError(
        e instanceof MergeError
          ? t(`reconcile.mergeError.${e.problem}`)
          : t('error.saveFailed', { message: e instanceof Error ? e.message : String(e) }),
      );
      setBusy(false);
      setConfirming(false);
    }
  };

  const dismiss = async () => {
    setBusy(true);
    try {
      await markNotDuplicates(
        getDb(),
        members.map((m) => m.id),
      );
      onDone(t('reconcile.dupes.dismissed'));
    } catch (e) {
      setError(t('error.unexpected', { message: e instanceof Error ? e.message : String(e) }));
      setBusy(false);
    }
  };

  const title = t(item.table === 'hosts' ? 'reconcile.dupes.hostTitle' : 'reconcile.dupes.visitTitle');
  return (
    <Drawer title={title} onClose={onClose}>
      <div className="reconcile-dupe">
        <div className="reconcile-cell">
          {item.reasons.map((r) => (
            <Badge key={r} tone="warn">
              {t(REASON_TEXT[r])}
            </Badge>
          ))}
        </div>
        <p className="muted">
          {t(item.table === 'hosts' ? 'reconcile.dupes.hostHelp' : 'reconcile.dupes.visitHelp')}
        </p>
        <CompareTable
          item={item}
          data={data}
          survivor={into?.id ?? ''}
          onChoose={(id) => {
            setSurvivor(id);
            setConfirming(false);
          }}
          label={label}
        />
        {canManage ? (
          <>
            <TextField label={t('reconcile.dupes.reason')} value={reason} onChange={setReason} />
            {error ? (
              <div className="form-error" role="alert">
                {error}
              </div>
            ) : null}
            {confirming && into ? (
              <MergeConfirm
                item={item}
                into={into}
                from={from}
                label={label}
                busy={busy}
                onConfirm={() => void merge()}
                onCancel={() => setConfirming(false)}
              />
            ) : (
              <div className="form-actions">
                <button
                  type="button"
                  className="btn btn--primary"
                  disabled={busy || !into}
                  onClick={() => setConfirming(true)}
                >
                  {t('reconcile.dupes.merge')}
                </button>
                <button type="button" className="btn" disabled={busy} onClick={() => void dismiss()}>
                  {t('reconcile.dupes.notDuplicate')}
                </button>
              </div>
            )}
          </>
        ) : null}
      </div>
    </Drawer>
  );
}
