import { useState } from 'react';
import { Link } from 'react-router';
import type { RecordTable } from '../../../shared/schemas';
import { FormError, useFormErrors } from '../../components/form';
import { Badge, Drawer } from '../../components/layout';
import { useRecord } from '../../data/hooks';
import { RecordValidationError } from '../../data/repository';
import { useIssueText, useT } from '../../i18n/useT';
import {
  type ConflictChoice,
  ConflictError,
  isRecordTable,
  isWritableField,
  resolveConflict,
} from '../../reconcile/conflicts';
import { formatDateTime } from '../sync/time';
import { RESOLUTION_TEXT } from './resolutionText';
import type { ConflictGroup, Version } from './useConflictGroups';
import { editedValue, initialEditValue, isEditableKind, ValueEditor } from './ValueEditor';
import { formatValue, idsIn, listDifference, type NameLookup } from './values';

/**
 * One disagreement: the value the record holds now and the value(s) that lost, each with who wrote it
 * and when, and the three ways to settle it. Every action is one transaction (resolveConflict).
 */
export function ConflictDrawer({
  group,
  names,
  tripId,
  fieldName,
  canManage,
  onClose,
  onDone,
}: {
  group: ConflictGroup;
  names: NameLookup;
  tripId: string;
  fieldName: string;
  /** Only organisers resolve conflicts (the server refuses others): without it, no actions. */
  canManage: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const t = useT();
  const issueText = useIssueText();
  const { errors, formError, setFormError, run } = useFormErrors();
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<unknown>(undefined);
  const known = isRecordTable(group.table);
  // The record itself (a visit's host narrows the needs to choose from); none for unknown tables.
  const record = useRecord(group.table as RecordTable, known ? group.recordId : undefined) ?? undefined;
  const open = group.open && canManage;
  const writable = open && group.recordLive && isWritableField(group.table, group.field);
  const editable = writable && isEditableKind(group.kind);
  const first = group.conflicts[0];
  const words = (v: unknown) => formatValue(group.kind, v, t.lang, names);
  const knownIds = [group.current, ...group.others].flatMap((v) => idsIn(group.kind, v.value)?.ids ?? []);

  const act = async (choice: ConflictChoice, conflictId: string, value?: unknown) => {
    setBusy(true);
    const saved = await run(async () => {
      try {
        await resolveConflict(conflictId, choice, value);
        return true;
      } catch (e) {
        if (e instanceof ConflictError) throw new Error(t(`reconcile.error.${e.problem}`));
        // A value that no longer fits the record (not while editing): say which rule it breaks.
        if (e instanceof RecordValidationError && choice !== 'edited') {
          throw new Error(
            t('reconcile.error.invalid', {
              issues: e.issues.map(issueText).join(t.lang === 'zh-CN' ? '；' : '; '),
            }),
          );
        }
        throw e;
      }
    });
    setBusy(false);
    if (saved) onDone(t('reconcile.conflict.done', { field: fieldName, title: group.title }));
  };

  const byline = (v: Version) =>
    t('reconcile.conflict.byline', {
      name: v.by || t(v.later ? 'reconcile.conflict.laterEdit' : 'reconcile.conflict.unknownAuthor'),
      time: v.at ? formatDateTime(t.lang, v.at) : '',
    });

  return (
    <Drawer title={t('reconcile.conflict.title')} onClose={onClose}>
      <div className="reconcile-conflict">
        <div className="reconcile-conflict__record">
          {group.directory ? <Badge tone="info">{t('reconcile.conflict.directory')}</Badge> : null}
          <strong>{group.title || t('reconcile.conflict.recordMissing')}</strong>
          {group.path ? (
            <Link to={group.path} className="toolbar-link">
              {t('reconcile.conflict.openRecord')}
            </Link>
          ) : null}
        </div>
        <p className="muted">{t('reconcile.conflict.fieldLine', { field: fieldName })}</p>
        {!group.recordLive && group.open ? (
          <p className="form-note">{t('reconcile.conflict.recordGone')}</p>
        ) : null}

        <div className="reconcile-versions">
          <section
            className="reconcile-version reconcile-version--current"
            aria-label={t('reconcile.col.current')}
          >
            <h3>{t('reconcile.col.current')}</h3>
            <p className="reconcile-version__value">{words(group.current.value)}</p>
            <p className="muted">{byline(group.current)}</p>
            {open && first ? (
              <button
                type="button"
                className="btn btn--primary"
                disabled={busy}
                onClick={() => void act('kept_current', first.id)}
              >
                {t('reconcile.action.keepCurrent')}
              </button>
            ) : null}
          </section>
          {group.others.map((v) => (
            <section key={v.conflictId} className="reconcile-version" aria-label={t('reconcile.col.other')}>
              <h3>{t('reconcile.col.other')}</h3>
              <p className="reconcile-version__value">{words(v.value)}</p>
              <Difference group={group} value={v.value} words={words} />
              <p className="muted">{byline(v)}</p>
              {writable && v.conflictId ? (
                <button
                  type="button"
                  className="btn"
                  disabled={busy}
                  onClick={() => void act('kept_other', v.conflictId as string)}
                >
                  {t(group.others.length > 1 ? 'reconcile.action.useThis' : 'reconcile.action.useOther')}
                </button>
              ) : null}
            </section>
          ))}
        </div>

        {group.open && group.others.length === 0 ? (
          <p className="muted">{t('reconcile.conflict.sameNow')}</p>
        ) : null}

        {editing !== undefined && first ? (
          <form
            className="reconcile-edit"
            onSubmit={(e) => {
              e.preventDefault();
              void act('edited', first.id, editedValue(group.kind, editing));
            }}
          >
            <ValueEditor
              kind={group.kind}
              label={t('reconcile.conflict.newValue', { field: fieldName })}
              field={group.field}
              value={editing}
              onChange={setEditing}
              errors={errors}
              tripId={tripId}
              knownIds={knownIds}
              record={record}
            />
            <div className="reconcile-actions">
              <button type="submit" className="btn btn--primary" disabled={busy}>
                {t('reconcile.action.saveEdited')}
              </button>
              <button
                type="button"
                className="btn"
                onClick={() => {
                  setEditing(undefined);
                  setFormError(null);
                }}
              >
                {t('action.cancel')}
              </button>
            </div>
          </form>
        ) : open ? (
          <div className="reconcile-actions">
            {editable ? (
              <button
                type="button"
                className="btn"
                disabled={busy}
                onClick={() => setEditing(initialEditValue(group.kind, group.current.value))}
              >
                {t('reconcile.action.edit')}
              </button>
            ) : group.recordLive ? (
              <p className="muted">{t('reconcile.conflict.noEdit')}</p>
            ) : null}
          </div>
        ) : null}

        {group.resolution && !group.open ? (
          <p className="reconcile-resolution">
            {t('reconcile.conflict.resolvedLine', {
              resolution: t(RESOLUTION_TEXT[group.resolution.resolution]),
              name: group.resolution.by || t('reconcile.by.thisDevice'),
              time: group.resolution.at ? formatDateTime(t.lang, group.resolution.at) : '',
            })}
          </p>
        ) : null}
        <FormError message={formError} />
      </div>
    </Drawer>
  );
}

/** "比当前值多：孙立" / "比当前值少：王教授" under a list value that differs from the current one. */
function Difference({
  group,
  value,
  words,
}: {
  group: ConflictGroup;
  value: unknown;
  words: (v: unknown) => string;
}) {
  const t = useT();
  const diff = listDifference(group.kind, group.current.value, value);
  if (!diff || (diff.added.length === 0 && diff.removed.length === 0)) return null;
  return (
    <>
      {diff.added.length > 0 ? (
        <p className="reconcile-diff reconcile-diff--added">
          {t('reconcile.conflict.added', { items: words(diff.added) })}
        </p>
      ) : null}
      {diff.removed.length > 0 ? (
        <p className="reconcile-diff reconcile-diff--removed">
          {t('reconcile.conflict.removed', { items: words(diff.removed) })}
        </p>
      ) : null}
    </>
  );
}
