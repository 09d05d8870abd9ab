import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { cloudApiRef, CloudClient } from './api';
import HomeIcon from '@material-ui/icons/Home';
import { AdoptionRoute } from './components/Adoption/AdoptionRoute';
import { entityExtensions } from './entityExtensions';
import { scaffolderFormFields } from './scaffolder';
import {
  adoptionRouteRef,
  homeRouteRef,
  instancesRouteRef,
  offerRouteRef,
  requestsRouteRef,
  tenantOnboardingRouteRef,
} from './routes';
import AssessmentIcon from '@material-ui/icons/Assessment';
import AssignmentIcon from '@material-ui/icons/Assignment';
import CloudQueueIcon from '@material-ui/icons/CloudQueue';
import StorefrontIcon from '@material-ui/icons/Storefront';

const homePage = PageBlueprint.make({
  name: 'home',
  params: {
    path: '/',
    title: 'Accueil',
    icon: <HomeIcon />,
    routeRef: homeRouteRef,
    noHeader: true,
    loader: () => import('./components/HomePage').then(m => <m.HomePage />),
  },
});

/**
 * `page:cloud/adoption`: the adoption dashboards, for Amue. The page is
 * lazy-loaded, so the charts are not in the initial bundle; its route
 * (AdoptionRoute, small) asks for the adoption report while it loads.
 */
const adoptionPage = PageBlueprint.make({
  name: 'adoption',
  params: {
    path: '/cloud/adoption',
    title: 'Adoption',
    icon: <AssessmentIcon />,
    routeRef: adoptionRouteRef,
    noHeader: true,
    loader: async () => <AdoptionRoute />,
  },
});

/** `page:cloud/offer`: the applications offered as a service. */
const offerPage = PageBlueprint.make({
  name: 'offer',
  params: {
    path: '/cloud/offer',
    title: 'Offre de services',
    icon: <StorefrontIcon />,
    routeRef: offerRouteRef,
    noHeader: true,
    loader: () => import('./components/Offer').then(m => <m.OfferPage />),
  },
});

/** `page:cloud/instances`: "My instances". */
const instancesPage = PageBlueprint.make({
  name: 'instances',
  params: {
    path: '/cloud/instances',
    title: 'Mes instances',
    icon: <CloudQueueIcon />,
    routeRef: instancesRouteRef,
    noHeader: true,
    loader: () =>
      import('./components/MyInstances').then(m => <m.MyInstancesPage />),
  },
});

/**
 * `page:cloud/tenant`: the onboarding of one tenant, where the
 * notifications lead (`/cloud/tenants/:name`).
 */
const tenantOnboardingPage = PageBlueprint.make({
  name: 'tenant',
  params: {
    path: '/cloud/tenants/:name',
    routeRef: tenantOnboardingRouteRef,
    noHeader: true,
    loader: () =>
      import('./components/TenantOnboarding').then(m => (
        <m.TenantOnboardingPage />
      )),
  },
});

/** `page:cloud/requests`: the requests to qualify, for Amue. */
const requestsPage = PageBlueprint.make({
  name: 'requests',
  params: {
    path: '/cloud/requests',
    title: 'Demandes',
    icon: <AssignmentIcon />,
    routeRef: requestsRouteRef,
    noHeader: true,
    loader: () => import('./components/Requests').then(m => <m.RequestsPage />),
  },
});

const cloudApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: cloudApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new CloudClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The Amue Cloud frontend plugin (new frontend system).
 *
 * @public
 */
export const cloudPlugin = createFrontendPlugin({
  pluginId: 'cloud',
  info: { packageJson: () => import('../package.json') },
  routes: {
    home: homeRouteRef,
    adoption: adoptionRouteRef,
    instances: instancesRouteRef,
    offer: offerRouteRef,
    tenant: tenantOnboardingRouteRef,
    requests: requestsRouteRef,
  },
  extensions: [
    cloudApi,
    homePage,
    offerPage,
    adoptionPage,
    instancesPage,
    tenantOnboardingPage,
    requestsPage,
    ...entityExtensions,
    ...scaffolderFormFields,
  ],
});
