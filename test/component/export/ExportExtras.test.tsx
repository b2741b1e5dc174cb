// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecord } from '../../../renderer/data/repository';
import { ExportMenu } from '../../../renderer/export/ExportMenu';
import { type SaveFileRequest, setPlatformForTesting } from '../../../renderer/platform';
import { createWebPlatform } from '../../../renderer/platform/webPlatform';
import { readDocx } from '../../unit/export/readBack';
import { freshDb, seedTrip } from '../trips/fixtures';

/**
 * The export menu's extra choices against a real database, building in-thread. The photo records here
 * name bytes that are not on the device (jsdom's Blob cannot be stored by fake-indexeddb): the picker
 * shows placeholders, and the report names the picked photos as not included. Embedding real bytes is
 * covered by test/unit/export/docxPhotos.test.ts.
 */
const HASH = (n: number) => String(n).repeat(64).slice(0, 64);

async function seed() {
  const trip = await seedTrip();
  const host = await createRecord('hosts', { name: '重庆东嶅药业有限公司' });
  const expert = await createRecord('experts', { name: '陈绍成' });
  const visit = await createRecord('visits', {
    tripId: trip.id,
    hostId: host.id,
    date: '2025-06-23',
    expertIds: [expert.id],
    activities: [{ type: 'technical_guidance', count: 1 }],
  });
  for (const [n, caption] of [
    [1, '车间现场'],
    [2, '座谈会'],
    [3, ''],
  ] as const) {
    await createRecord('attachments', {
      tripId: trip.id,
      recordTable: 'visits',
      recordId: visit.id,
      kind: 'photo',
      hash: HASH(n),
      type: 'image/jpeg',
      size: 100,
      caption,
    });
  }
  return trip;
}

let saves: SaveFileRequest[];
beforeEach(() => {
  freshDb();
  saves = [];
  const saveFile = vi.fn(async (request: SaveFileRequest) => {
    saves.push(request);
    return { saved: true as const, path: `/tmp/${request.suggestedName}` };
  });
  setPlatformForTesting({ ...createWebPlatform(), kind: 'electron', saveFile });
});
afterEach(() => {
  cleanup();
  setPlatformForTesting(undefined);
});

async function openMenu(tripId: string) {
  render(<ExportMenu tripId={tripId} />);
  fireEvent.click(screen.getByRole('button', { name: /导出/ }));
  return screen.getByRole('region', { name: '导出' });
}

describe('ExportMenu extras', () => {
  it('backs up with the files as a ZIP by default when the trip has attachments', async () => {
    const trip = await seed();
    const panel = await openMenu(trip.id);
    const files = within(panel).getByTestId('export-json-files') as HTMLInputElement;
    await waitFor(() => expect(files.checked).toBe(true));
    fireEvent.click(within(panel).getByTestId('export-json'));
    await waitFor(() => expect(saves).toHaveLength(1));
    expect(saves[0]?.suggestedName.endsWith('.zip')).toBe(true);
    expect(saves[0]?.filters).toEqual([{ name: 'ZIP 压缩包', extensions: ['zip'] }]);
    const zip = await JSZip.loadAsync(saves[0]?.data as Uint8Array);
    const manifest = JSON.parse((await zip.file('files.json')?.async('string')) ?? '{}');
    expect(manifest.missing).toEqual([HASH(1), HASH(2), HASH(3)]);

    // Unticked: the plain .json backup.
    fireEvent.click(files);
    expect(files.checked).toBe(false);
    fireEvent.click(within(panel).getByTestId('export-json'));
    await waitFor(() => expect(saves).toHaveLength(2));
    expect(saves[1]?.suggestedName.endsWith('.json')).toBe(true);
  });

  it('lets the organiser pick photos for the Word report, grouped by visit, none picked at first', async () => {
    const trip = await seed();
    const panel = await openMenu(trip.id);
    const withPhotos = within(panel).getByTestId('export-docx-photos') as HTMLInputElement;
    await waitFor(() => expect(withPhotos.disabled).toBe(false));
    fireEvent.click(withPhotos);
    const picker = within(panel).getByTestId('photo-picker');
    expect(within(picker).getByText('已选 0 张，共 3 张')).toBeInTheDocument();
    expect(within(picker).getByText(/重庆东嶅药业有限公司/)).toBeInTheDocument();
    // findAll would settle for the first tile that is ready; wait until all three are.
    await waitFor(() => expect(within(picker).getAllByText('不在本机')).toHaveLength(3));
    expect(within(picker).getByText('（无说明）')).toBeInTheDocument();
    fireEvent.click(within(picker).getByLabelText(/车间现场/));
    fireEvent.click(within(picker).getByLabelText(/座谈会/));
    expect(within(picker).getByText('已选 2 张，共 3 张')).toBeInTheDocument();

    fireEvent.click(within(panel).getByTestId('export-docx'));
    await waitFor(() => expect(saves).toHaveLength(1));
    const doc = await readDocx(saves[0]?.data as Uint8Array);
    expect(doc.text).toContain('六、现场照片');
    expect(doc.text).toContain('另有 2 张照片不在本机，未附入：车间现场、座谈会。');
  });

  it('disables the photo choice when the trip has no photos', async () => {
    const trip = await seedTrip();
    const panel = await openMenu(trip.id);
    const withPhotos = within(panel).getByTestId('export-docx-photos') as HTMLInputElement;
    expect(withPhotos.disabled).toBe(true);
    expect(within(panel).getByText('本活动还没有现场照片。')).toBeInTheDocument();
    expect((within(panel).getByTestId('export-json-files') as HTMLInputElement).checked).toBe(false);
  });
});
