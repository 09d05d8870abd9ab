import { Entity, isGroupEntity } from '@backstage/catalog-model';
import { CatalogProcessor } from '@backstage/plugin-catalog-node';
import { InputError } from '@backstage/errors';
import {
  ESTABLISHMENT_GROUP_TYPE,
  EntityProblem,
  UAI_ANNOTATION,
  checkUai,
  formatEntityProblems,
  isApplicationEntity,
  isTenantEntity,
  validateApplicationEntity,
  validateTenantEntity,
} from '@amue/plugin-cloud-common';

function establishmentProblems(entity: Entity): EntityProblem[] {
  if (!isGroupEntity(entity) || entity.spec.type !== ESTABLISHMENT_GROUP_TYPE) {
    return [];
  }
  const check = checkUai(entity.metadata.annotations?.[UAI_ANNOTATION], {
    strict: true,
  });
  return check.valid
    ? []
    : [
        {
          field: `metadata.annotations["${UAI_ANNOTATION}"]`,
          message: `is invalid: ${check.reason}`,
        },
      ];
}

/**
 * Checks the portal's entities with the rules of `@amue/plugin-cloud-common`
 * before the catalog stores them: Applications, Tenants (schema, naming,
 * establishment) and establishment Groups (UAI). A malformed entity fails
 * with one error naming the entity, each field and its rule; it shows in
 * the catalog's processing errors and the entity is not stored. Relations
 * come from the catalog model layer (`cloudCatalogModelLayer`).
 *
 * @public
 */
export class CloudEntityProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'CloudEntityProcessor';
  }

  async preProcessEntity(entity: Entity): Promise<Entity> {
    let problems: EntityProblem[] = [];
    if (isApplicationEntity(entity)) {
      problems = validateApplicationEntity(entity);
    } else if (isTenantEntity(entity)) {
      problems = validateTenantEntity(entity);
    } else {
      problems = establishmentProblems(entity);
    }
    if (problems.length) {
      throw new InputError(formatEntityProblems(entity, problems));
    }
    return entity;
  }
}
