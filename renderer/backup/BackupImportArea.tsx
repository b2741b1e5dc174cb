import {
  createContext,
  type DragEvent,
  type ReactNode,
  useCallback,
  useContext,
  useRef,
  useState,
} from 'react';
import { useT } from '../i18n/useT';
import { ImportBackupDrawer } from './ImportBackupDrawer';
import { useBackupImport } from './useBackupImport';
import './backup.css';

/**
 * Wraps a page (the trips list) so a backup file can be imported from it: by the "从备份导入…" button
 * (anywhere inside, see ImportBackupButton) or by dropping a file onto the page.
 */
const ChooseContext = createContext<(() => void) | null>(null);

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

export function BackupImportArea({ children }: { children: ReactNode }) {
  const t = useT();
  const { step, start, confirm, close } = useBackupImport();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  // dragenter/dragleave fire for every child crossed; count them so the overlay does not flicker.
  const depth = useRef(0);

  const choose = useCallback(() => input.current?.click(), []);

  const onDragEnter = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth.current += 1;
    setDragging(true);
  };
  const onDragLeave = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setDragging(false);
  };
  const onDragOver = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    // Without this the browser would open the dropped file instead of handing it to the page.
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth.current = 0;
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file && step.kind !== 'importing') void start(file);
  };

  return (
    <ChooseContext.Provider value={choose}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping a file is a mouse shortcut; the button does the same by keyboard */}
      <div
        className={`backup-area${dragging ? ' backup-area--dragging' : ''}`}
        onDragEnter={onDragEnter}
        onDragLeave={onDragLeave}
        onDragOver={onDragOver}
        onDrop={onDrop}
      >
        {children}
        {dragging ? (
          <div className="backup-area__overlay" aria-hidden="true">
            {t('backup.import.dropHere')}
          </div>
        ) : null}
      </div>
      <input
        ref={input}
        type="file"
        accept=".json,.zip,application/json,application/zip"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t('backup.import.choose')}
        data-testid="backup-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared so choosing the same file again (after fixing it) is still a change.
          e.target.value = '';
          if (file) void start(file);
        }}
      />
      {step.kind !== 'idle' ? (
        <ImportBackupDrawer step={step} onConfirm={confirm} onClose={close} onChooseAnother={choose} />
      ) : null}
    </ChooseContext.Provider>
  );
}

/** The "从备份导入…" button; must be inside a BackupImportArea. */
export function ImportBackupButton() {
  const t = useT();
  const choose = useContext(ChooseContext);
  if (!choose) throw new Error('ImportBackupButton must be inside a BackupImportArea');
  return (
    <button type="button" className="btn" onClick={choose} title={t('backup.import.dropHint')}>
      {t('backup.import.button')}
    </button>
  );
}
