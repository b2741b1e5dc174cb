// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecord, deleteRecord } from '../../../renderer/data/repository';
import { SearchPage } from '../../../renderer/features/search/SearchPage';
import { stubLayoutInThisFile } from '../layoutStub';
import { freshDb, renderAt, seedTrip } from '../trips/fixtures';

stubLayoutInThisFile();
beforeEach(() => {
  freshDb();
});
afterEach(cleanup);

describe('SearchPage', () => {
  it('finds problems across trips, and no longer those of a trip that was deleted', async () => {
    const kept = await seedTrip({ title: '走进璧山' });
    const gone = await seedTrip({ title: '走进眉山' });
    const host = await createRecord('hosts', { name: '重庆东嶅药业有限公司' });
    const expert = await createRecord('experts', { name: '陈绍成' });
    for (const trip of [kept, gone]) {
      const visit = await createRecord('visits', {
        tripId: trip.id,
        hostId: host.id,
        date: '2025-06-23',
        expertIds: [expert.id],
        activities: [{ type: 'technical_guidance', count: 1 }],
      });
      await createRecord('problems', {
        tripId: trip.id,
        visitId: visit.id,
        title: `中药饮片炮制火候难以把握（${trip.title}）`,
      });
    }

    const view = renderAt('/search?q=炮制火候', { '/search': <SearchPage /> });
    await waitFor(() => expect(screen.getByText('中药饮片炮制火候难以把握（走进眉山）')).toBeInTheDocument());
    expect(screen.getByText('中药饮片炮制火候难以把握（走进璧山）')).toBeInTheDocument();

    await deleteRecord('trips', gone.id);
    await waitFor(() => expect(screen.queryByText('中药饮片炮制火候难以把握（走进眉山）')).toBeNull());
    expect(screen.getByText('中药饮片炮制火候难以把握（走进璧山）')).toBeInTheDocument();
    view.unmount();
  });
});
