import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Lang } from '../../shared/enums';

/**
 * UI preferences that outlive a restart: language and the trip the user is working on.
 * Kept in localStorage (tiny, synchronous at start-up, so the first paint is already in the right
 * language); never records.
 */
type SettingsState = {
  lang: Lang;
  currentTripId: string | null;
  setLang: (lang: Lang) => void;
  toggleLang: () => void;
  setCurrentTrip: (id: string | null) => void;
};

export const useSettings = create<SettingsState>()(
  persist(
    (set, get) => ({
      lang: 'zh-CN',
      currentTripId: null,
      setLang: (lang) => set({ lang }),
      toggleLang: () => set({ lang: get().lang === 'zh-CN' ? 'en' : 'zh-CN' }),
      setCurrentTrip: (currentTripId) => set({ currentTripId }),
    }),
    {
      name: 'expert-trips.settings',
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ lang: s.lang, currentTripId: s.currentTripId }),
    },
  ),
);
