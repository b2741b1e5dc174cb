// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecord, updateRecord } from '../../../renderer/data/repository';
import { getDb } from '../../../renderer/db/database';
import { TripHomePage } from '../../../renderer/features/tripHome/TripHomePage';
import { loadReportInput } from '../../../renderer/report/loadReportInput';
import { computeTripReport } from '../../../shared/report';
import { stubLayoutInThisFile } from '../../component/layoutStub';
import { freshDb, renderAt, seedTrip } from '../../component/trips/fixtures';

/**
 * The trip home counts by the report's rules: a rejected visit and what was recorded on it drop out, and
 * so does a rejected agreement.
 */
stubLayoutInThisFile();
beforeEach(() => {
  freshDb();
});
afterEach(cleanup);

const figure = (id: string) => screen.getByTestId(`figure-${id}`);

describe('trip home and report count the same records', () => {
  it('leaves out a rejected visit with its problems and recommendations, and counts other review states', async () => {
    const trip = await seedTrip();
    const host = await createRecord('hosts', { name: '重庆东嶅药业有限公司' });
    const expert = await createRecord('experts', { name: '陈绍成' });
    await createRecord('tripMembers', { tripId: trip.id, expertId: expert.id });
    const visit = (reviewState: 'draft' | 'has_issues' | 'rejected', lectures: number) =>
      createRecord('visits', {
        tripId: trip.id,
        hostId: host.id,
        date: '2025-06-23',
        expertIds: [expert.id],
        activities: [{ type: 'lecture', count: lectures }],
        peopleTrained: lectures * 10,
        reviewState,
      });
    const kept = await visit('draft', 1);
    await visit('has_issues', 2);
    const rejected = await visit('rejected', 4);
    for (const v of [kept, rejected]) {
      await createRecord('problems', { tripId: trip.id, visitId: v.id, title: '问题', status: 'solved' });
      await createRecord('recommendations', { tripId: trip.id, visitId: v.id, text: '建议' });
    }

    renderAt(`/trips/${trip.id}`, { '/trips/:tripId': <TripHomePage /> });
    // Hand count: the draft (1 lecture) and has_issues (2 lectures) visits.
    await waitFor(() => expect(figure('visits')).toHaveTextContent(/^2$/));
    expect(figure('activity-lecture')).toHaveTextContent(/^3$/);
    expect(figure('people-trained')).toHaveTextContent(/^30$/);
    expect(figure('problems-solved-other')).toHaveTextContent(/^1$/);
    expect(figure('recommendations')).toHaveTextContent(/^1$/);

    const input = await loadReportInput(getDb(), trip.id, '2025-07-01');
    if (!input) throw new Error('trip not loaded');
    const report = computeTripReport(input);
    expect(report.figures.visits).toBe(2);
    expect(report.figures.activities.lecture).toBe(3);

    // Approving the rejected visit brings it (and its problem) back on the trip home.
    await updateRecord('visits', rejected.id, { reviewState: 'approved' });
    await waitFor(() => expect(figure('visits')).toHaveTextContent(/^3$/));
    expect(figure('activity-lecture')).toHaveTextContent(/^7$/);
    expect(figure('problems-solved-other')).toHaveTextContent(/^2$/);
  });

  it('leaves out a rejected agreement, on the trip home as in the report', async () => {
    const trip = await seedTrip();
    const host = await createRecord('hosts', { name: '重庆医科大学附属璧山医院' });
    const agreement = (reviewState: 'submitted' | 'rejected') =>
      createRecord('agreements', {
        tripId: trip.id,
        hostId: host.id,
        kind: 'cooperation',
        title: '医疗合作协议',
        status: 'signed',
        signedDate: '2025-06-25',
        reviewState,
      });
    await agreement('submitted');
    const rejected = await agreement('rejected');

    renderAt(`/trips/${trip.id}`, { '/trips/:tripId': <TripHomePage /> });
    await waitFor(() => expect(figure('agreement-cooperation-total')).toHaveTextContent(/^1$/));
    const input = await loadReportInput(getDb(), trip.id, '2025-07-01');
    if (!input) throw new Error('trip not loaded');
    const report = computeTripReport(input);
    expect(report.figures.agreements.byKind.cooperation.total).toBe(1);
    expect(report.excluded.rejectedAgreements).toBe(1);

    await updateRecord('agreements', rejected.id, { reviewState: 'approved' });
    await waitFor(() => expect(figure('agreement-cooperation-total')).toHaveTextContent(/^2$/));
  });
});
