import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { catalogReactTranslationRef } from '@backstage/plugin-catalog-react/alpha';

/** French messages for `@backstage/plugin-catalog-react` (catalog filters, entity tables and dialogs). */
export const catalogReactMessages = createTranslationMessages({
  ref: catalogReactTranslationRef,
  full: false,
  messages: {
    'catalogFilter.title': 'Filtres',
    'catalogFilter.buttonTitle': 'Filtres',
    'entityKindPicker.title': 'Nature',
    'entityKindPicker.errorMessage':
      "Impossible de charger les natures d'entités",
    'entityLifecyclePicker.title': 'Cycle de vie',
    'entityNamespacePicker.title': 'Espace de noms',
    'entityOwnerPicker.title': 'Propriétaire',
    'entityProcessingStatusPicker.title': 'État du traitement',
    'entityTagPicker.title': 'Étiquettes',
    'entityPeekAheadPopover.title':
      "Ouvrez l'entité pour voir toutes ses étiquettes.",
    'entityPeekAheadPopover.emailCardAction.title': 'Écrire à {{email}}',
    'entityPeekAheadPopover.emailCardAction.subTitle': 'mailto {{email}}',
    'entityPeekAheadPopover.emailCardAction.ariaLabel': 'Courriel',
    'entityPeekAheadPopover.entityCardActionsAriaLabel': 'Afficher',
    'entityPeekAheadPopover.entityCardActionsTitle': 'Afficher les détails',
    'entitySearchBar.placeholder': 'Rechercher',
    'entityTypePicker.title': 'Type',
    'entityTypePicker.errorMessage':
      "Impossible de charger les types d'entités",
    'entityTypePicker.optionAllTitle': 'tous',
    'favoriteEntity.addToFavorites': 'Ajouter aux favoris',
    'favoriteEntity.removeFromFavorites': 'Retirer des favoris',
    'inspectEntityDialog.title': "Inspecteur d'entité",
    'inspectEntityDialog.closeButtonTitle': 'Fermer',
    'inspectEntityDialog.ancestryPage.title': 'Ascendance',
    'inspectEntityDialog.ancestryPage.description':
      "Voici l'ascendance de l'entité courante, c'est-à-dire la ou les chaînes d'entités menant jusqu'à elle, dans lesquelles des {{processorsLink}} des entités enfants ayant finalement conduit à l'existence de l'entité courante. Ce mécanisme est entièrement distinct des relations.",
    'inspectEntityDialog.ancestryPage.processorsLink': 'processeurs ont émis',
    'inspectEntityDialog.colocatedPage.title': 'Colocalisées',
    'inspectEntityDialog.colocatedPage.description':
      "Voici les entités colocalisées avec cette entité, c'est-à-dire issues de la même source de données (par exemple du même fichier YAML) ou de la même origine (par exemple l'URL enregistrée à l'origine).",
    'inspectEntityDialog.colocatedPage.alertNoLocation':
      "L'entité n'a aucune information d'emplacement.",
    'inspectEntityDialog.colocatedPage.alertNoEntity':
      "Aucune autre entité n'est associée à cet emplacement.",
    'inspectEntityDialog.colocatedPage.locationHeader': 'Au même emplacement',
    'inspectEntityDialog.colocatedPage.originHeader': 'De même origine',
    'inspectEntityDialog.colocatedPage.entityListAriaLabel':
      'Entités colocalisées',
    'inspectEntityDialog.jsonPage.title': 'Entité au format JSON',
    'inspectEntityDialog.jsonPage.description':
      "Données brutes de l'entité telles que reçues du catalogue, au format JSON.",
    'inspectEntityDialog.overviewPage.title': "Vue d'ensemble",
    'inspectEntityDialog.overviewPage.relation.title': 'Relations',
    'inspectEntityDialog.overviewPage.status.title': 'État',
    'inspectEntityDialog.overviewPage.identity.title': 'Identité',
    'inspectEntityDialog.overviewPage.metadata.title': 'Métadonnées',
    'inspectEntityDialog.overviewPage.annotations': 'Annotations',
    'inspectEntityDialog.overviewPage.labels': 'Labels',
    'inspectEntityDialog.overviewPage.tags': 'Étiquettes',
    'inspectEntityDialog.overviewPage.copyAriaLabel': 'Copier {{label}}',
    'inspectEntityDialog.overviewPage.copiedStatus': 'Copié',
    'inspectEntityDialog.overviewPage.helpLinkAriaLabel': 'En savoir plus',
    'inspectEntityDialog.yamlPage.title': 'Entité au format YAML',
    'inspectEntityDialog.yamlPage.description':
      "Données brutes de l'entité telles que reçues du catalogue, au format YAML.",
    'inspectEntityDialog.tabNames.overview': "Vue d'ensemble",
    'inspectEntityDialog.tabNames.ancestry': 'Ascendance',
    'inspectEntityDialog.tabNames.colocated': 'Colocalisées',
    'inspectEntityDialog.tabNames.json': 'JSON brut',
    'inspectEntityDialog.tabNames.yaml': 'YAML brut',
    'inspectEntityDialog.tabsAriaLabel': "Options de l'inspecteur",
    'unregisterEntityDialog.title':
      'Voulez-vous vraiment retirer cette entité du catalogue ?',
    'unregisterEntityDialog.cancelButtonTitle': 'Annuler',
    'unregisterEntityDialog.deleteButtonTitle': "Supprimer l'entité",
    'unregisterEntityDialog.deleteEntitySuccessMessage':
      'Entité {{entityName}} supprimée',
    'unregisterEntityDialog.bootstrapState.title':
      "Vous ne pouvez pas retirer cette entité du catalogue : elle provient d'une configuration Backstage protégée (emplacement « {{location}} »). S'il s'agit d'une erreur, contactez l'intégrateur de {{appTitle}}.",
    'unregisterEntityDialog.bootstrapState.advancedDescription':
      "Vous pouvez supprimer l'entité elle-même du catalogue. Ne le faites que si vous savez que le fichier de catalogue a été supprimé de son emplacement d'origine ou déplacé. Sinon, l'entité réapparaîtra peu après, lors de la prochaine actualisation du catalogue.",
    'unregisterEntityDialog.bootstrapState.advancedOptions': 'Options avancées',
    'unregisterEntityDialog.onlyDeleteStateTitle':
      "Cette entité ne semble pas provenir d'un emplacement enregistré. Vous pouvez seulement la supprimer directement du catalogue.",
    'unregisterEntityDialog.unregisterState.title':
      'Cette action retirera les entités suivantes du catalogue :',
    'unregisterEntityDialog.unregisterState.subTitle':
      "Situées à l'emplacement suivant :",
    'unregisterEntityDialog.unregisterState.description':
      "Pour annuler, il suffit d'enregistrer de nouveau l'entité dans {{appTitle}}.",
    'unregisterEntityDialog.unregisterState.unregisterButtonTitle':
      "Retirer l'emplacement",
    'unregisterEntityDialog.unregisterState.advancedOptions':
      'Options avancées',
    'unregisterEntityDialog.unregisterState.advancedDescription':
      "Vous pouvez aussi supprimer l'entité elle-même du catalogue. Ne le faites que si vous savez que le fichier de catalogue a été supprimé de son emplacement d'origine ou déplacé. Sinon, l'entité réapparaîtra peu après, lors de la prochaine actualisation du catalogue.",
    'unregisterEntityDialog.errorStateTitle': 'Erreur interne : état inconnu',
    'userListPicker.defaultOrgName': 'Organisation',
    'userListPicker.personalFilter.title': 'Personnel',
    'userListPicker.personalFilter.ownedLabel': 'Dont je suis propriétaire',
    'userListPicker.personalFilter.starredLabel': 'Favoris',
    'userListPicker.orgFilterAllLabel': 'Tous',
    'entityTableColumnTitle.name': 'Nom',
    'entityTableColumnTitle.system': 'Système',
    'entityTableColumnTitle.owner': 'Propriétaire',
    'entityTableColumnTitle.type': 'Type',
    'entityTableColumnTitle.lifecycle': 'Cycle de vie',
    'entityTableColumnTitle.namespace': 'Espace de noms',
    'entityTableColumnTitle.description': 'Description',
    'entityTableColumnTitle.tags': 'Étiquettes',
    'entityTableColumnTitle.targets': 'Cibles',
    'entityTableColumnTitle.title': 'Titre',
    'entityTableColumnTitle.label': 'Label',
    'entityTableColumnTitle.domain': 'Domaine',
    'entityRelationCard.emptyHelpLinkTitle': 'Découvrir comment modifier cela.',
    'missingAnnotationEmptyState.title': 'Annotation manquante',
    'missingAnnotationEmptyState.readMore': 'En savoir plus',
    'missingAnnotationEmptyState.annotationYaml':
      "Ajoutez l'annotation au fichier YAML de votre {{entityKind}}, comme dans l'exemple mis en évidence ci-dessous :",
    'missingAnnotationEmptyState.generateDescription_one':
      "L'annotation {{annotations}} est manquante. Ajoutez-la à votre {{entityKind}} pour activer cet outil.",
    'missingAnnotationEmptyState.generateDescription_other':
      'Les annotations {{annotations}} sont manquantes. Ajoutez-les à votre {{entityKind}} pour activer cet outil.',
  },
});

export default catalogReactMessages;
