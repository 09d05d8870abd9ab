import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { coreComponentsTranslationRef } from '@backstage/core-components/alpha';

/** French messages for `@backstage/core-components`. */
export const coreComponentsMessages = createTranslationMessages({
  ref: coreComponentsTranslationRef,
  full: false,
  messages: {
    'signIn.title': 'Connexion',
    'signIn.loginFailed': 'Échec de la connexion',
    'signIn.customProvider.title': 'Utilisateur personnalisé',
    'signIn.customProvider.subtitle':
      "Saisissez votre propre identifiant et vos informations d'authentification.\n Ce choix ne sera pas conservé.",
    'signIn.customProvider.userId': 'Identifiant utilisateur',
    'signIn.customProvider.tokenInvalid':
      "Le jeton n'est pas un jeton JWT OpenID Connect valide",
    'signIn.customProvider.continue': 'Continuer',
    'signIn.customProvider.idToken': "Jeton d'identité (facultatif)",
    'signIn.guestProvider.title': 'Invité',
    'signIn.guestProvider.subtitle':
      "Entrer en tant qu'invité.\n Votre identité ne sera pas vérifiée : certaines fonctionnalités pourront être indisponibles.",
    'signIn.guestProvider.enter': 'Entrer',
    skipToContent: 'Aller au contenu',
    'copyTextButton.tooltipText': 'Texte copié dans le presse-papiers',
    'simpleStepper.reset': 'Recommencer',
    'simpleStepper.finish': 'Terminer',
    'simpleStepper.next': 'Suivant',
    'simpleStepper.skip': 'Passer',
    'simpleStepper.back': 'Précédent',
    'errorPage.subtitle': 'ERREUR {{status}} : {{statusMessage}}',
    'errorPage.title': "Oups ! Quelque chose s'est mal passé.",
    'errorPage.goBack': 'Retour',
    'errorPage.showMoreDetails': 'Afficher plus de détails',
    'errorPage.showLessDetails': 'Afficher moins de détails',
    'emptyState.missingAnnotation.title': 'Annotation manquante',
    'emptyState.missingAnnotation.actionTitle':
      "Ajoutez l'annotation au fichier YAML de votre composant, comme dans l'exemple mis en évidence ci-dessous :",
    'emptyState.missingAnnotation.readMore': 'En savoir plus',
    'supportConfig.default.title': 'Assistance non configurée',
    'supportConfig.default.linkTitle':
      'Ajoutez la clé de configuration `app.support`',
    'errorBoundary.title': "Contactez {{slackChannel}} pour obtenir de l'aide.",
    'oauthRequestDialog.title': 'Connexion requise',
    'oauthRequestDialog.authRedirectTitle':
      'Vous allez être redirigé vers la page de connexion OAuth.',
    'oauthRequestDialog.login': 'Se connecter',
    'oauthRequestDialog.rejectAll': 'Tout refuser',
    'oauthRequestDialog.message':
      'Connectez-vous pour autoriser {{appTitle}} à accéder aux API et aux identités {{provider}}.',
    'supportButton.title': 'Assistance',
    'supportButton.close': 'Fermer',
    'table.filter.title': 'Filtres',
    'table.filter.clearAll': 'Tout effacer',
    'table.filter.placeholder': 'Tous les résultats',
    'table.body.emptyDataSourceMessage': 'Aucun élément à afficher',
    'table.pagination.firstTooltip': 'Première page',
    'table.pagination.labelDisplayedRows': '{from}-{to} sur {count}',
    'table.pagination.labelRowsSelect': 'lignes',
    'table.pagination.lastTooltip': 'Dernière page',
    'table.pagination.nextTooltip': 'Page suivante',
    'table.pagination.previousTooltip': 'Page précédente',
    'table.toolbar.search': 'Filtrer',
    'table.header.actions': 'Actions',
    'alertDisplay.message_one': '({{ count }} message plus récent)',
    'alertDisplay.message_other': '({{ count }} messages plus récents)',
    'autoLogout.stillTherePrompt.title': 'Déconnexion pour inactivité',
    'autoLogout.stillTherePrompt.buttonText':
      'Je suis toujours là, rester connecté',
    'dependencyGraph.fullscreenTooltip': 'Activer ou quitter le plein écran',
    'proxiedSignInPage.title':
      'Vous ne semblez pas connecté. Essayez de recharger la page.',
    'logViewer.downloadBtn.tooltip': 'Télécharger les journaux',
    'logViewer.copyBtn.tooltip': 'Copier les journaux dans le presse-papiers',
    'logViewer.searchField.placeholder': 'Rechercher',
  },
});

export default coreComponentsMessages;
