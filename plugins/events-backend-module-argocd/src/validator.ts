import { parseDeploymentNotification } from '@amue/plugin-cloud-common';
import type {
  AuditorService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type {
  RequestDetails,
  RequestValidationContext,
  RequestValidator,
} from '@backstage/plugin-events-node';
import { SIGNATURE_HEADER, signatureProblem } from './signature';

/**
 * The validator of the `argocd` topic: a notification is accepted only
 * when signed with the shared secret ({@link SIGNATURE_HEADER}) and shaped
 * as the portal's Argo CD template renders it. Every refusal answers an
 * error status and writes a failed audit event (`deployment-notification`);
 * every accepted notification a successful one.
 *
 * @public
 */
export function createArgocdValidator(options: {
  /** Undefined: not configured, every notification is refused. */
  secret: string | undefined;
  auditor: AuditorService;
  logger: LoggerService;
}): RequestValidator {
  const { secret, auditor, logger } = options;

  const refuse = async (
    context: RequestValidationContext,
    status: number,
    reason: string,
  ) => {
    const event = await auditor.createEvent({
      eventId: 'deployment-notification',
      severityLevel: 'high',
      meta: { topic: 'argocd', status, reason },
    });
    await event.fail({
      error: new Error(`Argo CD notification refused: ${reason}`),
    });
    logger.warn(`Argo CD notification refused (${status}): ${reason}`);
    context.reject({ status, payload: { error: reason } });
  };

  return async (request: RequestDetails, context: RequestValidationContext) => {
    if (!secret) {
      await refuse(context, 503, 'no webhook secret is configured');
      return;
    }
    const problem = signatureProblem(
      request.headers[SIGNATURE_HEADER],
      request.raw.body,
      secret,
    );
    if (problem) {
      await refuse(context, problem === 'bad signature' ? 403 : 401, problem);
      return;
    }
    const parsed = parseDeploymentNotification(request.body);
    if (!parsed.ok) {
      await refuse(context, 400, parsed.problem);
      return;
    }
    const { app, syncStatus, healthStatus, revision } = parsed.notification;
    const event = await auditor.createEvent({
      eventId: 'deployment-notification',
      severityLevel: 'low',
      meta: { topic: 'argocd', app, syncStatus, healthStatus, revision },
    });
    await event.success();
  };
}
