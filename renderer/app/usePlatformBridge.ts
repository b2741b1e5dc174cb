import { type RefObject, useEffect } from 'react';
import { useNavigate } from 'react-router';
import { getPlatform } from '../platform';
import { useSettings } from '../state/settings';

/**
 * Connects the native side (Electron menu, window language) to the renderer. In web mode the
 * platform adapter makes these no-ops.
 */
export function usePlatformBridge({
  searchRef,
  tripId,
}: {
  searchRef: RefObject<HTMLInputElement | null>;
  tripId: string | undefined;
}) {
  const navigate = useNavigate();
  const lang = useSettings((s) => s.lang);
  const toggleLang = useSettings((s) => s.toggleLang);

  useEffect(() => {
    void getPlatform()
      .setLanguage({ lang })
      .catch(() => undefined);
  }, [lang]);

  useEffect(
    () =>
      getPlatform().onMenuCommand((command) => {
        switch (command) {
          case 'new-visit':
            if (tripId) navigate(`/trips/${tripId}/visits/new`);
            else navigate('/trips');
            break;
          case 'search':
            searchRef.current?.focus();
            break;
          case 'go-trips':
            navigate('/trips');
            break;
          case 'toggle-language':
            toggleLang();
            break;
          default:
            break;
        }
      }),
    [navigate, searchRef, tripId, toggleLang],
  );
}
