import type {
  Environment,
  OnboardingStepId,
  TenantDetails,
} from '@amue/plugin-cloud-common';
import {
  ONBOARDING_STEP_LABELS,
  ownerGroupRef,
} from '@amue/plugin-cloud-common';
import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { TenantChange, TenantChangeListener } from './types';

/*
 * Language of the notifications: French only.
 *
 * Notifications are rendered by the backend and stored as plain text; the
 * notifications plugin has no translation API for payloads, so a title
 * cannot follow each reader's language. The portal's users are French
 * universities and Amue staff and French is the portal's default language,
 * so titles and descriptions are written in French. The UI's step names come
 * from the frontend translations; the few needed here are kept below.
 */

/** Topic of every notification about a tenant (users can mute it). */
export const TENANT_NOTIFICATION_TOPIC = 'cloud.tenant';

/** Path of a tenant's onboarding page in the portal, relative to its root. */
export function tenantPagePath(name: string): string {
  return `/cloud/tenants/${encodeURIComponent(name)}`;
}

/** The one name of each step (the portal's pages use the same). */
export const STEP_TITLES_FR = ONBOARDING_STEP_LABELS.fr;

/** Environments as they read inside a sentence (`SIFAC (production)`). */
export const ENVIRONMENT_LABELS_FR: Record<Environment, string> = {
  production: 'production',
  preproduction: 'préproduction',
  formation: 'formation',
  test: 'test',
};

/** Display names of what a notification talks about. */
interface Labels {
  /** `SIFAC (production) — Université de Bordeaux` */
  subject: string;
  application: string;
  environment: string;
  establishment: string;
}

type Message = Pick<
  NotificationPayload,
  'title' | 'description' | 'severity'
> & { scopeSuffix?: string };

function withReason(text: string, reason: string | null | undefined): string {
  const trimmed = reason?.trim();
  return trimmed ? `${text} Motif : ${trimmed}` : text;
}

function withComment(text: string, comment: string | null | undefined): string {
  const trimmed = comment?.trim();
  return trimmed ? `${text} Commentaire : ${trimmed}` : text;
}

function blockedStepReason(
  tenant: TenantDetails,
  stepId: OnboardingStepId,
): string | null | undefined {
  return tenant.steps.find(s => s.id === stepId)?.reason;
}

/**
 * The notification of a change, or undefined for the changes nobody is
 * notified of (step progress, comments, funding, training...: they show in
 * the tenant's timeline).
 */
function messageFor(change: TenantChange, labels: Labels): Message | undefined {
  const { tenant } = change;
  switch (change.type) {
    case 'request.created': {
      const wished = tenant.request.wishedGoLiveDate
        ? ` Mise en production souhaitée : ${tenant.request.wishedGoLiveDate}.`
        : '';
      const origin = tenant.request.migration
        ? "reprise d'une installation sur site"
        : 'nouvelle installation';
      return {
        title: `Nouvelle demande : ${labels.subject}`,
        description: withComment(
          `${labels.establishment} demande une instance hébergée de ${labels.application} ${tenant.version} en ${labels.environment} (${origin}).${wished}`,
          tenant.request.comment,
        ),
        severity: 'normal',
      };
    }
    case 'request.approved':
      return {
        title: `Demande acceptée : ${labels.subject}`,
        description: withComment(
          `L'Amue a accepté la demande d'instance ${labels.application} en ${labels.environment} de ${labels.establishment} ; le provisionnement de l'environnement peut commencer.`,
          change.comment,
        ),
        severity: 'normal',
      };
    case 'request.rejected':
      return {
        title: `Demande refusée : ${labels.subject}`,
        description: withReason(
          `L'Amue a refusé la demande d'instance ${labels.application} en ${labels.environment} de ${labels.establishment}.`,
          change.comment,
        ),
        severity: 'high',
      };
    case 'request.decision-undone':
      return {
        title: `Décision annulée : ${labels.subject}`,
        description: `L'Amue a annulé ${
          change.undone === 'reject' ? 'le refus' : "l'acceptation"
        } de la demande d'instance ${labels.application} en ${
          labels.environment
        } de ${
          labels.establishment
        } ; la demande attend de nouveau sa qualification.`,
        severity: 'normal',
      };
    case 'step.blocked': {
      if (!change.stepId) {
        return undefined;
      }
      const step = STEP_TITLES_FR[change.stepId] ?? change.stepId;
      return {
        title: `Étape bloquée (${step}) : ${labels.subject}`,
        description: withReason(
          `L'étape « ${step} » de l'instance ${labels.application} en ${labels.environment} de ${labels.establishment} est bloquée.`,
          change.comment ?? blockedStepReason(tenant, change.stepId),
        ),
        severity: 'high',
        // One notification per blocked step: blocking another step of the
        // same tenant must not hide this one.
        scopeSuffix: change.stepId,
      };
    }
    case 'step.completed':
      if (change.stepId !== 'go-live') {
        return undefined;
      }
      return {
        title: `Mise en production : ${labels.subject}`,
        description: withComment(
          `L'instance ${labels.application} en ${labels.environment} de ${
            labels.establishment
          } est ouverte${tenant.url ? ` : ${tenant.url}` : ''}.`,
          change.comment,
        ),
        severity: 'normal',
        scopeSuffix: change.stepId,
      };
    default:
      return undefined;
  }
}

