// `npm test`: two lanes at once. The first is Vitest's e2e, integration and ingest-db projects, one
// after the other on one Neo4j, its output straight to the terminal. The second needs no Neo4j of
// the run: Vitest's unit project (started at once, while the first lane starts Java) and standalone
// project (files that start Neo4j processes of their own and mostly wait for Java), then Vitest's
// ingest-incremental and ingest-cli projects on a Neo4j of its own. The type check and the lint go to
// whichever lane is over first, so that the two end close together. The second lane's output is printed as each
// step finishes, so nothing interleaves. With arguments (a file, a project, a reporter), or with
// NEO4J_URI set, one Vitest runs every project, and the type check and the lint run beside it.
// Fails when any step fails.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Each step runs in a process group of its own (Vitest, its workers and the Neo4j, Chromium and CLI
// processes they start), and a signal to this script goes to every group: SIGTERM or Ctrl-C ends
// the whole run, where signalling the direct children only left Vitest and its children running.
// Once signalled, no further step starts.
const children = new Set();
let stoppedBy = null;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stoppedBy = signal;
    for (const child of children) signalGroup(child, signal);
  });
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group has already exited.
  }
}

/** Runs a command; with `collect`, its output is gathered and handed back instead of shown. */
function run(command, args, { collect = false } = {}) {
  if (stoppedBy) return Promise.resolve({ code: 1, output: `not run: npm test got ${stoppedBy}\n` });
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: collect ? ['ignore', 'pipe', 'pipe'] : 'inherit', detached: true });
    children.add(child);
    let output = '';
    if (collect) {
      child.stdout.on('data', (c) => (output += c));
      child.stderr.on('data', (c) => (output += c));
    }
    child.on('error', (err) => {
      children.delete(child);
      resolve({ code: 1, output: `${output}could not start ${command} ${args.join(' ')}: ${err.message}\n` });
    });
    child.on('close', (code, signal) => {
      children.delete(child);
      resolve({ code: code ?? (signal ? 1 : 0), output });
    });
  });
}

// Vitest's own entry point, run by this Node (npx would add an npm process to each step).
const vitestBin = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'vitest', 'vitest.mjs');
const vitest = (args, options) => run(process.execPath, [vitestBin, 'run', ...args], options);

/** Runs a step whose output was collected, prints it once the step is over, and records a failure. */
async function runStep(name, step, failed) {
  const result = await step();
  if (result.code !== 0) failed.push(name);
  const verdict = result.code === 0 ? 'passed' : `FAILED (exit ${result.code})`;
  process.stderr.write(`\nnpm test: ${name} ${verdict}\n${result.output}`);
}

/** Steps either lane takes once its own are over: whichever lane ends first runs them. */
function sharedQueue() {
  const steps = [
    ['typecheck', () => run('npm', ['run', '--silent', 'typecheck'], { collect: true })],
    ['lint', () => run('npm', ['run', '--silent', 'lint'], { collect: true })],
  ];
  return async (failed) => {
    for (let next = steps.shift(); next; next = steps.shift()) await runStep(next[0], next[1], failed);
  };
}

/** The second lane's own steps, one at a time: each is CPU-bound, and the first lane wants the cores too. */
async function secondLane(failed) {
  await runStep('vitest (unit, standalone)', () => vitest(['--project', 'unit', '--project', 'standalone'], { collect: true }), failed);
  // A Vitest of its own, so that its Neo4j (global setup) is not in the environment of the
  // standalone files, which start their own.
  await runStep(
    'vitest (ingest-incremental, ingest-cli)',
    () => vitest(['--project', 'ingest-incremental', '--project', 'ingest-cli'], { collect: true }),
    failed,
  );
}

const args = process.argv.slice(2);
const split = args.length === 0 && !process.env.NEO4J_URI;
const failed = [];
const drain = sharedQueue();
const firstLane = async () => {
  const first = await vitest(split ? ['--project', 'e2e', '--project', 'integration', '--project', 'ingest-db'] : args);
  if (first.code !== 0) failed.push(split ? 'vitest (e2e, integration, ingest-db)' : 'vitest');
  await drain(failed);
};
await Promise.all([firstLane(), (split ? secondLane(failed) : Promise.resolve()).then(() => drain(failed))]);
if (failed.length > 0) {
  process.stderr.write(`npm test: failed: ${failed.join(', ')}\n`);
  process.exit(1);
}
