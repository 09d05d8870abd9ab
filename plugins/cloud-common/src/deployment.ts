/*
 * The deployment read back from the GitOps engine (issue 14): what the
 * portal commits to the GitOps repository, and the notifications of the
 * engine (Argo CD) that deploys it.
 */

/**
 * The events service topic of the GitOps engine's notifications: the
 * events backend's HTTP ingress `POST /api/events/http/argocd`.
 *
 * @public
 */
export const DEPLOYMENT_EVENTS_TOPIC = 'argocd';

/**
 * The events service topic on which the scaffolder publishes each commit of
 * tenants' descriptors to the GitOps repository
 * ({@link GitopsCommittedEvent}).
 *
 * @public
 */
export const GITOPS_EVENTS_TOPIC = 'cloud.gitops';

/**
 * Payload of a message on {@link GITOPS_EVENTS_TOPIC}.
 *
 * @public
 */
export interface GitopsCommittedEvent {
  /** Names of the tenants whose folders the commit holds. */
  tenants: string[];
  /** The commit (full hash). */
  revision: string;
  /** True when the commit removed the tenants' folders. */
  remove: boolean;
}

/**
 * The actor of the changes the deployment makes (not a user): shown as
 * "Deployment (Argo CD)" in the timeline.
 *
 * @public
 */
export const DEPLOYMENT_ACTOR = 'deployment:argocd';

/**
 * True for an actor that is the deployment engine rather than a user.
 *
 * @public
 */
export function isDeploymentActor(actor: string | null | undefined): boolean {
  return typeof actor === 'string' && actor.startsWith('deployment:');
}

/**
 * Sync statuses of an Argo CD application.
 *
 * @public
 */
export const DEPLOYMENT_SYNC_STATUSES = [
  'Synced',
  'OutOfSync',
  'Unknown',
] as const;

/**
 * Health statuses of an Argo CD application.
 *
 * @public
 */
export const DEPLOYMENT_HEALTH_STATUSES = [
  'Healthy',
  'Progressing',
  'Degraded',
  'Suspended',
  'Missing',
  'Unknown',
] as const;

/**
 * A notification of the deployment engine about one application, as the
 * notification template of `deploy/argocd/` renders it.
 *
 * @public
 */
export interface DeploymentNotification {
  /** The Argo CD application: named after the tenant. */
  app: string;
  syncStatus: (typeof DEPLOYMENT_SYNC_STATUSES)[number];
  healthStatus: (typeof DEPLOYMENT_HEALTH_STATUSES)[number];
  /** The revision the application is synced to (lowercase hash), or null. */
  revision: string | null;
  /** The first http(s) external URL of the application, or null. */
  url: string | null;
  /** The health or operation message, or null. */
  message: string | null;
}

/** Maximum length of a notification's message kept (characters). */
const MESSAGE_MAX_LENGTH = 2000;

const APP_PATTERN = /^[a-z0-9]([a-z0-9-]{0,251}[a-z0-9])?$/;
const REVISION_PATTERN = /^[0-9a-f]{7,64}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function httpUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2048) {
    return null;
  }
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:'
      ? url.toString()
      : null;
  } catch {
    return null;
  }
}

/**
 * Reads a notification of the deployment engine: `app`, `syncStatus`,
 * `healthStatus` and `revision` are required; `externalURLs` (array) or
 * `externalURL`, and `message`, are optional. Returns the problem (naming
 * the field) when the payload is not one.
 *
 * @public
 */
export function parseDeploymentNotification(
  body: unknown,
):
  | { ok: true; notification: DeploymentNotification }
  | { ok: false; problem: string } {
  if (!isRecord(body)) {
    return { ok: false, problem: 'the payload is not a JSON object' };
  }
  const { app, syncStatus, healthStatus, revision, message } = body;
  if (typeof app !== 'string' || !APP_PATTERN.test(app)) {
    return {
      ok: false,
      problem: 'app must be an application name (lowercase, digits, hyphens)',
    };
  }
  if (
    typeof syncStatus !== 'string' ||
    !(DEPLOYMENT_SYNC_STATUSES as readonly string[]).includes(syncStatus)
  ) {
    return {
      ok: false,
      problem: `syncStatus must be one of ${DEPLOYMENT_SYNC_STATUSES.join(
        ', ',
      )}`,
    };
  }
  if (
    typeof healthStatus !== 'string' ||
    !(DEPLOYMENT_HEALTH_STATUSES as readonly string[]).includes(healthStatus)
  ) {
    return {
      ok: false,
      problem: `healthStatus must be one of ${DEPLOYMENT_HEALTH_STATUSES.join(
        ', ',
      )}`,
    };
  }
  if (
    typeof revision !== 'string' ||
    (revision !== '' && !REVISION_PATTERN.test(revision.toLowerCase()))
  ) {
    return {
      ok: false,
      problem: 'revision must be a commit hash (7 to 64 hexadecimal digits)',
    };
  }
  if (
    message !== undefined &&
    message !== null &&
    typeof message !== 'string'
  ) {
    return { ok: false, problem: 'message must be a string' };
  }
  const urls = Array.isArray(body.externalURLs)
    ? body.externalURLs
    : [body.externalURL];
  const url = urls.map(httpUrl).find(u => u !== null) ?? null;
  const text = typeof message === 'string' ? message.trim() : '';
  return {
    ok: true,
    notification: {
      app,
      syncStatus: syncStatus as DeploymentNotification['syncStatus'],
      healthStatus: healthStatus as DeploymentNotification['healthStatus'],
      revision: revision === '' ? null : revision.toLowerCase(),
      url,
      message: text === '' ? null : text.slice(0, MESSAGE_MAX_LENGTH),
    },
  };
}
