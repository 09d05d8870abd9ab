// Preloaded into a benchmarked backend (`node --require
// @amue/bench/src/cpuProfileOnSignal.js ...`): the first SIGUSR2 starts a CPU
// profile of the process (node:inspector, in-process), the next one stops it
// and writes it as `<BENCH_CPU_PROFILE_DIR>/cpu-<pid>-<n>.cpuprofile`
// (open it in Chrome DevTools, or summarise it with
// `node packages/bench/src/profileSummary.js FILE`). Unlike `--cpu-prof`,
// the profile covers only the load window, not the start-up.
const inspector = require('node:inspector');
const fs = require('node:fs');
const path = require('node:path');

const directory = process.env.BENCH_CPU_PROFILE_DIR || process.cwd();
let session;
let count = 0;

process.on('SIGUSR2', () => {
  if (!session) {
    session = new inspector.Session();
    session.connect();
    session.post('Profiler.enable', () =>
      session.post('Profiler.setSamplingInterval', { interval: 500 }, () =>
        session.post('Profiler.start'),
      ),
    );
    return;
  }
  const current = session;
  session = undefined;
  current.post('Profiler.stop', (error, result) => {
    if (!error) {
      count += 1;
      fs.mkdirSync(directory, { recursive: true });
      fs.writeFileSync(
        path.join(directory, `cpu-${process.pid}-${count}.cpuprofile`),
        JSON.stringify(result.profile),
      );
    }
    current.disconnect();
  });
});
