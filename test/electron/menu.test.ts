import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../electron/menu';
import { LANGUAGES, type MenuCommand } from '../../shared/ipc/channels';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const topLabels = (items: MenuItemConstructorOptions[]) => items.map((item) => item.label);

/** Clicks an item as Electron would; the template's handlers ignore Electron's arguments. */
function click(item: MenuItemConstructorOptions | undefined): void {
  const handler: ((...args: never[]) => void) | undefined = item?.click;
  if (!handler) throw new Error(`menu item ${item?.label} has no click handler`);
  handler();
}

describe('buildMenuTemplate', () => {
  const options = { platform: 'linux', isDev: false };

  it('gives every item a label in both languages', () => {
    for (const lang of LANGUAGES) {
      for (const platform of ['linux', 'win32', 'darwin']) {
        for (const isDev of [false, true]) {
          for (const item of flatten(buildMenuTemplate(lang, () => {}, { platform, isDev }))) {
            if (item.type === 'separator') continue;
            expect(item.label, `${lang} ${platform} ${JSON.stringify(item.role)}`).toEqual(
              expect.any(String),
            );
            expect(item.label?.trim()).not.toBe('');
          }
        }
      }
    }
  });

  it('is Chinese or English throughout', () => {
    expect(topLabels(buildMenuTemplate('zh-CN', () => {}, options))).toEqual([
      '文件',
      '编辑',
      '视图',
      '前往',
      '语言',
      '帮助',
    ]);
    expect(topLabels(buildMenuTemplate('en', () => {}, options))).toEqual([
      'File',
      'Edit',
      'View',
      'Go',
      'Language',
      'Help',
    ]);
  });

  it('sends menu commands to the renderer', () => {
    const send = vi.fn<(command: MenuCommand) => void>();
    const items = flatten(buildMenuTemplate('en', send, options));
    const byLabel = (label: string) => items.find((item) => item.label === label);
    for (const [label, command] of [
      ['New Visit', 'new-visit'],
      ['Export…', 'export'],
      ['Trips', 'go-trips'],
      ['Search', 'search'],
      ['中文', 'set-language-zh-CN'],
      ['English', 'set-language-en'],
      ['Switch Language', 'toggle-language'],
      ['About Expert Trips', 'about'],
    ] as const) {
      click(byLabel(label));
      expect(send).toHaveBeenLastCalledWith(command);
    }
  });

  it('checks the current language', () => {
    const languageItems = (lang: 'zh-CN' | 'en') =>
      flatten(buildMenuTemplate(lang, () => {}, options)).filter((item) => item.type === 'radio');
    expect(languageItems('zh-CN').map((item) => [item.label, item.checked])).toEqual([
      ['中文', true],
      ['English', false],
    ]);
    expect(languageItems('en').map((item) => [item.label, item.checked])).toEqual([
      ['中文', false],
      ['English', true],
    ]);
  });

  it('offers developer tools only in development', () => {
    const roles = (isDev: boolean) =>
      flatten(buildMenuTemplate('en', () => {}, { platform: 'linux', isDev })).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('forceReload');
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).toEqual(
      expect.arrayContaining(['reload', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'quit']),
    );
  });

  it('adds the macOS application menu on darwin only', () => {
    const mac = buildMenuTemplate('zh-CN', () => {}, { platform: 'darwin', isDev: false });
    expect(mac[0]?.label).toBe('专家服务行');
    const macRoles = flatten(mac).map((item) => item.role);
    expect(macRoles).toEqual(expect.arrayContaining(['services', 'hide', 'quit', 'close', 'windowMenu']));
    const linux = buildMenuTemplate('zh-CN', () => {}, options);
    expect(linux[0]?.label).toBe('文件');
    expect(flatten(linux).map((item) => item.role)).not.toContain('services');
  });
});
