import {
  ENVIRONMENTS,
  ONBOARDING_STEP_IDS,
  type Environment,
  type OnboardingStepId,
  type TenantRequestContact,
} from '@amue/plugin-cloud-common';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import fs from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

/*
 * The demo data of the embedded default: a believable state of the "mode
 * service" programme, declared tenant by tenant in a data file
 * (demo-data/tenants.yaml, shipped with the package), read and checked
 * here. `seedDemoData` plays each tenant through the store, so the rules of
 * cloud-common hold and the event log is real.
 *
 * Everything here must match the rest of the repository:
 * - UAI codes exist in the establishments dataset
 *   (plugins/catalog-backend-module-cloud/data/*.csv);
 * - applications, versions (status `supported`) and environments exist in
 *   catalog/applications/<application>/catalog-info.yaml;
 * - product owners are the demo personas of catalog/org/users.yaml, members
 *   of the team that owns the application.
 * The tests of seedDemoData check all three.
 *
 * Actors: Amue-side steps are acted on by the product owner of the
 * application; establishment-side steps by the establishment's demo
 * personas where catalog/org/users.yaml has some (Bordeaux, Lille,
 * Strasbourg), otherwise by `user:default/contact.<uai lowercase>`, a
 * plausible user ref that is not in the catalog (the UI shows the ref).
 */

/**
 * An establishment of the demo data.
 */
export interface DemoEstablishment {
  uai: string;
  /** Name, as in the establishments dataset. */
  label: string;
  /** Internet domain: identity provider and contact addresses. */
  domain: string;
  /**
   * User entity refs of the establishment's demo personas, the first one
   * submits the requests; absent: `user:default/contact.<uai lowercase>`.
   */
  users?: string[];
  /** Contacts given with the requests. */
  contacts?: TenantRequestContact[];
}

/**
 * How far a demo tenant went: the step it is at (all steps before it are
 * done or skipped), or `live` (go-live done; the decommissioning step as
 * {@link DemoTenant.decommissioning} says).
 */
export type DemoReach =
  | 'qualification'
  | 'provisioning'
  | 'identity'
  | 'data-migration'
  | 'acceptance'
  | 'training'
  | 'go-live'
  | 'live';

/**
 * A comment of the timeline, posted while its step is under way (after the
 * creation of the request when `step` is absent or `request`).
 */
export interface DemoComment {
  step?: OnboardingStepId;
  by: 'amue' | 'establishment';
  text: string;
}

/**
 * A past blocking of a step, resolved: the step is blocked with `reason`,
 * then unblocked with `resolution`.
 */
export interface DemoIncident {
  step: Exclude<OnboardingStepId, 'request' | 'qualification'>;
  reason: string;
  resolution: string;
}

/**
 * One tenant of the demo data and the state it reaches.
 */
export interface DemoTenant {
  application: string;
  uai: string;
  environment: Environment;
  version: string;
  /** Migration from an on-premise installation; false: new installation. */
  migration: boolean;
  /** Days between the request and `now`. */
  startedDaysAgo: number;
  /** Days since the last change (1 to 7 by default). */
  idleDays?: number;
  reach: DemoReach;
  /** Days since go-live, for a live tenant (required then). */
  liveDaysAgo?: number;
  /** The reached step is still `todo` (waiting) rather than in progress. */
  waiting?: boolean;
  /** The reached step is blocked with this reason. */
  blocked?: string;
  /** The request is rejected with this reason (reach `qualification`). */
  rejected?: string;
  /** Steps skipped (by their side) with their reason. */
  skip?: Partial<Record<'acceptance' | 'training', string>>;
  /**
   * Decommissioning of the on-premise installation of a live migration
   * (absent: not started). A live new installation has it skipped.
   */
  decommissioning?: 'in_progress' | 'done';
  incidents?: DemoIncident[];
  comments?: DemoComment[];
  /**
   * Incentive funding, whole euros: granted when the request is approved,
   * paid (when not 0) at go-live, or last for a tenant not live yet.
   */
  funding?: { grantedEur: number; paidEur: number };
  /** Training figures, recorded during the training step. */
  training?: { sessionsHeld: number; staffTrained: number };
  expectedUsers?: number;
  requestComment?: string;
}

