import { Config } from '@backstage/config';
import { z } from 'zod';

/** The settings of the federation sign-in (`auth.federation`). */
export interface FederationOptions {
  claims: {
    principalName: string;
    email: string;
    displayName: string;
    affiliation: string;
    establishment: string;
  };
  allowedAffiliations: string[];
  catalogUserEmailDomains: string[];
  multipleEstablishments: 'refuse' | 'all';
}

const claimName = z
  .string()
  .trim()
  .min(1, 'must be a claim name')
  .max(128, 'must be at most 128 characters');

const schema = z
  .object({
    claims: z
      .object({
        principalName: claimName.default('eduPersonPrincipalName'),
        email: claimName.default('mail'),
        displayName: claimName.default('displayName'),
        affiliation: claimName.default('eduPersonAffiliation'),
        establishment: claimName.default('supannEtablissement'),
      })
      .strict()
      .default({
        principalName: 'eduPersonPrincipalName',
        email: 'mail',
        displayName: 'displayName',
        affiliation: 'eduPersonAffiliation',
        establishment: 'supannEtablissement',
      }),
    allowedAffiliations: z
      .array(z.string().trim().toLowerCase().min(1))
      .min(1, 'must list at least one affiliation')
      .default(['staff', 'employee']),
    catalogUserEmailDomains: z
      .array(z.string().trim().toLowerCase().min(1))
      .default(['amue.fr']),
    multipleEstablishments: z.enum(['refuse', 'all']).default('refuse'),
  })
  .strict();

/**
 * Reads `auth.federation` from the config. Throws an error naming the key
 * and the rule when a value is wrong.
 */
export function readFederationOptions(config: Config): FederationOptions {
  const raw = config.getOptional('auth.federation') ?? {};
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(issue => {
      const key = ['auth.federation', ...issue.path.map(String)].join('.');
      return `${key} ${issue.message}`;
    });
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}
