import { QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, lazy, type LazyExoticComponent, Suspense } from 'react';
import { createBrowserRouter, Outlet, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { type CatalogName, I18nProvider, loadCatalogs } from './i18n';
import { configureApiClient, setCsrfToken } from './lib/api-client';
import { queryClient } from './lib/query-client';
import { RequireAuth, RequirePermission } from './modules/auth/components/RequireAuth';
import { loadMe, ME_KEY } from './modules/auth/hooks/use-me';
import { IMPORT_PAGES } from './modules/imports/import-pages';
import { AppLayout } from './modules/shell/components/AppLayout';
import { NAV_ITEMS, type NavKey } from './modules/shell/nav-items';
import { PAGE_CATALOGS } from './pages/catalogs';
import { NotFoundPage } from './pages/NotFoundPage';
import { FullPageSpin } from './ui/FullPageSpin';

/**
 * Loads a page's chunk on first visit, and its catalogs with it (pages/catalogs.ts): the page renders only once both
 * are in. Pages are named exports.
 */
function page<M extends Record<string, unknown>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
  catalogs: readonly CatalogName[],
): LazyExoticComponent<ComponentType> {
  return lazy(async () => {
    const [module] = await Promise.all([load(), loadCatalogs(catalogs)]);
    return { default: module[name] as ComponentType };
  });
}

