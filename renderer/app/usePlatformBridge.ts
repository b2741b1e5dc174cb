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
  const setLang = useSettings((s) => s.setLang);

  useEffect(() => {
    void getPlatform()
      .setLanguage(lang)
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
          case 'export':
            // The report page's export menu opens itself on this command once it is on screen.
            navigate(tripId ? `/trips/${tripId}/report` : '/trips');
            break;
          case 'toggle-language':
            toggleLang();
            break;
          case 'set-language-zh-CN':
            setLang('zh-CN');
            break;
          case 'set-language-en':
            setLang('en');
            break;
          default:
            break;
        }
      }),
    [navigate, searchRef, tripId, toggleLang, setLang],
  );
}
