import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { orgTranslationRef } from '@backstage/plugin-org/alpha';

/** French messages for `@backstage/plugin-org` (group and user pages). */
export const orgMessages = createTranslationMessages({
  ref: orgTranslationRef,
  full: false,
  messages: {
    'groupProfileCard.groupNotFound': 'Groupe introuvable',
    'groupProfileCard.editIconButtonTitle': 'Modifier les métadonnées',
    'groupProfileCard.refreshIconButtonTitle':
      "Planifier l'actualisation de l'entité",
    'groupProfileCard.refreshIconButtonAriaLabel': 'Actualiser',
    'groupProfileCard.listItemTitle.entityRef': "Référence de l'entité",
    'groupProfileCard.listItemTitle.email': 'Adresse électronique',
    'groupProfileCard.listItemTitle.parentGroup': 'Groupe parent',
    'groupProfileCard.listItemTitle.childGroups': 'Sous-groupes',
    'membersListCard.cardLabel': 'Page utilisateur de {{memberName}}',
    'membersListCard.title': 'Membres de {{groupName}}',
    'membersListCard.noMembersDescription': "Ce groupe n'a aucun membre.",
    'membersListCard.noSearchResult':
      'Aucun membre ne correspond à « {{searchTerm}} ».',
    'membersListCard.aggregateMembersToggle.label': 'Inclure les sous-groupes',
    'ownershipCard.title': 'Propriété',
    'ownershipCard.aggregateRelationsToggle.label':
      'Inclure la propriété indirecte',
    'userProfileCard.userNotFound': 'Utilisateur introuvable',
    'userProfileCard.editIconButtonTitle': 'Modifier les métadonnées',
    'userProfileCard.listItemTitle.email': 'Adresse électronique',
    'userProfileCard.listItemTitle.memberOf': 'Membre de',
    'userProfileCard.moreGroupButtonTitle': '…et {{number}} de plus',
    'userProfileCard.allGroupDialog.title': 'Tous les groupes de {{name}} :',
    'userProfileCard.allGroupDialog.closeButtonTitle': 'Fermer',
  },
});

export default orgMessages;
