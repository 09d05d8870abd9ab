import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { cloudApiRef, CloudClient } from './api';
import HomeIcon from '@material-ui/icons/Home';
import { entityExtensions } from './entityExtensions';
import { homeRouteRef } from './routes';

const homePage = PageBlueprint.make({
  name: 'home',
  params: {
    path: '/',
    title: 'Accueil',
    icon: <HomeIcon />,
    routeRef: homeRouteRef,
    noHeader: true,
    loader: () =>
      import('./components/HomePage').then(m => <m.HomePage />),
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
  routes: { home: homeRouteRef },
  extensions: [cloudApi, homePage, ...entityExtensions],
});