/** Product owner (user entity ref) of each application of the demo data. */
export const DEMO_PRODUCT_OWNERS: Readonly<Record<string, string>> = {
  sifac: 'user:default/sophie.bernard',
  'sifac-demat': 'user:default/sophie.bernard',
  siham: 'user:default/nathalie.moreau',
  pegase: 'user:default/thomas.girard',
  caplab: 'user:default/isabelle.fournier',
  geslab: 'user:default/isabelle.fournier',
  sinchro: 'user:default/isabelle.fournier',
  dialog: 'user:default/antoine.mercier',
  sinaps: 'user:default/camille.roux',
};

/** Comment of the approval of a request. */
export const DEMO_APPROVAL_COMMENT =
  'Demande éligible au mode service ; convention de service signée.';

/** Reason of the skipped decommissioning of a live new installation. */
export const DEMO_NOTHING_TO_DECOMMISSION =
  'Nouvelle installation : aucune installation sur site à arrêter';

/** The shape of demo-data/tenants.yaml (the types above, as a schema). */
const step = z.enum(ONBOARDING_STEP_IDS);
const demoDataSchema = z
  .object({
    establishments: z.array(
      z
        .object({
          uai: z.string(),
          label: z.string(),
          domain: z.string(),
          users: z.array(z.string()).optional(),
          contacts: z
            .array(
              z
                .object({
                  name: z.string(),
                  email: z.string(),
                  role: z.string().optional(),
                })
                .strict(),
            )
            .optional(),
        })
        .strict(),
    ),
    tenants: z.array(
      z
        .object({
          application: z.string(),
          uai: z.string(),
          environment: z.enum(ENVIRONMENTS),
          version: z.string(),
          migration: z.boolean(),
          startedDaysAgo: z.number(),
          idleDays: z.number().optional(),
          reach: z.enum([
            'qualification',
            'provisioning',
            'identity',
            'data-migration',
            'acceptance',
            'training',
            'go-live',
            'live',
          ]),
          liveDaysAgo: z.number().optional(),
          waiting: z.boolean().optional(),
          blocked: z.string().optional(),
          rejected: z.string().optional(),
          skip: z
            .object({
              acceptance: z.string().optional(),
              training: z.string().optional(),
            })
            .strict()
            .optional(),
          decommissioning: z.enum(['in_progress', 'done']).optional(),
          incidents: z
            .array(
              z
                .object({
                  step: step.exclude(['request', 'qualification']),
                  reason: z.string(),
                  resolution: z.string(),
                })
                .strict(),
            )
            .optional(),
          comments: z
            .array(
              z
                .object({
                  step: step.optional(),
                  by: z.enum(['amue', 'establishment']),
                  text: z.string(),
                })
                .strict(),
            )
            .optional(),
          funding: z
            .object({ grantedEur: z.number(), paidEur: z.number() })
            .strict()
            .optional(),
          training: z
            .object({ sessionsHeld: z.number(), staffTrained: z.number() })
            .strict()
            .optional(),
          expectedUsers: z.number().optional(),
          requestComment: z.string().optional(),
        })
        .strict(),
    ),
  })
  .strict();

/**
 * Reads and checks a demo data file (by default the one of the package);
 * an error names the file and the field.
 */
export function loadDemoData(
  file = resolvePackagePath(
    '@amue/plugin-cloud-backend-module-demo-data',
    'demo-data/tenants.yaml',
  ),
): {
  establishments: DemoEstablishment[];
  tenants: DemoTenant[];
} {
  const result = demoDataSchema.safeParse(parse(fs.readFileSync(file, 'utf8')));
  if (!result.success) {
    const problems = result.error.issues.map(
      issue => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`demo data ${file} is invalid: ${problems.join('; ')}`);
  }
  return result.data;
}

let loaded: ReturnType<typeof loadDemoData> | undefined;

/**
 * The demo data of the package, read at the first call (a backend without
 * `cloud.demoData` never reads it).
 */
export function demoData(): {
  readonly establishments: readonly DemoEstablishment[];
  readonly tenants: readonly DemoTenant[];
} {
  loaded ??= loadDemoData();
  return loaded;
}
