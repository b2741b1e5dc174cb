// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppDatabase, setDb } from '../../../renderer/db/database';
import {
  canManageTrips,
  commentAuthorOf,
  useCanManageTrip,
  useCommentAuthor,
} from '../../../renderer/review/role';
import { SYNC_META } from '../../../renderer/sync/syncMeta';
import { newId } from '../../../shared/ids';

const user = (role: 'admin' | 'organiser' | 'expert', displayName = '') => ({
  id: newId(),
  username: `${role}-1`,
  displayName,
  role,
});

let db: AppDatabase;
beforeEach(() => {
  db = new AppDatabase(`role-${newId()}`);
  setDb(db);
});

describe('who manages a trip on this device', () => {
  it('a device signed in to no server is a lone organiser; admins and organisers manage; experts do not', () => {
    expect(canManageTrips(null)).toBe(true);
    expect(canManageTrips(user('admin'))).toBe(true);
    expect(canManageTrips(user('organiser'))).toBe(true);
    expect(canManageTrips(user('expert'))).toBe(false);
  });

  it('comments are signed with the display name, else the user name, else nothing ("本机")', () => {
    expect(commentAuthorOf(null)).toBe('');
    expect(commentAuthorOf(user('expert', '陈绍成'))).toBe('陈绍成');
    expect(commentAuthorOf(user('expert'))).toBe('expert-1');
    expect(commentAuthorOf(user('organiser', '很'.repeat(80)))).toHaveLength(60);
  });

  it('useCanManageTrip follows sign-in and sign-out live', async () => {
    const { result } = renderHook(() => ({ manage: useCanManageTrip('t'), author: useCommentAuthor() }));
    await waitFor(() => expect(result.current.manage).toBe(true));
    expect(result.current.author).toBe('');

    await act(() => db.meta.put({ key: SYNC_META.user, value: user('expert', '陈绍成') }));
    await waitFor(() => expect(result.current.manage).toBe(false));
    expect(result.current.author).toBe('陈绍成');

    await act(() => db.meta.put({ key: SYNC_META.user, value: user('organiser', '王组织') }));
    await waitFor(() => expect(result.current.manage).toBe(true));

    await act(() => db.meta.delete(SYNC_META.user));
    await waitFor(() => expect(result.current.author).toBe(''));
    expect(result.current.manage).toBe(true);
  });
});
