import { useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation, useMatch, useNavigate } from 'react-router';
import type { MessageKey } from '../../shared/i18n';
import { useOutboxCount, useRecord } from '../data/hooks';
import { drainSearchQueue } from '../data/searchQueue';
import { getDb } from '../db/database';
import { StorageStatusLine } from '../features/attachments/StorageStatusLine';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { useT } from '../i18n/useT';
import { useSettings } from '../state/settings';
import { useSyncEngine } from '../sync/runtime';
import { useStorageStatus } from './storage';
import { useBlobCollector } from './useBlobCollector';
import { usePlatformBridge } from './usePlatformBridge';

const TRIP_NAV: { path: string; key: MessageKey; icon: string }[] = [
  { path: '', key: 'nav.tripHome', icon: '▦' },
  { path: '/visits', key: 'nav.visits', icon: '✎' },
  { path: '/team', key: 'nav.team', icon: '☺' },
  { path: '/hosts', key: 'nav.hosts', icon: '⌂' },
  { path: '/problems', key: 'nav.problems', icon: '⚑' },
  { path: '/agreements', key: 'nav.agreements', icon: '✍' },
  { path: '/follow-ups', key: 'nav.followUps', icon: '↻' },
  // After the trip: the organiser reconciles everyone's records, then reports.
  { path: '/review', key: 'nav.review', icon: '✓' },
  { path: '/report', key: 'nav.report', icon: '▤' },
];

/** The app frame: sidebar navigation, the global search box, language switch and device status. */
export function Shell() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const match = useMatch('/trips/:tripId/*');
  const routeTripId = match?.params.tripId && match.params.tripId !== 'new' ? match.params.tripId : undefined;
  const { currentTripId, setCurrentTrip, toggleLang } = useSettings();
  const tripId = routeTripId ?? currentTripId ?? undefined;
  const trip = useRecord('trips', tripId);
  const searchRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');

  useEffect(() => {
    if (routeTripId && routeTripId !== currentTripId) setCurrentTrip(routeTripId);
  }, [routeTripId, currentTripId, setCurrentTrip]);

  // A remembered trip that has since been deleted is forgotten.
  useEffect(() => {
    if (trip === null && currentTripId && !routeTripId) setCurrentTrip(null);
  }, [trip, currentTripId, routeTripId, setCurrentTrip]);

  usePlatformBridge({ searchRef, tripId });

  // Search rows left queued by a large pull that was interrupted (a closed window, a crash).
  useEffect(() => {
    void drainSearchQueue(getDb()).catch(() => undefined);
  }, []);
  // Syncs on its own once signed in; without an account the app simply stays local.
  useSyncEngine();
  // Frees the space of removed photos and scans, safely (after a grace period, never a pending upload).
  useBlobCollector();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (location.pathname === '/search') {
      const q = new URLSearchParams(location.search).get('q') ?? '';
      setQuery(q);
    }
  }, [location]);

  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="sidebar__brand">
          <div className="sidebar__logo" aria-hidden>
            专
          </div>
          <div>
            <div className="sidebar__name">{t('app.name')}</div>
            <div className="sidebar__tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <nav aria-label={t('nav.trips')}>
          <NavLink to="/trips" end className="nav-item">
            <span className="nav-item__icon">☰</span>
            {t('nav.trips')}
          </NavLink>
          <NavLink to="/rollup" className="nav-item">
            <span className="nav-item__icon">Σ</span>
            {t('nav.rollup')}
          </NavLink>
          <NavLink to="/sync" className="nav-item">
            <span className="nav-item__icon">⇅</span>
            {t('sync.nav')}
          </NavLink>
          <div className="sidebar__section">
            <div className="sidebar__section-title">{t('nav.currentTrip')}</div>
            {trip ? (
              <div className="sidebar__trip" title={trip.title}>
                {trip.title}
              </div>
            ) : (
              <div className="sidebar__trip sidebar__trip--none">{t('nav.noTrip')}</div>
            )}
          </div>
          {TRIP_NAV.map((item) =>
            trip ? (
              <NavLink
                key={item.key}
                to={`/trips/${trip.id}${item.path}`}
                end={item.path === ''}
                className="nav-item"
              >
                <span className="nav-item__icon">{item.icon}</span>
                {t(item.key)}
              </NavLink>
            ) : (
              <span key={item.key} className="nav-item nav-item--disabled" aria-disabled="true">
                <span className="nav-item__icon">{item.icon}</span>
                {t(item.key)}
              </span>
            ),
          )}
        </nav>
        <DeviceStatus />
      </aside>
      <div className="main">
        <header className="topbar">
          <form
            className="topbar__search"
            role="search"
            onSubmit={(e) => {
              e.preventDefault();
              navigate(`/search?q=${encodeURIComponent(query)}`);
            }}
          >
            <input
              ref={searchRef}
              type="search"
              value={query}
              aria-label={t('nav.search')}
              placeholder={t('search.placeholder')}
              onChange={(e) => setQuery(e.target.value)}
            />
          </form>
          <SyncIndicator />
          <button type="button" className="btn btn--ghost" onClick={toggleLang} aria-label={t('lang.label')}>
            {t('lang.switch')}
          </button>
        </header>
        <main className="content">
          <Outlet />
        </main>
      </div>
    </div>
  );
}

function DeviceStatus() {
  const t = useT();
  const unsent = useOutboxCount();
  const { persisted } = useStorageStatus();
  return (
    <div className="device-status">
      <div>{t('state.offlineReady')}</div>
      <div>{t('shell.unsent', { count: unsent })}</div>
      <StorageStatusLine />
      {persisted === false ? <div className="device-status__warn">{t('storage.notPersisted')}</div> : null}
    </div>
  );
}
