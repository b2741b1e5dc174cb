import { useState } from 'react';

/**
 * A list whose rows open in a drawer that acts on them (resolve a conflict, merge duplicates, retry a
 * refused change), with a status line saying what the drawer did. Opening a row clears the last status;
 * when the drawer finishes it closes and its message becomes the status. The open row is looked up in
 * `rows` by key on every render, so it follows live data and closes by itself when its row is gone.
 */
export function useRowDrawer<R extends { key: string }>(rows: readonly R[] | undefined) {
  const [openKey, setOpenKey] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return {
    open: openKey ? rows?.find((row) => row.key === openKey) : undefined,
    notice,
    setNotice,
    openRow: (row: R) => {
      setNotice(null);
      setOpenKey(row.key);
    },
    close: () => setOpenKey(null),
    done: (message: string) => {
      setOpenKey(null);
      setNotice(message);
    },
  };
}