const PAGES: Record<NavKey, LazyExoticComponent<ComponentType>> = {
  home: page(() => import('./pages/HomePage'), 'HomePage', PAGE_CATALOGS.HomePage),
  projects: page(() => import('./pages/ProjectsPage'), 'ProjectsPage', PAGE_CATALOGS.ProjectsPage),
  annualPlan: page(() => import('./pages/AnnualPlanPage'), 'AnnualPlanPage', PAGE_CATALOGS.AnnualPlanPage),
  warnings: page(() => import('./pages/WarningsPage'), 'WarningsPage', PAGE_CATALOGS.WarningsPage),
  map: page(() => import('./pages/MapPage'), 'MapPage', PAGE_CATALOGS.MapPage),
  reportPeriods: page(() => import('./pages/ReportingPeriodsPage'), 'ReportingPeriodsPage', PAGE_CATALOGS.ReportingPeriodsPage),
  myReports: page(() => import('./pages/MyReportsPage'), 'MyReportsPage', PAGE_CATALOGS.MyReportsPage),
  reportReview: page(() => import('./pages/ReportReviewPage'), 'ReportReviewPage', PAGE_CATALOGS.ReportReviewPage),
  matters: page(() => import('./pages/MattersPage'), 'MattersPage', PAGE_CATALOGS.MattersPage),
  opportunities: page(() => import('./pages/OpportunitiesPage'), 'OpportunitiesPage', PAGE_CATALOGS.OpportunitiesPage),
  leads: page(() => import('./pages/LeadsPage'), 'LeadsPage', PAGE_CATALOGS.LeadsPage),
  leadEvents: page(() => import('./pages/LeadEventsPage'), 'LeadEventsPage', PAGE_CATALOGS.LeadEventsPage),
  enterprises: page(() => import('./pages/EnterprisesPage'), 'EnterprisesPage', PAGE_CATALOGS.EnterprisesPage),
  landEfficiency: page(() => import('./pages/LandEfficiencyPage'), 'LandEfficiencyPage', PAGE_CATALOGS.LandEfficiencyPage),
  visits: page(() => import('./pages/VisitsPage'), 'VisitsPage', PAGE_CATALOGS.VisitsPage),
  policies: page(() => import('./pages/PoliciesPage'), 'PoliciesPage', PAGE_CATALOGS.PoliciesPage),
  targets: page(() => import('./pages/TargetsPage'), 'TargetsPage', PAGE_CATALOGS.TargetsPage),
  scores: page(() => import('./pages/ScoresPage'), 'ScoresPage', PAGE_CATALOGS.ScoresPage),
  pledges: page(() => import('./pages/CommitmentsPage'), 'PledgesPage', PAGE_CATALOGS.CommitmentsPage),
  livelihood: page(() => import('./pages/CommitmentsPage'), 'LivelihoodPage', PAGE_CATALOGS.CommitmentsPage),
  chains: page(() => import('./pages/ChainsPage'), 'ChainsPage', PAGE_CATALOGS.ChainsPage),
  parks: page(() => import('./pages/ParksPage'), 'ParksPage', PAGE_CATALOGS.ParksPage),
  parcels: page(() => import('./pages/ParcelsPage'), 'ParcelsPage', PAGE_CATALOGS.ParcelsPage),
  carrierMatch: page(() => import('./pages/CarrierMatchPage'), 'CarrierMatchPage', PAGE_CATALOGS.CarrierMatchPage),
  units: page(() => import('./pages/UnitsPage'), 'UnitsPage', PAGE_CATALOGS.UnitsPage),
  users: page(() => import('./pages/UsersPage'), 'UsersPage', PAGE_CATALOGS.UsersPage),
  roles: page(() => import('./pages/RolesPage'), 'RolesPage', PAGE_CATALOGS.RolesPage),
  regions: page(() => import('./pages/RegionsPage'), 'RegionsPage', PAGE_CATALOGS.RegionsPage),
  dictionaries: page(() => import('./pages/DictionariesPage'), 'DictionariesPage', PAGE_CATALOGS.DictionariesPage),
  customFields: page(() => import('./pages/CustomFieldsPage'), 'CustomFieldsPage', PAGE_CATALOGS.CustomFieldsPage),
  gates: page(() => import('./pages/GatesPage'), 'GatesPage', PAGE_CATALOGS.GatesPage),
  planTemplates: page(() => import('./pages/PlanTemplatesPage'), 'PlanTemplatesPage', PAGE_CATALOGS.PlanTemplatesPage),
  audit: page(() => import('./pages/AuditLogPage'), 'AuditLogPage', PAGE_CATALOGS.AuditLogPage),
  settings: page(() => import('./pages/SettingsPage'), 'SettingsPage', PAGE_CATALOGS.SettingsPage),
  tokens: page(() => import('./pages/ApiTokensPage'), 'ApiTokensPage', PAGE_CATALOGS.ApiTokensPage),
};
const ProjectPage = page(() => import('./pages/ProjectPage'), 'ProjectPage', PAGE_CATALOGS.ProjectPage);
const MatterPage = page(() => import('./pages/MatterPage'), 'MatterPage', PAGE_CATALOGS.MatterPage);
const MatterStatsPage = page(() => import('./pages/MatterStatsPage'), 'MatterStatsPage', PAGE_CATALOGS.MatterStatsPage);
const LeadStatsPage = page(() => import('./pages/LeadStatsPage'), 'LeadStatsPage', PAGE_CATALOGS.LeadStatsPage);
const LeadPage = page(() => import('./pages/LeadPage'), 'LeadPage', PAGE_CATALOGS.LeadPage);
const EnterprisePage = page(() => import('./pages/EnterprisePage'), 'EnterprisePage', PAGE_CATALOGS.EnterprisePage);
const PolicyPage = page(() => import('./pages/PolicyPage'), 'PolicyPage', PAGE_CATALOGS.PolicyPage);
const ImportPage = page(() => import('./pages/ImportPage'), 'ImportPage', PAGE_CATALOGS.ImportPage);
const ReportingPeriodPage = page(() => import('./pages/ReportingPeriodPage'), 'ReportingPeriodPage', PAGE_CATALOGS.ReportingPeriodPage);
const MissingReportsPage = page(() => import('./pages/MissingReportsPage'), 'MissingReportsPage', PAGE_CATALOGS.MissingReportsPage);
const ReportFormPage = page(() => import('./pages/ReportFormPage'), 'ReportFormPage', PAGE_CATALOGS.ReportFormPage);
const NotificationChannelsPage = page(
  () => import('./pages/NotificationChannelsPage'),
  'NotificationChannelsPage',
  PAGE_CATALOGS.NotificationChannelsPage,
);
const SignInPage = page(() => import('./pages/SignInPage'), 'SignInPage', PAGE_CATALOGS.SignInPage);
const PublicOpportunitiesPage = page(
  () => import('./pages/PublicOpportunitiesPage'),
  'PublicOpportunitiesPage',
  PAGE_CATALOGS.PublicOpportunitiesPage,
);
const PublicOpportunityPage = page(
  () => import('./pages/PublicOpportunitiesPage'),
  'PublicOpportunityPage',
  PAGE_CATALOGS.PublicOpportunitiesPage,
);
const BigScreenPage = page(() => import('./pages/BigScreenPage'), 'BigScreenPage', PAGE_CATALOGS.BigScreenPage);
const ChangePasswordPage = page(() => import('./pages/ChangePasswordPage'), 'ChangePasswordPage', PAGE_CATALOGS.ChangePasswordPage);
const TwoFactorPage = page(() => import('./pages/TwoFactorPage'), 'TwoFactorPage', PAGE_CATALOGS.TwoFactorPage);

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
