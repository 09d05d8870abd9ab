import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import type { Socket } from 'node:net';
import { createAdmissionMiddleware, readAdmissionOptions } from './admission';

/*
 * The backend's root HTTP router: backend-defaults' own, plus an end to the
 * connections that a graceful shutdown would otherwise wait for forever.
 *
 * On SIGTERM the backend answers readiness with 503 for
 * `backend.lifecycle.serverShutdownDelay`, then stops accepting connections
 * and waits for the open ones to finish. WebSockets (signals) and long
 * polls (the events bus) never finish by themselves: without this, a
 * replica with a browser connected stays alive until the orchestrator kills
 * it (seen in the replica stage: 60 s). Here the requests in flight get
 * SHUTDOWN_GRACE_MS, then every connection still open is closed; browsers
 * reconnect their signals to another replica, bus clients poll again.
 *
 * Ahead of everything, admission control (./admission.ts) refuses API
 * requests at once with 503 and Retry-After while the backend is saturated.
 */

/** How long requests in flight may take once the server stops accepting. */
export const SHUTDOWN_GRACE_MS = 5_000;

export const rootHttpRouterWithShutdown = rootHttpRouterServiceFactory({
  configure({ app, applyDefaults, server, lifecycle, logger, config }) {
    app.use(
      createAdmissionMiddleware({
        settings: readAdmissionOptions(config),
        logger,
      }),
    );
    applyDefaults();
    const sockets = new Set<Socket>();
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    // Runs beside the server's own stop (shutdown hooks run together).
    lifecycle.addShutdownHook(async () => {
      const deadline = Date.now() + SHUTDOWN_GRACE_MS;
      while (sockets.size > 0 && Date.now() < deadline) {
        await new Promise(resolve => setTimeout(resolve, 100));
      }
      if (sockets.size > 0) {
        logger.info(
          `Closing ${sockets.size} connections still open at shutdown (WebSockets, long polls)`,
        );
        for (const socket of sockets) {
          socket.destroy();
        }
      }
    });
  },
});
