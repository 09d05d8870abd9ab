import { UnifiedThemeProvider } from '@backstage/theme';
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import {
  SignInPageBlueprint,
  ThemeBlueprint,
  TranslationBlueprint,
} from '@backstage/plugin-app-react';
import { cloudTranslations } from '@amue/plugin-cloud';
import { oidcAuthApi } from './oidcAuthApi';
import { amueLightTheme } from './theme';

const signInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => (await import('./SignInPage')).PortalSignInPage,
  },
});

// Replaces the app's built-in light theme (theme:app/light).
const lightTheme = ThemeBlueprint.make({
  name: 'light',
  params: {
    theme: {
      id: 'light',
      title: 'Amue',
      variant: 'light',
      Provider: ({ children }) => (
        <UnifiedThemeProvider theme={amueLightTheme} children={children} />
      ),
    },
  },
});

const cloudFrench = TranslationBlueprint.make({
  name: 'cloud',
  params: { resource: cloudTranslations },
});

/** The portal's customisations of the app: sign-in, theme, OIDC. */
export const appModule = createFrontendModule({
  pluginId: 'app',
  extensions: [signInPage, lightTheme, oidcAuthApi, cloudFrench],
});
