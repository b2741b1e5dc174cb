import { afterAll, beforeAll } from 'vitest';

/**
 * jsdom has no layout: every element is 0×0, so a virtualised list would render no rows at all. Gives
 * elements a plausible size; returns the function that puts jsdom's getters back.
 */
export function stubLayout(): () => void {
  const proto = HTMLElement.prototype;
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: () => 800 });
  Object.defineProperty(proto, 'clientWidth', { configurable: true, get: () => 1200 });
  return () => {
    Reflect.deleteProperty(proto, 'clientHeight');
    Reflect.deleteProperty(proto, 'clientWidth');
  };
}

/**
 * Opt-in per test file (call it at the top level of a file whose screens show virtualised lists): the
 * layout is stubbed before the file's first test and restored after its last.
 */
export function stubLayoutInThisFile(): void {
  let restore: (() => void) | undefined;
  beforeAll(() => {
    restore = stubLayout();
  });
  afterAll(() => restore?.());
}
