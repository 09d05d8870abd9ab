import {
  PageBlueprint,
  createFrontendPlugin,
} from '@backstage/frontend-plugin-api';
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

/**
 * The Amue Cloud frontend plugin (new frontend system).
 *
 * @public
 */
export const cloudPlugin = createFrontendPlugin({
  pluginId: 'cloud',
  info: { packageJson: () => import('../package.json') },
  routes: { home: homeRouteRef },
  extensions: [homePage, ...entityExtensions],
});
