// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppDatabase } from '../../../renderer/db/database';
import { HostForm } from '../../../renderer/features/hosts/HostForm';
import { creditCodeCheckChar } from '../../../shared/creditCode';
import { code, freshDb, seedHost } from './fixtures';

let db: AppDatabase;
beforeEach(() => {
  db = freshDb();
});
afterEach(cleanup);

const BODY = '91500227MA5U7AB3X';
const VALID = code(BODY);
// A wrong 18th character: any other symbol of the alphabet than the real check character.
const WRONG = BODY + (creditCodeCheckChar(BODY) === '1' ? '2' : '1');

async function fill(label: string, value: string) {
  fireEvent.change(await screen.findByLabelText(label, { exact: false }), { target: { value } });
}

describe('HostForm', () => {
  it('explains a wrong check character next to the field, and saves once the code is right', async () => {
    const onSaved = vi.fn();
    render(<HostForm onSaved={onSaved} onCancel={() => {}} />);
    await fill('单位名称', '重庆璧山金属材料热处理有限公司');
    await fill('统一社会信用代码', WRONG.slice(0, 10));
    expect(screen.getByText('已输入 10/18 位')).toBeInTheDocument();

    await fill('统一社会信用代码', WRONG);
    const expected = `校验位不符：第 18 位应为“${VALID.charAt(17)}”，填写的是“${WRONG.charAt(17)}”`;
    expect(await screen.findByText((text) => text.startsWith(expected))).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('请先修正标红的项目')).toBeInTheDocument();
    expect(screen.getByLabelText('统一社会信用代码')).toHaveAttribute('aria-invalid', 'true');
    expect(await db.hosts.count()).toBe(0);
    expect(onSaved).not.toHaveBeenCalled();

    // Lower case with spaces, as people paste it: normalised by the schema.
    await fill('统一社会信用代码', `${VALID.slice(0, 9).toLowerCase()} ${VALID.slice(9)}`);
    expect(await screen.findByText('✓ 代码格式与校验位正确')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    const saved = await db.hosts.toArray();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      name: '重庆璧山金属材料热处理有限公司',
      creditCode: VALID,
      _deleted: 0,
    });
    expect(onSaved.mock.calls[0]?.[0].id).toBe(saved[0]?.id);
  });

  it('points out a letter where the region digits belong while typing', async () => {
    render(<HostForm onSaved={() => {}} onCancel={() => {}} />);
    await fill('统一社会信用代码', '9150A');
    expect(await screen.findByText('第 5 位应为数字（第 3–8 位是行政区划代码）')).toBeInTheDocument();
  });

  it('requires a name, and Enter in a field saves', async () => {
    const onSaved = vi.fn();
    render(<HostForm onSaved={onSaved} onCancel={() => {}} />);
    const district = await screen.findByLabelText('所在区县');
    fireEvent.change(district, { target: { value: '璧山区' } });
    fireEvent.keyDown(district, { key: 'Enter' });
    expect(await screen.findByText('此项必填')).toBeInTheDocument();
    expect(screen.getByLabelText('所在区县')).toHaveValue('璧山区');
    await fill('单位名称', '璧山区人民医院');
    fireEvent.keyDown(screen.getByLabelText('单位名称', { exact: false }), { key: 'Enter' });
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect((await db.hosts.toArray())[0]).toMatchObject({ name: '璧山区人民医院', district: '璧山区' });
  });

  it('warns about a host with the same credit code or name without blocking the save', async () => {
    const existing = await seedHost('重庆某某机械有限公司', VALID);
    const onOpen = vi.fn();
    const onSaved = vi.fn();
    render(<HostForm onSaved={onSaved} onCancel={() => {}} onOpenDuplicate={onOpen} />);
    await fill('单位名称', '机械公司（新）');
    await fill('统一社会信用代码', VALID);
    expect(await screen.findByText('可能重复：')).toBeInTheDocument();
    expect(screen.getByText('信用代码相同')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '打开该单位' }));
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: existing.id }));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(await db.hosts.count()).toBe(2);
  });

  it('edits an existing host in place', async () => {
    const host = await seedHost('璧山区中医院');
    const onSaved = vi.fn();
    render(<HostForm initial={host} onSaved={onSaved} onCancel={() => {}} />);
    expect(await screen.findByLabelText('单位名称', { exact: false })).toHaveValue('璧山区中医院');
    await fill('联系人', '王主任');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(await db.hosts.get(host.id)).toMatchObject({ name: '璧山区中医院', contactName: '王主任' });
    expect(await db.hosts.count()).toBe(1);
  });
});
