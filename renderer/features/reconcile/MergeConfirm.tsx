import type { RecordOf } from '../../../shared/schemas';
import { listSeparator } from '../../components/list';
import { fieldTextKey } from '../../i18n/fieldNames';
import { useT } from '../../i18n/useT';
import { mergePatch } from '../../reconcile/merge';
import { countsText } from './duplicateWords';
import type { DuplicateItem, Member } from './useDuplicateGroups';

/**
 * The second step of a merge: says exactly what will happen — which records are re-pointed to the one
 * that stays, which of its empty fields are filled, and that the others are removed — before anything
 * is written.
 */
export function MergeConfirm({
  item,
  into,
  from,
  label,
  busy,
  onConfirm,
  onCancel,
}: {
  item: DuplicateItem;
  into: Member;
  from: Member[];
  label: (m: Member) => string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const sep = listSeparator(t.lang);
  const intoLabel = label(into);
  const fromLabels = from.map((m) => t('reconcile.dupes.quoted', { label: label(m) })).join(sep);

  // The survivor as it will be after each merge in turn, to name the fields it gains.
  let survivor = into.record as RecordOf<typeof item.table>;
  const gained = new Set<string>();
  for (const m of from) {
    const patch = mergePatch(item.table, survivor, m.record as RecordOf<typeof item.table>);
    for (const field of Object.keys(patch)) gained.add(field);
    survivor = { ...survivor, ...patch } as typeof survivor;
  }
  const gainedText = [...gained]
    .map((f) => {
      const key = fieldTextKey(item.table, f);
      return key ? t(key) : f;
    })
    .join(sep);

  return (
    <div
      className="confirm-panel reconcile-confirm"
      role="alertdialog"
      aria-label={t('reconcile.dupes.confirmTitle')}
    >
      <strong>{t('reconcile.dupes.confirmQuestion', { from: fromLabels, into: intoLabel })}</strong>
      <ul>
        {from.map((m) => {
          const moved = countsText(t, m.counts);
          return (
            <li key={m.id}>
              {moved
                ? t('reconcile.dupes.confirmMoves', { from: label(m), moved, into: intoLabel })
                : t('reconcile.dupes.confirmNothing', { from: label(m) })}
            </li>
          );
        })}
        {item.table === 'visits' ? (
          <li>{t('reconcile.dupes.confirmVisitKeeps', { into: intoLabel })}</li>
        ) : null}
        {gainedText ? (
          <li>{t('reconcile.dupes.confirmFill', { into: intoLabel, fields: gainedText })}</li>
        ) : null}
        <li>{t('reconcile.dupes.confirmDelete', { from: fromLabels })}</li>
      </ul>
      <div className="confirm-panel__buttons">
        <button type="button" className="btn btn--danger" disabled={busy} onClick={onConfirm} autoFocus>
          {t('reconcile.dupes.confirmYes')}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </div>
  );
}
