// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecord } from '../../../renderer/data/repository';
import type { AppDatabase } from '../../../renderer/db/database';
import { AgreementForm } from '../../../renderer/features/agreements/AgreementForm';
import { AgreementsPage } from '../../../renderer/features/agreements/AgreementsPage';
import { freshDb, seedHost, seedTrip, seedVisit } from '../hosts/fixtures';
import { stubLayoutInThisFile } from '../layoutStub';

let db: AppDatabase;
stubLayoutInThisFile();
beforeEach(() => {
  db = freshDb();
});
afterEach(cleanup);

/** The field wrapper (label, input, message) of the input labelled `label`. */
const fieldOf = (label: RegExp | string) => {
  const field = screen.getByLabelText(label).closest('.field');
  if (!(field instanceof HTMLElement)) throw new Error(`no field ${String(label)}`);
  return field;
};

describe('AgreementForm', () => {
  it('refuses a signed agreement without a signing date, next to the date field, then saves', async () => {
    const { trip, expert } = await seedTrip();
    const host = await seedHost('重庆金属材料热处理有限公司');
    const visit = await seedVisit(trip.id, host.id, expert.id, '2025-06-24');
    const onSaved = vi.fn();
    render(
      <AgreementForm
        tripId={trip.id}
        initial={{ hostId: host.id, visitId: visit.id }}
        onSaved={onSaved}
        onCancel={() => {}}
      />,
    );
    fireEvent.change(await screen.findByLabelText(/协议名称/), { target: { value: '校企技术合作协议' } });
    fireEvent.change(screen.getByLabelText('状态'), { target: { value: 'signed' } });
    fireEvent.change(screen.getByLabelText('签约各方'), {
      target: { value: '四川大学、重庆金属材料热处理有限公司' },
    });
    fireEvent.change(screen.getByLabelText(/金额/), { target: { value: '50' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    await waitFor(() =>
      expect(within(fieldOf(/签约日期/)).getByRole('alert')).toHaveTextContent(
        '已签约的协议需要填写签约日期',
      ),
    );
    expect(screen.getByLabelText(/签约日期/)).toHaveAttribute('aria-invalid', 'true');
    expect(await db.agreements.count()).toBe(0);
    // Nothing typed was lost.
    expect(screen.getByLabelText(/协议名称/)).toHaveValue('校企技术合作协议');

    fireEvent.change(screen.getByLabelText(/签约日期/), { target: { value: '2025-06-24' } });
    expect(within(fieldOf(/签约日期/)).queryByRole('alert')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    const [saved] = await db.agreements.toArray();
    expect(saved).toMatchObject({
      tripId: trip.id,
      hostId: host.id,
      visitId: visit.id,
      title: '校企技术合作协议',
      status: 'signed',
      signedDate: '2025-06-24',
      parties: ['四川大学', '重庆金属材料热处理有限公司'],
      amount: 50,
    });
  });

  it('a draft agreement needs no date; an end before the start is refused', async () => {
    const { trip } = await seedTrip();
    const host = await seedHost('璧山区人民医院');
    const onSaved = vi.fn();
    render(
      <AgreementForm tripId={trip.id} initial={{ hostId: host.id }} onSaved={onSaved} onCancel={() => {}} />,
    );
    fireEvent.change(await screen.findByLabelText(/协议名称/), {
      target: { value: '专家智力服务基地共建协议' },
    });
    fireEvent.change(screen.getByLabelText('履约开始'), { target: { value: '2025-07-01' } });
    fireEvent.change(screen.getByLabelText('履约结束'), { target: { value: '2025-06-01' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() =>
      expect(within(fieldOf('履约结束')).getByRole('alert')).toHaveTextContent('结束日期不能早于开始日期'),
    );
    fireEvent.change(screen.getByLabelText('履约结束'), { target: { value: '2028-06-30' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(await db.agreements.count()).toBe(1);
  });
});

describe('agreements list', () => {
  it('lists the trip’s agreements with host and signed totals, filtered by status', async () => {
    const { trip } = await seedTrip();
    const host = await seedHost('重庆青山工业有限责任公司');
    await createRecord('agreements', {
      tripId: trip.id,
      hostId: host.id,
      title: '特聘专家聘任书',
      kind: 'expert_appointment',
      status: 'signed',
      signedDate: '2025-06-24',
      amount: 12.5,
    });
    await createRecord('agreements', {
      tripId: trip.id,
      hostId: host.id,
      title: '联合攻关意向',
      kind: 'consensus',
    });
    render(
      <MemoryRouter initialEntries={[`/trips/${trip.id}/agreements`]}>
        <Routes>
          <Route path="/trips/:tripId/agreements" element={<AgreementsPage />} />
        </Routes>
      </MemoryRouter>,
    );
    await waitFor(() => expect(screen.getAllByTestId('vtable-row')).toHaveLength(2));
    // The amount in its row, and the signed total in the figures (the consensus is not signed).
    expect(screen.getAllByText('12.5')).toHaveLength(2);
    expect(screen.getByText('已签约（共 2 份协议）')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('状态'), { target: { value: 'signed' } });
    await waitFor(() => expect(screen.getAllByTestId('vtable-row')).toHaveLength(1));
    expect(screen.getByTestId('vtable-row')).toHaveTextContent('特聘专家聘任书');
    expect(screen.getByTestId('vtable-row')).toHaveTextContent('重庆青山工业有限责任公司');
  });
});
