import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { userSettingsTranslationRef } from '@backstage/plugin-user-settings/alpha';

/** French messages for `@backstage/plugin-user-settings`. */
export const userSettingsMessages = createTranslationMessages({
  ref: userSettingsTranslationRef,
  full: false,
  messages: {
    'languageToggle.title': 'Langue',
    'languageToggle.description': "Changer la langue de l'interface",
    'languageToggle.select': 'Choisir la langue {{language}}',
    'themeToggle.title': 'Thème',
    'themeToggle.description': "Changer le thème de l'interface",
    'themeToggle.select': 'Choisir le thème {{theme}}',
    'themeToggle.selectAuto': 'Choisir le thème automatique',
    'themeToggle.names.light': 'Clair',
    'themeToggle.names.dark': 'Sombre',
    'themeToggle.names.auto': 'Automatique',
    'signOutMenu.title': 'Se déconnecter',
    'signOutMenu.moreIconTitle': 'plus',
    'pinToggle.title': 'Épingler la barre latérale',
    'pinToggle.description': 'Empêcher la barre latérale de se replier',
    'pinToggle.switchTitles.unpin': 'Désépingler la barre latérale',
    'pinToggle.switchTitles.pin': 'Épingler la barre latérale',
    'pinToggle.ariaLabelTitle': "Interrupteur d'épinglage de la barre latérale",
    'identityCard.title': 'Identité Backstage',
    'identityCard.noIdentityTitle': 'Aucune identité Backstage',
    'identityCard.userEntity': 'Entité utilisateur',
    'identityCard.ownershipEntities': 'Entités de propriété',
    'defaultProviderSettings.description':
      "Fournit l'authentification auprès des API et des identités {{provider}}",
    'emptyProviders.title': "Aucun fournisseur d'authentification",
    'emptyProviders.description':
      "Vous pouvez ajouter à Backstage des fournisseurs d'authentification qui vous permettront de vous authentifier auprès de ces services.",
    'emptyProviders.action.title':
      'Ouvrez app-config.yaml et apportez les modifications mises en évidence ci-dessous :',
    'emptyProviders.action.readMoreButtonTitle': 'En savoir plus',
    'providerSettingsItem.title.signIn': 'Se connecter à {{title}}',
    'providerSettingsItem.title.signOut': 'Se déconnecter de {{title}}',
    'providerSettingsItem.buttonTitle.signIn': 'Se connecter',
    'providerSettingsItem.buttonTitle.signOut': 'Se déconnecter',
    'authProviders.title': 'Fournisseurs disponibles',
    'defaultSettingsPage.tabsTitle.general': 'Général',
    'defaultSettingsPage.tabsTitle.authProviders':
      "Fournisseurs d'authentification",
    'defaultSettingsPage.tabsTitle.featureFlags': 'Fonctionnalités activables',
    'featureFlags.title': 'Fonctionnalités activables',
    'featureFlags.description':
      'Actualisez la page après avoir activé ou désactivé une fonctionnalité',
    'featureFlags.emptyFlags.title': 'Aucune fonctionnalité activable',
    'featureFlags.emptyFlags.description':
      "Les fonctionnalités activables permettent aux plugins d'enregistrer dans Backstage des fonctionnalités que les utilisateurs peuvent choisir d'activer. Vous pouvez vous en servir pour isoler une partie de la logique de votre code, par exemple pour des tests A/B manuels.",
    'featureFlags.emptyFlags.action.title':
      "Voici un exemple d'ajout d'une fonctionnalité activable, mis en évidence ci-dessous :",
    'featureFlags.emptyFlags.action.readMoreButtonTitle': 'En savoir plus',
    'featureFlags.filterTitle': 'Filtrer',
    'featureFlags.clearFilter': 'Effacer le filtre',
    'featureFlags.flagItem.title.disable': 'Désactiver',
    'featureFlags.flagItem.title.enable': 'Activer',
    'featureFlags.flagItem.subtitle.registeredInApplication':
      "Enregistrée dans l'application",
    'featureFlags.flagItem.subtitle.registeredInPlugin':
      'Enregistrée dans le plugin {{pluginId}}',
    'settingsLayout.title': 'Paramètres',
    sidebarTitle: 'Paramètres',
    'profileCard.title': 'Profil',
    'appearanceCard.title': 'Apparence',
  },
});

export default userSettingsMessages;
