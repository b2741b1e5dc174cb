/**
 * The native application menu, in Chinese (the default) or English.
 *
 * The strings live here rather than in shared/i18n because only the main process shows them and they must
 * be available before any renderer exists. Role items get explicit labels too: Electron would otherwise
 * localise them by the OS language, giving a half-English menu on an English OS with the app in Chinese.
 * Clicks that mean something to the app are sent to the renderer as menu commands; the renderer decides.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { LANGUAGES, type Language, type MenuCommand } from '../shared/ipc/channels';

const LABELS = {
  'zh-CN': {
    app: '专家服务行',
    about: '关于专家行',
    services: '服务',
    hide: '隐藏专家行',
    hideOthers: '隐藏其他',
    unhide: '全部显示',
    quitApp: '退出专家行',
    file: '文件',
    newVisit: '新建走访记录',
    export: '导出…',
    close: '关闭窗口',
    quit: '退出',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图',
    reload: '重新加载',
    forceReload: '强制重新加载',
    devTools: '开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullscreen: '切换全屏',
    go: '前往',
    trips: '行程列表',
    search: '搜索',
    language: '语言',
    toggleLanguage: '切换语言',
    window: '窗口',
    help: '帮助',
  },
  en: {
    app: 'Expert Trips',
    about: 'About Expert Trips',
    services: 'Services',
    hide: 'Hide Expert Trips',
    hideOthers: 'Hide Others',
    unhide: 'Show All',
    quitApp: 'Quit Expert Trips',
    file: 'File',
    newVisit: 'New Visit',
    export: 'Export…',
    close: 'Close Window',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    forceReload: 'Force Reload',
    devTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullscreen: 'Toggle Full Screen',
    go: 'Go',
    trips: 'Trips',
    search: 'Search',
    language: 'Language',
    toggleLanguage: 'Switch Language',
    window: 'Window',
    help: 'Help',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** Language names are shown in their own language in both menus, so a lost user can find theirs. */
const LANGUAGE_NAMES = { 'zh-CN': '中文', en: 'English' } as const satisfies Record<Language, string>;
const SET_LANGUAGE_COMMANDS = {
  'zh-CN': 'set-language-zh-CN',
  en: 'set-language-en',
} as const satisfies Record<Language, MenuCommand>;

export interface MenuOptions {
  /** process.platform; 'darwin' gets the macOS application menu. */
  readonly platform: string;
  /** Developer tools and force-reload appear only while developing. */
  readonly isDev: boolean;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function buildMenuTemplate(
  lang: Language,
  send: (command: MenuCommand) => void,
  options: MenuOptions,
): MenuItemConstructorOptions[] {
  const t = LABELS[lang];
  const isMac = options.platform === 'darwin';
  const command = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(cmd),
  });

  const appMenu: MenuItemConstructorOptions = {
    label: t.app,
    submenu: [
      command(t.about, 'about'),
      separator,
      { role: 'services', label: t.services },
      separator,
      { role: 'hide', label: t.hide },
      { role: 'hideOthers', label: t.hideOthers },
      { role: 'unhide', label: t.unhide },
      separator,
      { role: 'quit', label: t.quitApp },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [
      command(t.newVisit, 'new-visit', 'CmdOrCtrl+N'),
      command(t.export, 'export', 'CmdOrCtrl+E'),
      separator,
      // On macOS quitting lives in the app menu; the File menu closes the window instead.
      isMac ? { role: 'close', label: t.close } : { role: 'quit', label: t.quit },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: t.edit,
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      separator,
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      { role: 'selectAll', label: t.selectAll },
    ],
  };

  const devItems: MenuItemConstructorOptions[] = options.isDev
    ? [
        { role: 'forceReload', label: t.forceReload },
        { role: 'toggleDevTools', label: t.devTools },
      ]
    : [];
  const viewMenu: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      { role: 'reload', label: t.reload },
      ...devItems,
      separator,
      { role: 'resetZoom', label: t.resetZoom },
      { role: 'zoomIn', label: t.zoomIn },
      { role: 'zoomOut', label: t.zoomOut },
      separator,
      { role: 'togglefullscreen', label: t.fullscreen },
    ],
  };

  const goMenu: MenuItemConstructorOptions = {
    label: t.go,
    submenu: [command(t.trips, 'go-trips', 'CmdOrCtrl+1'), command(t.search, 'search', 'CmdOrCtrl+F')],
  };

  const languageMenu: MenuItemConstructorOptions = {
    label: t.language,
    submenu: [
      ...LANGUAGES.map(
        (option): MenuItemConstructorOptions => ({
          label: LANGUAGE_NAMES[option],
          type: 'radio',
          checked: option === lang,
          click: () => send(SET_LANGUAGE_COMMANDS[option]),
        }),
      ),
      separator,
      command(t.toggleLanguage, 'toggle-language', 'CmdOrCtrl+Shift+L'),
    ],
  };

  const windowMenu: MenuItemConstructorOptions = { role: 'windowMenu', label: t.window };

  const helpMenu: MenuItemConstructorOptions = {
    // On macOS the 'help' role adds the system's menu search field; the role exists only there.
    ...(isMac ? ({ role: 'help' } satisfies MenuItemConstructorOptions) : {}),
    label: t.help,
    submenu: [command(t.about, 'about')],
  };

  return [
    ...(isMac ? [appMenu] : []),
    fileMenu,
    editMenu,
    viewMenu,
    goMenu,
    languageMenu,
    ...(isMac ? [windowMenu] : []),
    helpMenu,
  ];
}
