import { describe, expect, it, vi } from 'vitest';
import {
  claimSingleInstance,
  type FocusableWindow,
  type SingleInstanceApp,
} from '../../electron/singleInstance';

function fakeApp(gotLock: boolean) {
  const listeners: Array<() => void> = [];
  const app = {
    requestSingleInstanceLock: vi.fn(() => gotLock),
    quit: vi.fn(),
    on: vi.fn((_event: 'second-instance', listener: () => void) => listeners.push(listener)),
  } satisfies SingleInstanceApp;
  const secondInstance = (): void => {
    for (const listener of listeners) listener();
  };
  return { app, secondInstance };
}

function fakeWindow(minimized: boolean) {
  return {
    isDestroyed: vi.fn(() => false),
    isMinimized: vi.fn(() => minimized),
    restore: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(),
  } satisfies FocusableWindow;
}

describe('claimSingleInstance', () => {
  it('quits a second instance', () => {
    const { app } = fakeApp(false);
    expect(claimSingleInstance(app, () => null)).toBe(false);
    expect(app.quit).toHaveBeenCalled();
    expect(app.on).not.toHaveBeenCalled();
  });

  it('brings the existing window forward when another launch happens', () => {
    const { app, secondInstance } = fakeApp(true);
    const window = fakeWindow(true);
    expect(claimSingleInstance(app, () => window)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    secondInstance();
    expect(window.restore).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('does nothing when there is no window yet', () => {
    const { app, secondInstance } = fakeApp(true);
    claimSingleInstance(app, () => null);
    expect(() => secondInstance()).not.toThrow();
  });
});
