/*
 * Metrics of the backend in Prometheus format (OpenTelemetry), loaded
 * before the backend so that Node's http module is instrumented:
 *
 *   node --require ./packages/backend/src/instrumentation.js packages/backend ...
 *
 * (the image copies this file to /app/instrumentation.js). Served at
 * http://<pod>:${METRICS_PORT:-9464}/metrics on a port of its own, which
 * the Service does not expose: Prometheus scrapes the pods inside the
 * cluster (docs/operations.md, "Metrics"). METRICS_PORT=off disables it.
 *
 * What it holds: the latency of every HTTP request the backend serves
 * (`http_server_request_duration`, seconds, by method and status; health
 * probes excluded), the metrics Backstage's plugins record through the metrics
 * service (catalog, scheduler, ...), and the portal's own gauges
 * (`cloud_tenants`, `cloud_requests_waiting`, `cloud_steps_blocked`,
 * plugins/cloud-backend/src/metrics).
 */
const { metrics } = require('@opentelemetry/api');
const { resourceFromAttributes } = require('@opentelemetry/resources');
const { MeterProvider } = require('@opentelemetry/sdk-metrics');
const { PrometheusExporter } = require('@opentelemetry/exporter-prometheus');
const { registerInstrumentations } = require('@opentelemetry/instrumentation');
const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http');

const setting = process.env.METRICS_PORT ?? '9464';

if (setting !== 'off') {
  const port = Number(setting);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    process.stderr.write(
      `METRICS_PORT must be a port number or "off", not "${setting}"\n`,
    );
    process.exit(1);
  }
  const exporter = new PrometheusExporter({
    port,
    host: process.env.METRICS_HOST,
  });
  const meterProvider = new MeterProvider({
    readers: [exporter],
    resource: resourceFromAttributes({
      'service.name': process.env.OTEL_SERVICE_NAME ?? 'portail-amue-cloud',
    }),
  });
  metrics.setGlobalMeterProvider(meterProvider);
  registerInstrumentations({
    meterProvider,
    instrumentations: [
      new HttpInstrumentation({
        // Probes every second would drown the portal's own traffic.
        ignoreIncomingRequestHook: request =>
          (request.url ?? '').startsWith('/.backstage/health/'),
        // Outgoing calls (plugins calling each other) are not measured.
        ignoreOutgoingRequestHook: () => true,
      }),
    ],
  });
  const stop = () => meterProvider.shutdown().catch(() => undefined);
  process.once('beforeExit', stop);
}
