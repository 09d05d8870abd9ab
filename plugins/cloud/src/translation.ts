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
    values: {
      environment: {
        production: 'Production',
        preproduction: 'Pre-production',
        formation: 'Training',
        test: 'Test',
      },
      tenantStatus: {
        requested: 'Requested',
        provisioning: 'Provisioning',
        onboarding: 'Onboarding',
        live: 'Live',
        suspended: 'Suspended',
        decommissioned: 'Decommissioned',
      },
      versionStatus: {
        supported: 'Supported',
        deprecated: 'Deprecated',
        endOfLife: 'End of life',
      },
      saasStatus: {
        available: 'Available',
        pilot: 'Pilot',
        planned: 'Planned',
        unavailable: 'Unavailable',
      },
      lifecycle: {
        experimental: 'Experimental',
        production: 'In production',
        deprecated: 'Deprecated',
        endOfLife: 'End of life',
      },
      notProvided: 'Not provided',
    },
    applicationCard: {
      title: 'Versions and environments',
      lifecycle: 'Lifecycle',
      versions: 'Versions',
      versionsTable: 'Versions of {{application}}',
      version: 'Version',
      status: 'Status',
      releaseDate: 'Release date',
      environments: 'Environments offered',
      saas: 'Offered as a service',
      saasSince: 'since {{date}}',
      prerequisites: 'Prerequisites',
      noPrerequisites: 'None',
      replacedBy: 'Replaced by',
    },
    instances: {
      title: 'Hosted instances',
      tableLabel: 'Hosted instances of {{name}}',
      application: 'Application',
      establishment: 'Establishment',
      environment: 'Environment',
      version: 'Version',
      status: 'Status',
      uai: 'UAI {{uai}}',
      count_one: '{{count}} hosted instance',
      count_other: '{{count}} hosted instances',
      establishmentsServed_one: '{{count}} establishment served',
      establishmentsServed_other: '{{count}} establishments served',
      applications_one: '{{count}} application',
      applications_other: '{{count}} applications',
      live_one: '{{count}} live',
      live_other: '{{count}} live',
      empty: 'No hosted instance yet.',
      hidden_one:
        '{{count}} other instance is not shown: it is not visible to you or no longer in the catalog.',
      hidden_other:
        '{{count}} other instances are not shown: they are not visible to you or no longer in the catalog.',
      error: 'The hosted instances could not be loaded: {{message}}',
    },
    tenantCard: {
      title: 'Hosted instance',
      application: 'Application',
      establishment: 'Establishment',
      uai: 'UAI code',
      environment: 'Environment',
      version: 'Version',
      status: 'Status',
      url: 'Address',
      urlPending: 'Not provisioned yet',
      ssoProtocol: 'Single sign-on protocol',
      idpEntityId: 'Identity provider entity ID',
      ssoNotConfigured: 'Not configured yet',
    },
    establishmentCard: {
      title: 'Establishment',
      uai: 'UAI code',
      formerUais: 'Former UAI codes',
      noFormerUais: 'None',
      region: 'Region',
      academie: 'Académie (education authority)',
      website: 'Website',
      abroad: 'Abroad',
      overseasCollectivities: 'Overseas collectivities',
    },
    establishmentFilter: {
      label: 'Establishment',
      option: '{{title}} ({{uai}})',
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
