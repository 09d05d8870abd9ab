import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { techdocsTranslationRef } from '@backstage/plugin-techdocs/alpha';

/** French messages for `@backstage/plugin-techdocs`. */
export const techdocsMessages = createTranslationMessages({
  ref: techdocsTranslationRef,
  full: false,
  messages: {
    'aboutCard.viewTechdocs': 'Voir la documentation',
    'notFound.title': 'Documentation introuvable',
    'notFound.builderNote':
      "Remarque : techdocs.builder n'a pas la valeur 'local' dans votre configuration ; cette instance Backstage ne générera donc pas la documentation si elle est introuvable. Vérifiez que la documentation du projet est générée et publiée par un processus externe (par exemple une chaîne CI/CD), ou donnez à techdocs.builder la valeur 'local' pour générer la documentation depuis cette instance Backstage.",
    'buildLogs.title': 'Détails de la génération',
    'buildLogs.closeDrawer': 'Fermer le panneau',
    'buildLogs.showBuildLogs': 'Afficher les journaux de génération',
    'buildLogs.waitingForLogs': 'En attente des journaux…',
    'stateIndicator.initialBuild.message':
      'La documentation est consultée pour la première fois et est en cours de préparation. Les chargements suivants seront bien plus rapides.',
    'stateIndicator.contentStaleRefreshing.message':
      'Une version plus récente de cette documentation est en cours de préparation et sera bientôt disponible.',
    'stateIndicator.contentStaleReady.message':
      'Une version plus récente de cette documentation est disponible. Actualisez la page pour la consulter.',
    'stateIndicator.contentStaleReady.refreshButton': 'Actualiser',
    'stateIndicator.contentStaleError.message':
      "La génération d'une version plus récente de cette documentation a échoué.",
    'redirectNotification.redirectNow': 'Rediriger maintenant',
    'search.noResults': 'Aucun résultat',
    'search.placeholder': 'Rechercher dans la documentation de {{entityTitle}}',
    'readerPageHeader.owner': 'Propriétaire',
    'readerPageHeader.lifecycle': 'Cycle de vie',
    'readerPageHeader.source': 'Source',
    'home.supportButton': 'Découvrez la documentation de votre écosystème.',
    'pageWrapper.title': 'Documentation',
    'pageWrapper.subtitle':
      "Documentation disponible dans l'espace {{orgName}}",
    'table.columns.document': 'Document',
    'table.columns.owner': 'Propriétaire',
    'table.columns.kind': 'Nature',
    'table.columns.type': 'Type',
    'table.header.actions': 'Actions',
    'table.toolbar.searchPlaceholder': 'Filtrer',
    'table.pagination.labelRowsSelect': 'lignes',
    'table.body.emptyDataSourceMessage': 'Aucun élément à afficher',
    'table.actions.copyDocsUrl':
      'Cliquer pour copier le lien de la documentation dans le presse-papiers',
    'table.actions.addToFavorites': 'Ajouter aux favoris',
    'table.actions.removeFromFavorites': 'Retirer des favoris',
    'table.emptyState.title': 'Aucun document à afficher',
    'table.emptyState.description':
      'Créez votre propre document. Consultez notre guide de prise en main.',
    'table.emptyState.docsButton': 'DOCUMENTATION',
    'table.title.all': 'Tous',
    'error.couldNotLoad': 'Impossible de charger la documentation disponible.',
    'nav.title': 'Documentation',
    'entityContent.title': 'Documentation',
    'reader.settings': 'Paramètres',
  },
});

export default techdocsMessages;
