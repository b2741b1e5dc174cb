import { useId } from 'react';
import { sameValue } from '../../../shared/sync/merge';
import { Badge } from '../../components/layout';
import { fieldTextKey } from '../../i18n/fieldNames';
import { useT } from '../../i18n/useT';
import { formatDateTime } from '../sync/time';
import { countsText } from './duplicateWords';
import type { DuplicateData, DuplicateItem, Member } from './useDuplicateGroups';
import { formatValue, kindOf } from './values';

/** The key fields of each table, in the order the record's form shows them. */
const FIELDS = {
  hosts: ['name', 'creditCode', 'kind', 'district', 'industry', 'contactName', 'contactPhone', 'address'],
  visits: [
    'hostId',
    'date',
    'expertIds',
    'needIds',
    'activities',
    'peopleTrained',
    'beneficiaries',
    'location',
    'notes',
    'reviewState',
  ],
} as const;

const NOTES_PREVIEW = 160;

/**
 * The records of a duplicate group side by side, one column each: choosing a column's radio makes it
 * the record that stays. Rows whose values differ are marked, so the organiser sees at a glance what
 * the merge decides.
 */
export function CompareTable({
  item,
  data,
  survivor,
  onChoose,
  label,
}: {
  item: DuplicateItem;
  data: DuplicateData;
  survivor: string;
  onChoose: (id: string) => void;
  label: (m: Member) => string;
}) {
  const t = useT();
  const radioName = useId();
  const members = item.members as Member[];
  const names = data.names;
  const fieldsOf = (m: Member) => m.record as unknown as Record<string, unknown>;
  const cell = (m: Member, field: string) => {
    const record = fieldsOf(m);
    const text = formatValue(kindOf(item.table, field, record), record[field], t.lang, names);
    return field === 'notes' && text.length > NOTES_PREVIEW ? `${text.slice(0, NOTES_PREVIEW)}…` : text;
  };
  const first = members[0];
  const differs = (field: string) =>
    first !== undefined && members.some((m) => !sameValue(fieldsOf(m)[field], fieldsOf(first)[field]));

  return (
    <div className="reconcile-compare">
      <table>
        <colgroup>
          <col className="reconcile-compare__names" />
          {members.map((m) => (
            <col key={m.id} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('reconcile.dupes.field')}</span>
            </th>
            {members.map((m) => (
              <th
                key={m.id}
                scope="col"
                className={m.id === survivor ? 'reconcile-compare__kept' : undefined}
              >
                {/* Hosts show their names in the first row; visits of a group need a name for the confirmation. */}
                {item.table === 'visits' ? (
                  <span className="reconcile-compare__label">{label(m)}</span>
                ) : null}
                <label className="reconcile-compare__choose">
                  <input
                    type="radio"
                    name={radioName}
                    checked={m.id === survivor}
                    onChange={() => onChoose(m.id)}
                    aria-label={t('reconcile.dupes.keepThis', { label: label(m) })}
                  />
                  {t('reconcile.dupes.keep')}
                </label>
                {m.id === survivor ? (
                  <Badge tone="good">{t('reconcile.dupes.stays')}</Badge>
                ) : (
                  <Badge>{t('reconcile.dupes.goes')}</Badge>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {FIELDS[item.table].map((field) => {
            const key = fieldTextKey(item.table, field);
            return (
              <tr key={field} className={differs(field) ? 'reconcile-compare__differs' : undefined}>
                <th scope="row">{key ? t(key) : field}</th>
                {members.map((m) => (
                  <td key={m.id} className={m.id === survivor ? 'reconcile-compare__kept' : undefined}>
                    {cell(m, field)}
                  </td>
                ))}
              </tr>
            );
          })}
          <tr>
            <th scope="row">{t('reconcile.dupes.created')}</th>
            {members.map((m) => (
              <td key={m.id} className={m.id === survivor ? 'reconcile-compare__kept' : undefined}>
                {m.record.createdAt ? formatDateTime(t.lang, m.record.createdAt, 'short') : '—'}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t('reconcile.dupes.references')}</th>
            {members.map((m) => (
              <td key={m.id} className={m.id === survivor ? 'reconcile-compare__kept' : undefined}>
                {countsText(t, m.counts) || t('reconcile.dupes.noReferences')}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
