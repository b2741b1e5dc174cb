import { useEffect } from 'react';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { AgreementsPage } from '../features/agreements/AgreementsPage';
import { FollowUpsPage } from '../features/followUps/FollowUpsPage';
import { HostsNeedsPage } from '../features/hosts/HostsNeedsPage';
import { ProblemsPage } from '../features/problems/ProblemsPage';
import { ReportPage } from '../features/report/ReportPage';
import { ReportPrintPage } from '../features/report/ReportPrintPage';
import { RollupPage } from '../features/report/RollupPage';
import { ReviewPage } from '../features/review/ReviewPage';
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
  // The print layout of a report has no app frame: it is what goes on paper and into the PDF.
  { path: '/trips/:tripId/report/print', element: <ReportPrintPage /> },
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
      { path: 'trips/:tripId/report', element: <ReportPage /> },
      { path: 'trips/:tripId/review', element: <ReviewPage /> },
      { path: 'rollup', element: <RollupPage /> },
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
