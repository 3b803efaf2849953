import { QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, lazy, type LazyExoticComponent, Suspense } from 'react';
import { createBrowserRouter, Outlet, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { I18nProvider } from './i18n';
import { configureApiClient, setCsrfToken } from './lib/api-client';
import { queryClient } from './lib/query-client';
import { RequireAuth, RequirePermission } from './modules/auth/components/RequireAuth';
import { loadMe, ME_KEY } from './modules/auth/hooks/use-me';
import { IMPORT_PAGES } from './modules/imports/import-kinds';
import { AppLayout } from './modules/shell/components/AppLayout';
import { NAV_ITEMS, type NavKey } from './modules/shell/nav-items';
import { NotFoundPage } from './pages/NotFoundPage';
import { FullPageSpin } from './ui/FullPageSpin';

/** Loads a page's chunk on first visit; pages are named exports. */
function page<M extends Record<string, unknown>, K extends keyof M>(load: () => Promise<M>, name: K): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const PAGES: Record<NavKey, LazyExoticComponent<ComponentType>> = {
  home: page(() => import('./pages/HomePage'), 'HomePage'),
  projects: page(() => import('./pages/ProjectsPage'), 'ProjectsPage'),
  annualPlan: page(() => import('./pages/AnnualPlanPage'), 'AnnualPlanPage'),
  warnings: page(() => import('./pages/WarningsPage'), 'WarningsPage'),
  map: page(() => import('./pages/MapPage'), 'MapPage'),
  reportPeriods: page(() => import('./pages/ReportingPeriodsPage'), 'ReportingPeriodsPage'),
  myReports: page(() => import('./pages/MyReportsPage'), 'MyReportsPage'),
  reportReview: page(() => import('./pages/ReportReviewPage'), 'ReportReviewPage'),
  matters: page(() => import('./pages/MattersPage'), 'MattersPage'),
  opportunities: page(() => import('./pages/OpportunitiesPage'), 'OpportunitiesPage'),
  leads: page(() => import('./pages/LeadsPage'), 'LeadsPage'),
  enterprises: page(() => import('./pages/EnterprisesPage'), 'EnterprisesPage'),
  landEfficiency: page(() => import('./pages/LandEfficiencyPage'), 'LandEfficiencyPage'),
  visits: page(() => import('./pages/VisitsPage'), 'VisitsPage'),
  policies: page(() => import('./pages/PoliciesPage'), 'PoliciesPage'),
  targets: page(() => import('./pages/TargetsPage'), 'TargetsPage'),
  scores: page(() => import('./pages/ScoresPage'), 'ScoresPage'),
  pledges: page(() => import('./pages/CommitmentsPage'), 'PledgesPage'),
  livelihood: page(() => import('./pages/CommitmentsPage'), 'LivelihoodPage'),
  chains: page(() => import('./pages/ChainsPage'), 'ChainsPage'),
  parks: page(() => import('./pages/ParksPage'), 'ParksPage'),
  parcels: page(() => import('./pages/ParcelsPage'), 'ParcelsPage'),
  carrierMatch: page(() => import('./pages/CarrierMatchPage'), 'CarrierMatchPage'),
  units: page(() => import('./pages/UnitsPage'), 'UnitsPage'),
  users: page(() => import('./pages/UsersPage'), 'UsersPage'),
  roles: page(() => import('./pages/RolesPage'), 'RolesPage'),
  regions: page(() => import('./pages/RegionsPage'), 'RegionsPage'),
  dictionaries: page(() => import('./pages/DictionariesPage'), 'DictionariesPage'),
  customFields: page(() => import('./pages/CustomFieldsPage'), 'CustomFieldsPage'),
  gates: page(() => import('./pages/GatesPage'), 'GatesPage'),
  planTemplates: page(() => import('./pages/PlanTemplatesPage'), 'PlanTemplatesPage'),
  audit: page(() => import('./pages/AuditLogPage'), 'AuditLogPage'),
  settings: page(() => import('./pages/SettingsPage'), 'SettingsPage'),
  tokens: page(() => import('./pages/ApiTokensPage'), 'ApiTokensPage'),
};
const ProjectPage = page(() => import('./pages/ProjectPage'), 'ProjectPage');
const MatterPage = page(() => import('./pages/MatterPage'), 'MatterPage');
const MatterStatsPage = page(() => import('./pages/MatterStatsPage'), 'MatterStatsPage');
const LeadStatsPage = page(() => import('./pages/LeadStatsPage'), 'LeadStatsPage');
const LeadPage = page(() => import('./pages/LeadPage'), 'LeadPage');
const EnterprisePage = page(() => import('./pages/EnterprisePage'), 'EnterprisePage');
const PolicyPage = page(() => import('./pages/PolicyPage'), 'PolicyPage');
const ImportPage = page(() => import('./pages/ImportPage'), 'ImportPage');
const ReportingPeriodPage = page(() => import('./pages/ReportingPeriodPage'), 'ReportingPeriodPage');
const MissingReportsPage = page(() => import('./pages/MissingReportsPage'), 'MissingReportsPage');
const ReportFormPage = page(() => import('./pages/ReportFormPage'), 'ReportFormPage');
const NotificationChannelsPage = page(() => import('./pages/NotificationChannelsPage'), 'NotificationChannelsPage');
const SignInPage = page(() => import('./pages/SignInPage'), 'SignInPage');
const PublicOpportunitiesPage = page(() => import('./pages/PublicOpportunitiesPage'), 'PublicOpportunitiesPage');
const PublicOpportunityPage = page(() => import('./pages/PublicOpportunitiesPage'), 'PublicOpportunityPage');
const BigScreenPage = page(() => import('./pages/BigScreenPage'), 'BigScreenPage');
const ChangePasswordPage = page(() => import('./pages/ChangePasswordPage'), 'ChangePasswordPage');
const TwoFactorPage = page(() => import('./pages/TwoFactorPage'), 'TwoFactorPage');

const guardedPages: RouteObject[] = NAV_ITEMS.map((item) => {
  const Page = PAGES[item.key];
  const element = (
    <RequirePermission key={item.key} permission={item.permission}>
      <Page />
    </RequirePermission>
  );
  return item.path === '/' ? { index: true, element } : { path: item.path.slice(1), element };
});

// Screens reached from a menu item's page rather than from the menu (the menu highlights their parent).
const detailPages: RouteObject[] = [
  // Everyone has his own channels; a unit's need notification.manage (the page shows that tab only then).
  { path: 'notification-channels', element: <NotificationChannelsPage /> },
  // The import page under each register its rows land in (/leads/import, /parcels/import …): the menu shows the register.
  ...IMPORT_PAGES.map(({ path, permissions }) => ({
    path,
    element: (
      <RequirePermission permission={permissions}>
        <ImportPage />
      </RequirePermission>
    ),
  })),
  {
    path: 'projects/:id',
    element: (
      <RequirePermission permission="project.read">
        <ProjectPage />
      </RequirePermission>
    ),
  },
  {
    path: 'reporting-periods/:id',
    element: (
      <RequirePermission permission="report.read">
        <ReportingPeriodPage />
      </RequirePermission>
    ),
  },
  {
    path: 'reporting-periods/:id/missing',
    element: (
      <RequirePermission permission="report.read">
        <MissingReportsPage />
      </RequirePermission>
    ),
  },
  {
    path: 'my-reports/:id',
    element: (
      <RequirePermission permission="report.read">
        <ReportFormPage />
      </RequirePermission>
    ),
  },
  {
    path: 'matters/stats',
    element: (
      <RequirePermission permission="matter.read">
        <MatterStatsPage />
      </RequirePermission>
    ),
  },
  {
    path: 'enterprises/:id',
    element: (
      <RequirePermission permission="enterprise.read">
        <EnterprisePage />
      </RequirePermission>
    ),
  },
  {
    path: 'policies/:id',
    element: (
      <RequirePermission permission="policy.read">
        <PolicyPage />
      </RequirePermission>
    ),
  },
  {
    path: 'matters/:id',
    element: (
      <RequirePermission permission="matter.read">
        <MatterPage />
      </RequirePermission>
    ),
  },
  {
    path: 'leads/stats',
    element: (
      <RequirePermission permission="lead.read">
        <LeadStatsPage />
      </RequirePermission>
    ),
  },
  {
    path: 'leads/:id',
    element: (
      <RequirePermission permission="lead.read">
        <LeadPage />
      </RequirePermission>
    ),
  },
];

const router = createBrowserRouter([
  {
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <Outlet />
      </Suspense>
    ),
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      // The city opportunity list for anyone, signed out (outside the shell, no RequireAuth).
      { path: '/open/opportunities', element: <PublicOpportunitiesPage /> },
      { path: '/open/opportunities/:publicId', element: <PublicOpportunityPage /> },
      {
        // The wall display: full screen, without the menu.
        path: '/big-screen',
        element: (
          <RequireAuth>
            <RequirePermission permission="project.read">
              <BigScreenPage />
            </RequirePermission>
          </RequireAuth>
        ),
      },
      {
        path: '/',
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          ...guardedPages,
          ...detailPages,
          { path: 'change-password', element: <ChangePasswordPage /> },
          { path: 'two-factor', element: <TwoFactorPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

configureApiClient({
  // The session ended (expired, signed out elsewhere): forget everything and ask to sign in again.
  onUnauthorized: () => {
    setCsrfToken(null);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
    queryClient.setQueryData(ME_KEY, null);
    const { pathname, search } = router.state.location;
    if (pathname !== '/sign-in') void router.navigate('/sign-in', { replace: true, state: { from: `${pathname}${search}` } });
  },
  onPasswordChangeRequired: () => {
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
    void router.navigate('/change-password', { replace: true });
  },
  onTotpEnrolmentRequired: () => {
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
    void router.navigate('/two-factor', { replace: true });
  },
  refreshCsrfToken: async () => {
    await queryClient.query({ queryKey: ME_KEY, queryFn: loadMe, staleTime: 0 });
  },
});

/** The whole page: server-state cache, language (with antd's locale), and the routes. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <RouterProvider router={router} />
      </I18nProvider>
    </QueryClientProvider>
  );
}
