import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { catalogTranslationRef } from '@backstage/plugin-catalog/alpha';

/** French messages for `@backstage/plugin-catalog` (catalog index and entity pages). */
export const catalogMessages = createTranslationMessages({
  ref: catalogTranslationRef,
  full: false,
  messages: {
    'indexPage.title': 'Catalogue {{orgName}}',
    'indexPage.createButtonTitle': 'Créer',
    'indexPage.supportButtonContent':
      'Toutes les entités de votre catalogue logiciel',
    'entityPage.notFoundMessage':
      'Aucune entité « {{kind}} » ne correspond à la {{link}} demandée.',
    'entityPage.notFoundLinkText': 'combinaison nature, espace de noms et nom',
    'aboutCard.title': 'À propos',
    'aboutCard.refreshButtonTitle': "Planifier l'actualisation de l'entité",
    'aboutCard.editButtonTitle': 'Modifier les métadonnées',
    'aboutCard.editButtonAriaLabel': 'Modifier',
    'aboutCard.createSimilarButtonTitle': 'Créer un élément similaire',
    'aboutCard.refreshScheduledMessage': 'Actualisation planifiée',
    'aboutCard.refreshButtonAriaLabel': 'Actualiser',
    'aboutCard.launchTemplate': 'Lancer le modèle',
    'aboutCard.viewTechdocs': 'Voir la documentation',
    'aboutCard.viewSource': 'Voir la source',
    'aboutCard.unknown': 'inconnu',
    'aboutCard.descriptionField.label': 'Description',
    'aboutCard.descriptionField.value': 'Aucune description',
    'aboutCard.ownerField.label': 'Propriétaire',
    'aboutCard.ownerField.value': 'Aucun propriétaire',
    'aboutCard.domainField.label': 'Domaine',
    'aboutCard.domainField.value': 'Aucun domaine',
    'aboutCard.systemField.label': 'Système',
    'aboutCard.systemField.value': 'Aucun système',
    'aboutCard.parentComponentField.label': 'Composant parent',
    'aboutCard.parentComponentField.value': 'Aucun composant parent',
    'aboutCard.kindField.label': 'Nature',
    'aboutCard.typeField.label': 'Type',
    'aboutCard.lifecycleField.label': 'Cycle de vie',
    'aboutCard.tagsField.label': 'Étiquettes',
    'aboutCard.tagsField.value': 'Aucune étiquette',
    'aboutCard.targetsField.label': 'Cibles',
    'searchResultItem.kind': 'Nature',
    'searchResultItem.type': 'Type',
    'searchResultItem.lifecycle': 'Cycle de vie',
    'searchResultItem.owner': 'Propriétaire',
    'catalogTable.warningPanelTitle':
      'Impossible de récupérer les entités du catalogue.',
    'catalogTable.viewActionTitle': 'Voir',
    'catalogTable.editActionTitle': 'Modifier',
    'catalogTable.starActionTitle': 'Ajouter aux favoris',
    'catalogTable.unStarActionTitle': 'Retirer des favoris',
    'catalogTable.allFilters': 'Tous',
    'dependencyOfComponentsCard.title': 'Composants qui en dépendent',
    'dependencyOfComponentsCard.emptyMessage':
      'Aucun composant ne dépend de ce composant.',
    'dependsOnComponentsCard.title': 'Dépend des composants',
    'dependsOnComponentsCard.emptyMessage':
      "Ce composant ne dépend d'aucun autre composant.",
    'dependsOnResourcesCard.title': 'Dépend des ressources',
    'dependsOnResourcesCard.emptyMessage':
      "Ce composant ne dépend d'aucune ressource.",
    'entityContextMenu.copiedMessage': 'Copié !',
    'entityContextMenu.moreButtonTitle': 'Plus',
    'entityContextMenu.inspectMenuTitle': "Inspecter l'entité",
    'entityContextMenu.copyURLMenuTitle': "Copier l'URL de l'entité",
    'entityContextMenu.unregisterMenuTitle': "Retirer l'entité du catalogue",
    'entityContextMenu.moreButtonAriaLabel': "Plus d'actions",
    'entityLabelsCard.title': 'Labels',
    'entityLabelsCard.columnKeyLabel': 'Label',
    'entityLabelsCard.columnValueLabel': 'Valeur',
    'entityLabelsCard.emptyDescription':
      "Aucun label n'est défini pour cette entité. Vous pouvez ajouter des labels dans le fichier YAML de l'entité, comme dans l'exemple mis en évidence ci-dessous :",
    'entityLabelsCard.readMoreButtonTitle': 'En savoir plus',
    'entityLabels.warningPanelTitle': 'Entité introuvable',
    'entityLabels.ownerLabel': 'Propriétaire',
    'entityLabels.lifecycleLabel': 'Cycle de vie',
    'entityLabels.systemLabel': 'Système',
    'entityLabels.domainLabel': 'Domaine',
    'entityLabels.partOfLabel': 'Fait partie de',
    'entityLinksCard.title': 'Liens',
    'entityLinksCard.emptyDescription':
      "Aucun lien n'est défini pour cette entité. Vous pouvez ajouter des liens dans le fichier YAML de l'entité, comme dans l'exemple mis en évidence ci-dessous :",
    'entityLinksCard.readMoreButtonTitle': 'En savoir plus',
    'entityNotFound.title': "L'entité est introuvable",
    'entityNotFound.description':
      'Vous souhaitez nous aider à la construire ? Consultez notre documentation de prise en main.',
    'entityNotFound.docButtonTitle': 'DOCUMENTATION',
    'entityTabs.tabsAriaLabel': 'Onglets',
    'deleteEntity.dialogTitle': 'Voulez-vous vraiment supprimer cette entité ?',
    'deleteEntity.deleteButtonTitle': 'Supprimer',
    'deleteEntity.cancelButtonTitle': 'Annuler',
    'deleteEntity.description':
      "Cette entité n'est référencée par aucun emplacement et ne reçoit donc plus de mises à jour.",
    'deleteEntity.actionButtonTitle': "Supprimer l'entité",
    'catalogExportButton.triggerButtonTitle': 'Exporter la sélection',
    'catalogExportButton.dialogTitle': 'Exporter la sélection du catalogue',
    'catalogExportButton.formatLabel': 'Format',
    'catalogExportButton.columnsLabel': 'Colonnes',
    'catalogExportButton.cancelButtonTitle': 'Annuler',
    'catalogExportButton.confirmButtonTitle': 'Confirmer',
    'catalogExportButton.exportingButtonTitle': 'Export en cours…',
    'catalogExportButton.successMessage': 'Catalogue exporté avec succès',
    'catalogExportButton.errorMessage':
      "Échec de l'export du catalogue : {{errorMessage}}",
    entityProcessingErrorsDescription: "L'erreur ci-dessous provient de",
    entityRelationWarningDescription:
      "Cette entité est liée à d'autres entités introuvables dans le catalogue.\n Entités introuvables : ",
    'hasComponentsCard.title': 'Composants',
    'hasComponentsCard.emptyMessage':
      'Aucun composant ne fait partie de ce système.',
    'hasResourcesCard.title': 'Ressources',
    'hasResourcesCard.emptyMessage':
      'Aucune ressource ne fait partie de ce système.',
    'hasSubcomponentsCard.title': 'Sous-composants',
    'hasSubcomponentsCard.emptyMessage':
      'Aucun sous-composant ne fait partie de ce composant.',
    'hasSubdomainsCard.title': 'Sous-domaines',
    'hasSubdomainsCard.emptyMessage':
      'Aucun sous-domaine ne fait partie de ce domaine.',
    'hasSystemsCard.title': 'Systèmes',
    'hasSystemsCard.emptyMessage':
      'Aucun système ne fait partie de ce domaine.',
    'relatedEntitiesCard.emptyHelpLinkTitle':
      'Découvrir comment modifier cela.',
    'systemDiagramCard.title': 'Diagramme du système',
    'systemDiagramCard.description':
      'Pincez et zoomez pour vous déplacer dans le diagramme.',
    'systemDiagramCard.edgeLabels.partOf': 'fait partie de',
    'systemDiagramCard.edgeLabels.provides': 'fournit',
    'systemDiagramCard.edgeLabels.dependsOn': 'dépend de',
  },
});

export default catalogMessages;
