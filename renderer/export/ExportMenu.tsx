import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { Lang } from '../../shared/enums';
import type { MessageKey } from '../../shared/i18n';
import { SegmentButton, Segmented } from '../components/Segmented';
import { useT } from '../i18n/useT';
import { getPlatform } from '../platform';
import { ExportExtrasPanel, useExportExtras } from './ExportExtras';
import { ExportStatus, FORMAT_LABEL } from './ExportStatus';
import { EXPORT_FORMATS, type ExportFormat } from './fileName';
import { useExport } from './useExport';
import './exportMenu.css';

const DESCRIPTION: Record<ExportFormat, MessageKey> = {
  docx: 'exports.format.docx.desc',
  xlsx: 'exports.format.xlsx.desc',
  csv: 'exports.format.csv.desc',
  json: 'exports.format.json.desc',
};
const ICON: Record<ExportFormat, string> = { docx: 'W', xlsx: 'X', csv: 'CSV', json: '{ }' };

/**
 * "导出" on the report page: a button that opens the four export formats, each with what it is for,
 * and under them the running export's progress (with Cancel) or how it ended. The files are written in
 * the UI's language unless another is chosen here, since an organiser working in English may still
 * owe the province a Chinese report. Escape or a click elsewhere closes it; an export keeps running
 * and the button shows its progress. The native menu's "Export" (Ctrl+E) opens it.
 */
export function ExportMenu({ tripId }: { tripId: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [chosenLang, setChosenLang] = useState<Lang | null>(null);
  const lang = chosenLang ?? t.lang;
  const { state, start, cancel, saveAgain, dismiss } = useExport(tripId);
  const extras = useExportExtras(tripId);
  const running = state.status === 'running';
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => getPlatform().onMenuCommand((command) => command === 'export' && setOpen(true)), []);
  // An export that ends while the menu is closed still says how it ended.
  const ended = state.status === 'saved' || state.status === 'failed';
  useEffect(() => {
    if (ended) setOpen(true);
  }, [ended]);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLButtonElement>('.export-option:not(:disabled)')?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      setOpen(false);
      trigger.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    window.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);

  /** Up and down arrows move between the formats, as in a menu. */
  const onOptionKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const list = event.currentTarget.parentElement;
    const options = [...(list?.querySelectorAll<HTMLButtonElement>('.export-option:not(:disabled)') ?? [])];
    if (options.length === 0) return;
    event.preventDefault();
    const at = options.indexOf(event.currentTarget);
    const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
    options[(next + options.length) % options.length]?.focus();
  };

  return (
    <div className="export-menu" ref={root}>
      <button
        type="button"
        className="btn"
        ref={trigger}
        aria-expanded={open}
        aria-controls={panelId}
        aria-busy={running}
        onClick={() => setOpen((o) => !o)}
        data-testid="export-open"
      >
        {running ? t('exports.busy', { percent: state.percent }) : t('exports.open')}
        <span aria-hidden="true" className="export-menu__caret">
          ▾
        </span>
      </button>
      {open ? (
        <section id={panelId} className="export-menu__panel" aria-label={t('exports.title')}>
          <p className="export-menu__intro muted">{t('exports.intro')}</p>
          <div className="export-menu__options">
            {EXPORT_FORMATS.map((format) => (
              <button
                key={format}
                type="button"
                className="export-option"
                disabled={running}
                onClick={() => void start(format, lang, extras.extrasFor(format))}
                onKeyDown={onOptionKey}
                data-testid={`export-${format}`}
              >
                <span className={`export-option__icon export-option__icon--${format}`} aria-hidden="true">
                  {ICON[format]}
                </span>
                <span className="export-option__text">
                  <span className="export-option__label">{t(FORMAT_LABEL[format])}</span>
                  <span className="export-option__desc">{t(DESCRIPTION[format])}</span>
                </span>
              </button>
            ))}
          </div>
          <ExportExtrasPanel view={extras.view} disabled={running} />
          <div className="export-menu__lang">
            <span className="muted">{t('exports.lang')}</span>
            <Segmented label={t('exports.lang')}>
              <SegmentButton on={lang === 'zh-CN'} onClick={() => setChosenLang('zh-CN')}>
                {t('exports.lang.zh')}
              </SegmentButton>
              <SegmentButton on={lang === 'en'} onClick={() => setChosenLang('en')}>
                {t('exports.lang.en')}
              </SegmentButton>
            </Segmented>
          </div>
          <ExportStatus state={state} onCancel={cancel} onSaveAgain={saveAgain} onDismiss={dismiss} />
        </section>
      ) : null}
    </div>
  );
}
