// `npm test`: the type check and the lint run while Vitest runs, instead of before it. Vitest's
// output goes straight to the terminal; the type check's and the lint's are printed once each has
// finished, so the three never interleave. Fails when any of the three fails. Arguments go to Vitest.
import { spawn } from 'node:child_process';

/** Runs an npm script with its output collected; resolves with its exit code and output. */
function collected(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('error', (err) => resolve({ code: 1, output: `could not start npm run ${script}: ${err.message}\n` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/** The type check, then the lint (one at a time: each is CPU-bound, and Vitest wants the cores too). */
async function checks() {
  const results = [];
  for (const script of ['typecheck', 'lint']) {
    const result = await collected(script);
    results.push({ script, ...result });
    const verdict = result.code === 0 ? 'passed' : `FAILED (exit ${result.code})`;
    process.stderr.write(`\nnpm test: ${script} ${verdict}\n${result.output}`);
  }
  return results;
}

function vitest(args) {
  return new Promise((resolve) => {
    const child = spawn('npx', ['--no-install', 'vitest', 'run', ...args], { stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (err) => {
      process.stderr.write(`npm test: could not start vitest: ${err.message}\n`);
      resolve(1);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const [checked, tested] = await Promise.all([checks(), vitest(process.argv.slice(2))]);
const failed = checked.filter((r) => r.code !== 0).map((r) => r.script);
if (tested !== 0) failed.push('vitest');
if (failed.length > 0) {
  process.stderr.write(`npm test: failed: ${failed.join(', ')}\n`);
  process.exit(1);
}
