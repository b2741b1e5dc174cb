// @vitest-environment jsdom
import { Blob as NodeBlob } from 'node:buffer';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addSignature } from '../../../renderer/attachments';
import type { AppDatabase } from '../../../renderer/db/database';
import { SignaturesSection } from '../../../renderer/features/attachments/SignaturesSection';
import { StorageStatusLine } from '../../../renderer/features/attachments/StorageStatusLine';
import { useSettings } from '../../../renderer/state/settings';
import { freshWorld, PNG_BYTES } from '../../unit/attachments/fixtures';

// Node's Blob (readable) and counted object URLs: see PhotosSection.test.tsx.
const jsdomBlob = globalThis.Blob;
const realCreate = URL.createObjectURL;
let urls = 0;
beforeAll(() => {
  globalThis.Blob = NodeBlob as unknown as typeof Blob;
  URL.createObjectURL = () => `blob:test/${++urls}`;
  URL.revokeObjectURL = () => undefined;
});
afterAll(() => {
  globalThis.Blob = jsdomBlob;
  URL.createObjectURL = realCreate;
});

let db: AppDatabase;
let target: { tripId: string; recordTable: 'visits' | 'agreements'; recordId: string };
beforeEach(() => {
  ({ db, target } = freshWorld('agreements'));
  useSettings.setState({ lang: 'zh-CN' });
});
afterEach(() => cleanup());

const png = () => new Blob([PNG_BYTES], { type: 'image/png' });

function renderSignatures(parties: string[], readOnly = false) {
  return render(
    <SignaturesSection
      tripId={target.tripId}
      agreementId={target.recordId}
      parties={parties}
      readOnly={readOnly}
    />,
  );
}

describe('signatures of an agreement', () => {
  it('one row per party: the drawn signature, or a button to sign', async () => {
    await addSignature(target, '重庆东嶅药业有限公司', png());
    renderSignatures(['重庆东嶅药业有限公司', '重庆医科大学']);
    const rows = await screen.findAllByTestId('signature-row');
    expect(rows).toHaveLength(2);
    await waitFor(() => expect(within(rows[0] as HTMLElement).getByRole('img')).toHaveAttribute('src'));
    expect(
      within(rows[0] as HTMLElement).getByRole('button', { name: '为“重庆东嶅药业有限公司”签名' }),
    ).toHaveTextContent('重新签名');
    expect(rows[1]).toHaveTextContent('未签名');
    expect(
      within(rows[1] as HTMLElement).getByRole('button', { name: '为“重庆医科大学”签名' }),
    ).toHaveTextContent('签名');
  });

  it('without parties it says so and points to the parties field', () => {
    renderSignatures([]);
    expect(screen.getByText(/还没有填写签约各方。请先在上方“签约各方”中填写/)).toBeInTheDocument();
  });

  it('a signature of a party no longer listed stays visible and can be removed', async () => {
    await addSignature(target, '旧名称公司', png());
    renderSignatures(['新名称公司']);
    await waitFor(() => expect(screen.getAllByTestId('signature-row')).toHaveLength(2));
    const rows = screen.getAllByTestId('signature-row');
    expect(rows[1]).toHaveTextContent(/旧名称公司\s*（签约方名单中已没有这一方）/);
    fireEvent.click(within(rows[1] as HTMLElement).getByRole('button', { name: '移除 旧名称公司' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '移除' }));
    });
    await waitFor(() => expect(screen.getAllByTestId('signature-row')).toHaveLength(1));
    expect((await db.attachments.toArray()).every((a) => a._deleted === 1)).toBe(true);
  });

  it('the pad opens over the form, Escape skips it without closing anything else, focus returns', async () => {
    let drawerClosed = false;
    const onDrawerKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) drawerClosed = true;
    };
    window.addEventListener('keydown', onDrawerKey); // what the agreement drawer listens to
    renderSignatures(['重庆医科大学']);
    const sign = await screen.findByRole('button', { name: '为“重庆医科大学”签名' });
    sign.focus();
    fireEvent.click(sign);
    const dialog = screen.getByRole('dialog', { name: '为“重庆医科大学”签名' });
    expect(within(dialog).getByText(/用键盘时可按 Esc 跳过/)).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: '保存签名' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('请先在签名区书写。');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(drawerClosed).toBe(false);
    expect(document.activeElement).toBe(sign);
    window.removeEventListener('keydown', onDrawerKey);
    expect(await db.attachments.count()).toBe(0);
  });

  it('read-only: signatures are shown, nothing to sign or remove', async () => {
    await addSignature(target, '甲方', png());
    renderSignatures(['甲方', '乙方'], true);
    await screen.findAllByTestId('signature-row');
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('storage in the sidebar', () => {
  const storage = Object.getOwnPropertyDescriptor(navigator, 'storage');
  afterEach(() => {
    if (storage) Object.defineProperty(navigator, 'storage', storage);
    else Reflect.deleteProperty(navigator, 'storage');
  });
  const estimate = (usage: number, quota: number) =>
    Object.defineProperty(navigator, 'storage', {
      configurable: true,
      value: { estimate: async () => ({ usage, quota }) },
    });

  it('shows the use, and warns clearly when the device is nearly full', async () => {
    estimate(920 * 1024 * 1024, 1000 * 1024 * 1024);
    render(<StorageStatusLine />);
    expect(await screen.findByTestId('storage-usage')).toHaveTextContent(
      '本机存储：已用 920 MB / 1000 MB（92%）',
    );
    expect(screen.getByRole('alert')).toHaveTextContent('本机存储空间即将用完（已用 92%）');
  });

  it('no warning while there is room', async () => {
    estimate(100 * 1024 * 1024, 1000 * 1024 * 1024);
    render(<StorageStatusLine />);
    expect(await screen.findByTestId('storage-usage')).toHaveTextContent('（10%）');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
