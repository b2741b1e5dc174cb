import type { TripFiguresInput } from '../../../../shared/report';

/** Small hand-made records for the report tests: only the fields the figures read. */
type In = TripFiguresInput;
export type VisitIn = In['visits'][number];

let seq = 0;
const nextId = (prefix: string) => `${prefix}-${++seq}`;

export const visit = (over: Partial<VisitIn> = {}): VisitIn => ({
  id: nextId('visit'),
  hostId: 'host-1',
  needIds: [],
  date: '2025-06-23',
  expertIds: ['expert-1'],
  activities: [{ type: 'site_research', count: 1, topic: '' }],
  peopleTrained: 0,
  beneficiaries: 0,
  notes: '',
  ...over,
});

export const problem = (over: Partial<In['problems'][number]> = {}): In['problems'][number] => ({
  id: nextId('problem'),
  visitId: 'visit-x',
  category: 'other',
  status: 'identified',
  ...over,
});

export const recommendation = (
  over: Partial<In['recommendations'][number]> = {},
): In['recommendations'][number] => ({ id: nextId('rec'), visitId: 'visit-x', adopted: false, ...over });

export const agreement = (over: Partial<In['agreements'][number]> = {}): In['agreements'][number] => ({
  id: nextId('agreement'),
  title: '合作协议',
  kind: 'cooperation',
  status: 'signed',
  signedDate: '2025-06-25',
  parties: ['甲方', '乙方'],
  expertIds: [],
  ...over,
});

export const need = (over: Partial<In['needs'][number]> = {}): In['needs'][number] => ({
  id: nextId('need'),
  hostId: 'host-1',
  title: '需求',
  status: 'open',
  ...over,
});

export const member = (expertId: string): In['members'][number] => ({ id: nextId('member'), expertId });

export const followUp = (over: Partial<In['followUps'][number]> = {}): In['followUps'][number] => ({
  id: nextId('followUp'),
  action: '回访',
  dueDate: '2025-07-01',
  status: 'planned',
  ...over,
});

export const emptyInput = (today = '2025-06-30'): In => ({
  visits: [],
  problems: [],
  recommendations: [],
  agreements: [],
  needs: [],
  members: [],
  followUps: [],
  today,
});

export const times = <T>(n: number, make: (i: number) => T): T[] =>
  Array.from({ length: n }, (_, i) => make(i));
