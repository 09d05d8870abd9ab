import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { ESTABLISHMENT_NAME_PREFIX } from './constants';
import { checkUai } from './uai';

/**
 * Entity name of the Group of the establishment with this UAI code:
 * `etab-<uai>` in lowercase.
 *
 * @public
 */
export function establishmentGroupName(uai: string): string {
  return `${ESTABLISHMENT_NAME_PREFIX}${uai.trim().toLowerCase()}`;
}

/**
 * The UAI code (uppercase) of an establishment Group's name or entity ref
 * (`etab-0333298f`, `group:default/etab-0333298f`), or undefined when it is
 * not an establishment name holding a valid UAI.
 *
 * @public
 */
export function uaiOfEstablishment(nameOrRef: string): string | undefined {
  const name = nameOrRef.slice(nameOrRef.lastIndexOf('/') + 1);
  const local = name.slice(name.indexOf(':') + 1);
  if (!local.toLowerCase().startsWith(ESTABLISHMENT_NAME_PREFIX)) {
    return undefined;
  }
  const check = checkUai(local.slice(ESTABLISHMENT_NAME_PREFIX.length));
  return check.valid ? check.uai : undefined;
}

/**
 * Entity name of a tenant: `<application>-<uai>-<environment>`, lowercase,
 * e.g. `sifac-0333298f-production`.
 *
 * @public
 */
export function tenantName(
  application: string,
  uai: string,
  environment: string,
): string {
  return `${application}-${uai}-${environment}`.trim().toLowerCase();
}

/**
 * The last part (the name) of an entity reference such as
 * `application:default/sifac` or a plain name.
 *
 * @public
 */
export function refName(ref: string): string {
  const afterSlash = ref.slice(ref.lastIndexOf('/') + 1);
  return afterSlash.slice(afterSlash.indexOf(':') + 1);
}

/**
 * The Group entity ref of an owner as written in a `spec.owner` field
 * (`amue-equipe-finance`, `group:amue-equipe-finance` or
 * `group:default/amue-equipe-finance`); undefined when it is not a valid
 * entity reference.
 *
 * @public
 */
export function ownerGroupRef(owner: unknown): string | undefined {
  if (typeof owner !== 'string' || owner.trim() === '') {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(owner.trim(), {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    return undefined;
  }
}
