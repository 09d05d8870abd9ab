import { ReactNode, useEffect } from 'react';
import {
  appLanguageApiRef,
  createFrontendModule,
  useApi,
} from '@backstage/frontend-plugin-api';
import { AppRootWrapperBlueprint } from '@backstage/plugin-app-react';

/**
 * Keeps `<html lang>` on the language the portal is shown in (RGAA 8.3:
 * the default language of each page is given), from the first render
 * (sign-in page included) and on every change in the settings.
 */
export function DocumentLanguage(props: { children: ReactNode }) {
  const languageApi = useApi(appLanguageApiRef);
  useEffect(() => {
    const apply = (language: string) => {
      document.documentElement.lang = language;
    };
    apply(languageApi.getLanguage().language);
    const subscription = languageApi
      .language$()
      .subscribe(({ language }) => apply(language));
    return () => subscription.unsubscribe();
  }, [languageApi]);
  return <>{props.children}</>;
}

const documentLanguage = AppRootWrapperBlueprint.make({
  name: 'document-language',
  params: { component: DocumentLanguage },
});

/** The page's language attribute follows the user's language. */
export const languageModule = createFrontendModule({
  pluginId: 'app',
  extensions: [documentLanguage],
});
