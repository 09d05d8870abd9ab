/*
 * The rules of a request against the catalog: what an application offers
 * (service status, environments, versions) and the wished go-live date.
 * The service reads the entities; these say whether the request fits.
 */
import {
  ApplicationEntityV1alpha1,
  Environment,
} from '@amue/plugin-cloud-common';
import { InputError } from '@backstage/errors';

/** InputError unless the version is a known, not end-of-life one. */
export function requireVersionOf(
  application: ApplicationEntityV1alpha1,
  requested: string,
): void {
  const version = application.spec.versions.find(v => v.version === requested);
  if (!version || version.status === 'end-of-life') {
    const available = application.spec.versions
      .filter(v => v.status !== 'end-of-life')
      .map(v => v.version);
    throw new InputError(
      `version "${requested}" is not a ${
        version ? 'supported' : 'known'
      } version of application "${
        application.metadata.name
      }" (available: ${available.join(', ')})`,
    );
  }
}

/**
 * InputError unless the application is offered as a service, in the
 * environment and the version asked for.
 */
export function checkOffered(
  application: ApplicationEntityV1alpha1,
  input: { application: string; environment: Environment; version: string },
): void {
  const saas = application.spec.saas?.status;
  if (saas !== 'available' && saas !== 'pilot') {
    throw new InputError(
      `application "${input.application}" is not offered as a service (saas status "${saas}")`,
    );
  }
  if (!application.spec.environments.includes(input.environment)) {
    throw new InputError(
      `environment "${input.environment}" is not offered for application "${
        input.application
      }" (offered: ${application.spec.environments.join(', ')})`,
    );
  }
  requireVersionOf(application, input.version);
}

/** True for `YYYY-MM-DD` naming a day that exists (no 30 February). */
function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return false;
  }
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** InputError unless the wished go-live date, if any, is a day to come. */
export function checkWishedGoLiveDate(wished: unknown, today: Date): void {
  if (wished === undefined) {
    return;
  }
  if (!isCalendarDate(wished)) {
    throw new InputError(
      `request.wishedGoLiveDate "${wished}" is not a date of the calendar (YYYY-MM-DD)`,
    );
  }
  if ((wished as string) < today.toISOString().slice(0, 10)) {
    throw new InputError(`request.wishedGoLiveDate "${wished}" is in the past`);
  }
}