/** The types of changes that may notify, to skip the catalog otherwise. */
function mayNotify(change: TenantChange): boolean {
  return (
    change.type === 'request.created' ||
    change.type === 'request.approved' ||
    change.type === 'request.rejected' ||
    change.type === 'request.decision-undone' ||
    change.type === 'step.blocked' ||
    (change.type === 'step.completed' && change.stepId === 'go-live')
  );
}

/**
 * Options of {@link createTenantNotifier}.
 *
 * @internal
 */
export interface TenantNotifierOptions {
  notifications: NotificationService;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  /**
   * The portal's frontend base URL (`app.baseUrl`). When given, links are
   * absolute (useful to e-mail processors); otherwise they are relative to
   * the portal.
   */
  baseUrl?: string;
}

/**
 * A change listener that sends Backstage notifications for the changes
 * people must act on or wait for: a new request, its approval or rejection,
 * a blocked step and the go-live.
 *
 * Recipients are the establishment's Group and the owner team of the
 * application (its catalog `spec.owner`), minus the user who made the
 * change. When the application is not in the catalog, only the
 * establishment is notified. Each notification has the scope
 * `cloud.tenant:<tenant>:<type>` (plus `:<step>` for a step change), so a
 * repeated change updates the recipient's notification, marked unread again,
 * instead of adding one more.
 *
 * Never throws: failures (catalog, notifications) are logged, the change is
 * already committed.
 *
 * @internal
 */
export function createTenantNotifier(
  options: TenantNotifierOptions,
): TenantChangeListener {
  const { notifications, catalog, auth } = options;
  const logger = options.logger.child({ component: 'tenant-notifier' });
  const baseUrl = options.baseUrl?.replace(/\/+$/, '');

  async function lookUp(
    tenant: TenantDetails,
    applicationRef: string,
    establishmentRef: string,
  ): Promise<{ application?: Entity; establishment?: Entity }> {
    try {
      const { items } = await catalog.getEntitiesByRefs(
        {
          entityRefs: [applicationRef, establishmentRef],
          fields: ['kind', 'metadata.name', 'metadata.title', 'spec.owner'],
        },
        { credentials: await auth.getOwnServiceCredentials() },
      );
      return { application: items[0], establishment: items[1] };
    } catch (error) {
      logger.warn(
        `Could not read ${applicationRef} from the catalog; notifying the establishment only`,
        { tenant: tenant.name, error: `${error}` },
      );
      return {};
    }
  }

  return async (change: TenantChange) => {
    if (!mayNotify(change)) {
      return;
    }
    const { tenant } = change;
    try {
      const applicationRef = stringifyEntityRef({
        kind: 'application',
        namespace: 'default',
        name: tenant.application,
      });
      const establishmentRef = stringifyEntityRef({
        kind: 'group',
        namespace: 'default',
        name: tenant.establishment,
      });
      const { application, establishment } = await lookUp(
        tenant,
        applicationRef,
        establishmentRef,
      );

      const recipients = [establishmentRef];
      const owner = application?.spec?.owner;
      const ownerRef = ownerGroupRef(owner);
      if (ownerRef) {
        recipients.push(ownerRef);
      } else if (application) {
        logger.warn(
          `${applicationRef} has no valid spec.owner; notifying the establishment only`,
          { tenant: tenant.name },
        );
      } else {
        logger.warn(
          `${applicationRef} is not in the catalog; notifying the establishment only`,
          { tenant: tenant.name },
        );
      }

      const applicationLabel =
        application?.metadata.title ?? tenant.application;
      const environment =
        ENVIRONMENT_LABELS_FR[tenant.environment] ?? tenant.environment;
      const establishmentLabel =
        establishment?.metadata.title ?? tenant.establishment;
      const message = messageFor(change, {
        subject: `${applicationLabel} (${environment}) — ${establishmentLabel}`,
        application: applicationLabel,
        environment,
        establishment: establishmentLabel,
      });
      if (!message) {
        return;
      }
      const { scopeSuffix, ...text } = message;
      const path = tenantPagePath(tenant.name);

      await notifications.send({
        recipients: {
          type: 'entity',
          entityRef: [...new Set(recipients)],
          ...(change.actor ? { excludeEntityRef: change.actor } : {}),
        },
        payload: {
          ...text,
          link: baseUrl ? `${baseUrl}${path}` : path,
          topic: TENANT_NOTIFICATION_TOPIC,
          scope: [TENANT_NOTIFICATION_TOPIC, tenant.name, change.type]
            .concat(scopeSuffix ? [scopeSuffix] : [])
            .join(':'),
        },
      });
    } catch (error) {
      logger.error(`Could not send the notification of ${change.type}`, {
        tenant: tenant.name,
        error: `${error}`,
      });
    }
  };
}
