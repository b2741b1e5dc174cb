import { useEffect } from 'react';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { AgreementsPage } from '../features/agreements/AgreementsPage';
import { FollowUpsPage } from '../features/followUps/FollowUpsPage';
import { HostsNeedsPage } from '../features/hosts/HostsNeedsPage';
import { ProblemsPage } from '../features/problems/ProblemsPage';
import { SearchPage } from '../features/search/SearchPage';
import { SyncPage } from '../features/sync/SyncPage';
import { TeamPage } from '../features/team/TeamPage';
import { TripHomePage } from '../features/tripHome/TripHomePage';
import { TripFormPage } from '../features/trips/TripFormPage';
import { TripsPage } from '../features/trips/TripsPage';
import { VisitFormPage } from '../features/visits/VisitFormPage';
import { VisitsPage } from '../features/visits/VisitsPage';
import { useSettings } from '../state/settings';
import { Shell } from './Shell';

/** Hash routing: works unchanged under the app:// protocol in Electron and on any static web server. */
const router = createHashRouter([
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <Navigate to="/trips" replace /> },
      { path: 'trips', element: <TripsPage /> },
      { path: 'trips/new', element: <TripFormPage /> },
      { path: 'trips/:tripId', element: <TripHomePage /> },
      { path: 'trips/:tripId/edit', element: <TripFormPage /> },
      { path: 'trips/:tripId/team', element: <TeamPage /> },
      { path: 'trips/:tripId/hosts', element: <HostsNeedsPage /> },
      { path: 'trips/:tripId/visits', element: <VisitsPage /> },
      { path: 'trips/:tripId/visits/new', element: <VisitFormPage /> },
      { path: 'trips/:tripId/visits/:visitId', element: <VisitFormPage /> },
      { path: 'trips/:tripId/problems', element: <ProblemsPage /> },
      { path: 'trips/:tripId/agreements', element: <AgreementsPage /> },
      { path: 'trips/:tripId/follow-ups', element: <FollowUpsPage /> },
      { path: 'search', element: <SearchPage /> },
      { path: 'sync', element: <SyncPage /> },
      { path: '*', element: <Navigate to="/trips" replace /> },
    ],
  },
]);

export function App() {
  const lang = useSettings((s) => s.lang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return <RouterProvider router={router} />;
}
