import type { Config } from '@backstage/config';

/**
 * The time of the cloud plugin: due dates, reminders and every timestamp it
 * writes read it, so that tests move time instead of waiting for it.
 *
 * @internal
 */
export interface CloudClock {
  now(): Date;
}

/** The system clock. */
export const systemClock: CloudClock = { now: () => new Date() };

/**
 * A clock that an administrator moves forward through `PUT
 * /testing/clock`, for the browser tests of due dates and reminders. Only
 * with `cloud.testing.movableClock: true` (the end-to-end configuration;
 * refused in production: see {@link createCloudClock}). Kept in the
 * process: one backend only.
 *
 * @internal
 */
export class MovableClock implements CloudClock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves to `at` (never backwards: due dates already written stay). */
  moveTo(at: Date): void {
    const offset = at.getTime() - Date.now();
    if (offset < this.offsetMs) {
      throw new RangeError(
        `the clock can only move forward, it is already at ${this.now().toISOString()}`,
      );
    }
    this.offsetMs = offset;
  }
}

/**
 * The clock of the plugin: movable when `cloud.testing.movableClock` is
 * true (only app-config.e2e.yaml sets it; never in production, where it
 * would let administrators move time), the system clock otherwise.
 *
 * @internal
 */
export function createCloudClock(config: Config): CloudClock {
  return config.getOptionalBoolean('cloud.testing.movableClock')
    ? new MovableClock()
    : systemClock;
}
