import { createTranslationRef } from '@backstage/frontend-plugin-api';

/**
 * Messages of the Amue Cloud portal. English is the reference; French, the
 * portal's default language, lives in `translations/fr.ts`.
 *
 * @public
 */
export const cloudTranslationRef = createTranslationRef({
  id: 'plugin.cloud',
  messages: {
    app: {
      title: 'Amue Cloud Portal',
    },
    nav: {
      home: 'Home',
      applications: 'Applications',
      catalog: 'Catalog',
      request: 'New request',
      docs: 'Documentation',
      search: 'Search',
      menu: 'Menu',
      settings: 'Settings',
    },
    home: {
      title: 'Amue Cloud Portal',
      subtitle: "Amue's applications, offered as a service",
      greeting: 'Hello, {{name}}',
      intro:
        'Amue builds the management software of French higher education (finance, human resources, student records, research...). With the "mode service" programme, Amue hosts and runs these applications for its member establishments on a shared platform, with funding, support and training to help each establishment move.',
      entryPoints: 'Where to start',
      catalogTitle: 'Application catalog',
      catalogText:
        'See which Amue applications are offered as a service, their versions and environments.',
      requestTitle: 'Request an instance',
      requestText:
        'Ask for a hosted instance of an application for your establishment through a guided form.',
      myInstancesTitle: 'My instances',
      myInstancesText:
        "Follow your establishment's hosted instances, from request to go-live.",
      docsTitle: 'Documentation',
      docsText:
        'Read the documentation of the applications and of the portal itself.',
      open: 'Open',
      programmeTitle: 'How it works',
      stepRequest: 'Your establishment requests an instance',
      stepQualification: 'Amue qualifies the request and signs the agreement',
      stepOnboarding:
        'Provisioning, single sign-on, data migration, acceptance and training',
      stepLive: 'Go-live, then the on-premise installation is switched off',
    },
    signIn: {
      title: 'Sign in to the Amue Cloud Portal',
      devNotice:
        'Demonstration sign-in: choose a persona. This sign-in does not exist in production.',
      signInAs: 'Sign in as {{name}}',
      oidc: 'Sign in with your establishment account',
    },
    language: {
      label: 'Language',
      fr: 'Français',
      en: 'English',
    },
  },
});
