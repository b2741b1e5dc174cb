import { useT } from '../i18n/useT';

/** A small dot on records whose latest change has not reached the server yet. */
export function UnsyncedMark({ pending }: { pending: boolean }) {
  const t = useT();
  if (!pending) return null;
  return (
    <span className="unsynced" role="img" title={t('state.unsynced')} aria-label={t('state.unsynced')}>
      ●
    </span>
  );
}
