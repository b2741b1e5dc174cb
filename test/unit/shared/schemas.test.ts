import { describe, expect, it } from 'vitest';
import {
  activityTypes,
  agreementKinds,
  hostKinds,
  memberRoles,
  needKinds,
  problemCategories,
  reviewStates,
  tripStatuses,
} from '../../../shared/enums';
import { formatIssue } from '../../../shared/i18n';
import { newId } from '../../../shared/ids';
import { agreementSchema, recordSchemas, tripSchema, visitSchema } from '../../../shared/schemas';

const tripId = newId();
const hostId = newId();
const expertId = newId();

describe('record schemas', () => {
  it('every enum has a Chinese and an English label', () => {
    for (const table of [
      activityTypes,
      agreementKinds,
      hostKinds,
      memberRoles,
      needKinds,
      problemCategories,
      reviewStates,
      tripStatuses,
    ]) {
      for (const label of Object.values(table)) {
        expect(label.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(label.en).toMatch(/^[A-Z]/);
      }
    }
  });

  it('a trip ending before it starts is refused on the end date', () => {
    const r = tripSchema.safeParse({
      id: tripId,
      title: '走进璧山',
      region: '重庆璧山',
      startDate: '2025-06-25',
      endDate: '2025-06-23',
    });
    expect(r.success).toBe(false);
    const issue = r.error?.issues[0];
    expect(issue?.path).toEqual(['endDate']);
    expect(formatIssue(issue as never, 'zh-CN')).toBe('结束日期不能早于开始日期');
  });

  it('fills defaults so a minimal trip is complete', () => {
    const t = tripSchema.parse({
      id: tripId,
      title: '走进眉山',
      region: '眉山',
      startDate: '2023-09-20',
      endDate: '2023-09-21',
    });
    expect(t).toMatchObject({ status: 'planning', locked: false, organisers: [], focusFields: [] });
  });

  it('a visit needs a host, experts, a valid date and activities with positive counts', () => {
    const r = visitSchema.safeParse({
      id: newId(),
      tripId,
      hostId: '',
      date: '2025-02-30x',
      expertIds: [],
      activities: [{ type: 'lecture', count: 0 }],
    });
    expect(r.success).toBe(false);
    const paths = r.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['hostId', 'date', 'expertIds', 'activities.0.count']));
    const ok = visitSchema.parse({
      id: newId(),
      tripId,
      hostId,
      date: '2025-06-23',
      expertIds: [expertId],
      activities: [{ type: 'lecture', count: 2 }],
      peopleTrained: 30,
    });
    expect(ok.reviewState).toBe('draft');
    expect(ok.beneficiaries).toBe(0);
  });

  it('negative and non-integer counts are refused with a clear message', () => {
    const r = visitSchema.safeParse({
      id: newId(),
      tripId,
      hostId,
      date: '2025-06-23',
      expertIds: [expertId],
      activities: [{ type: 'training', count: 1 }],
      peopleTrained: -3,
    });
    expect(formatIssue(r.error?.issues[0] as never, 'en')).toBe('Cannot be negative');
  });

  it('a signed agreement needs a signed date', () => {
    const base = { id: newId(), tripId, hostId, title: '合作协议', status: 'signed' };
    const r = agreementSchema.safeParse(base);
    expect(r.error?.issues[0]?.path).toEqual(['signedDate']);
    expect(agreementSchema.safeParse({ ...base, signedDate: '2025-06-25' }).success).toBe(true);
    expect(agreementSchema.safeParse({ ...base, status: 'negotiating' }).success).toBe(true);
  });

  it('over-long text is refused with the limit in the message', () => {
    const r = tripSchema.safeParse({
      id: tripId,
      title: '长'.repeat(121),
      region: 'x',
      startDate: '2025-01-01',
      endDate: '2025-01-01',
    });
    expect(formatIssue(r.error?.issues[0] as never, 'zh-CN')).toBe('最多 120 个字');
  });

  it('declares a schema for every record of DOMAIN.md', () => {
    expect(Object.keys(recordSchemas)).toEqual([
      'trips',
      'experts',
      'tripMembers',
      'hosts',
      'needs',
      'visits',
      'problems',
      'recommendations',
      'agreements',
      'followUps',
      // Reconciling a trip: review thread, merge trail, the server's conflict records.
      'comments',
      'merges',
      'conflicts',
      // Photos, scans and signatures (the bytes are blobs by hash).
      'attachments',
    ]);
  });
});
