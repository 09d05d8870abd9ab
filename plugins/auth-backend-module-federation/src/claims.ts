import { checkUai } from '@amue/plugin-cloud-common';
import { createHash } from 'node:crypto';

/** The claims of an OpenID Connect sign-in: ID token, then userinfo. */
export type Claims = Record<string, unknown>;

/**
 * The values of a claim as strings: a string, or the strings of an array
 * (multi-valued SAML attributes), trimmed, without empty ones.
 */
export function claimValues(claims: Claims, name: string): string[] {
  const value = claims[name];
  const values = Array.isArray(value) ? value : [value];
  return values
    .filter((v): v is string => typeof v === 'string')
    .flatMap(v => v.split(/[;\n]/))
    .map(v => v.trim())
    .filter(Boolean);
}

/** The first value of a claim, or undefined. */
export function claimValue(claims: Claims, name: string): string | undefined {
  return claimValues(claims, name)[0];
}

/**
 * The UAI codes of `supannEtablissement` values (`{UAI}0333298F`), in
 * uppercase, without duplicates; other values (another code type, an
 * invalid UAI) are left out.
 */
export function uaisOf(values: string[]): string[] {
  const uais: string[] = [];
  for (const value of values) {
    const match = /^\{UAI\}(.+)$/i.exec(value);
    if (!match) {
      continue;
    }
    const check = checkUai(match[1]);
    if (check.valid && !uais.includes(check.uai)) {
      uais.push(check.uai);
    }
  }
  return uais;
}

/**
 * Affiliations, lowercase, without their scope (`staff@u-bordeaux.fr`, an
 * `eduPersonScopedAffiliation` value, is `staff`).
 */
export function affiliationsOf(values: string[]): string[] {
  return [
    ...new Set(values.map(v => v.replace(/@.*$/, '').trim().toLowerCase())),
  ].filter(Boolean);
}

/** Longest entity name Backstage accepts. */
const MAX_NAME = 63;

/**
 * The catalog User name of a principal name (`eduPersonPrincipalName`):
 * lowercase ASCII, accents removed, `@` turned into `_`, every other
 * character outside `[a-z0-9._-]` into `-`, separators not repeated nor at
 * either end; names longer than 63 characters keep 54 and end with a hash
 * of the whole principal name. E.g. `Jean.Dupont@u-bordeaux.fr` →
 * `jean.dupont_u-bordeaux.fr`. Undefined when nothing is left.
 */
export function userNameOfPrincipal(principal: string): string | undefined {
  const name = principal
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/@/g, '_')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/([._-])[._-]+/g, '$1')
    .replace(/^[._-]+|[._-]+$/g, '');
  if (!name) {
    return undefined;
  }
  if (name.length <= MAX_NAME) {
    return name;
  }
  const hash = createHash('sha256')
    .update(principal.trim().toLowerCase())
    .digest('hex')
    .slice(0, 8);
  return `${name.slice(0, MAX_NAME - 9).replace(/[._-]+$/, '')}-${hash}`;
}

/** The domain of an e-mail address or the scope of a principal name. */
export function domainOf(value: string | undefined): string | undefined {
  const at = value?.lastIndexOf('@') ?? -1;
  return value && at >= 0 ? value.slice(at + 1).toLowerCase() : undefined;
}
