// Preloaded into the benchmarked backend (run.ts --event-loop-delay): every
// second, appends the event-loop delay of the past second (perf_hooks
// monitorEventLoopDelay, 10 ms resolution) to the file named by
// BENCH_EVENT_LOOP_DELAY_FILE, one JSON line: { t, p50, p99, max } in ms.
const { monitorEventLoopDelay } = require('node:perf_hooks');
const fs = require('node:fs');

const file = process.env.BENCH_EVENT_LOOP_DELAY_FILE;
if (file) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const ms = ns => Math.round(ns / 1e5) / 10;
  setInterval(() => {
    fs.appendFileSync(
      file,
      `${JSON.stringify({
        t: Date.now(),
        p50: ms(histogram.percentile(50)),
        p99: ms(histogram.percentile(99)),
        max: ms(histogram.max),
      })}\n`,
    );
    histogram.reset();
  }, 1000).unref();
}
