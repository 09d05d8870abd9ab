import { Entity, isGroupEntity } from '@backstage/catalog-model';
import { CatalogProcessor } from '@backstage/plugin-catalog-node';
import { InputError } from '@backstage/errors';
import {
  ESTABLISHMENT_GROUP_TYPE,
  UAI_ANNOTATION,
  checkUai,
} from '@amue/plugin-cloud-common';

/**
 * Rejects establishment Groups (`spec.type: establishment`) whose UAI
 * annotation is missing or invalid. The error names the entity, the field
 * and the rule; it shows in the catalog's processing errors and the entity
 * is not stored.
 *
 * @public
 */
export class EstablishmentGroupProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'EstablishmentGroupProcessor';
  }

  async preProcessEntity(entity: Entity): Promise<Entity> {
    if (
      !isGroupEntity(entity) ||
      entity.spec.type !== ESTABLISHMENT_GROUP_TYPE
    ) {
      return entity;
    }
    const value = entity.metadata.annotations?.[UAI_ANNOTATION];
    const check = checkUai(value);
    if (!check.valid) {
      throw new InputError(
        `Group "${entity.metadata.name}": metadata.annotations["${UAI_ANNOTATION}"] is invalid: ${check.reason}`,
      );
    }
    return entity;
  }
}
