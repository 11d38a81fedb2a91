// Runs the ingest CLI (`node --import tsx ingest/cli.ts`, one process, no tsx wrapper) as a child and
// measures its wall time and peak resident memory (GNU time's max RSS, or VmHWM polled from /proc).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/neo4j/paths.js';

export interface ChildRun {
  exitCode: number;
  ms: number;
  peakRssMiB: number;
  output: string;
}

const GNU_TIME = '/usr/bin/time';

function vmHwmKiB(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

export async function runIngestCli(args: string[], env: NodeJS.ProcessEnv): Promise<ChildRun> {
  const node = [process.execPath, '--import', 'tsx', 'ingest/cli.ts', ...args];
  const useTime = existsSync(GNU_TIME);
  const dir = mkdtempSync(join(tmpdir(), 'methodgraph-bench-time-'));
  const timeFile = join(dir, 'time.txt');
  const [cmd, ...cmdArgs] = useTime ? [GNU_TIME, '-f', '%M', '-o', timeFile, ...node] : node;
  const started = performance.now();
  const child = spawn(cmd!, cmdArgs, { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let peakKiB = 0;
  // Polling fallback (and a cross-check): the kernel's high-water mark of the node process.
  const poll = setInterval(() => {
    if (!useTime && child.pid) peakKiB = Math.max(peakKiB, vmHwmKiB(child.pid));
  }, 100);
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  const ms = performance.now() - started;
  clearInterval(poll);
  if (useTime) {
    const text = existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '';
    peakKiB = Number(/(\d+)\s*$/.exec(text.trim())?.[1] ?? 0);
  }
  rmSync(dir, { recursive: true, force: true });
  return { exitCode, ms, peakRssMiB: peakKiB / 1024, output };
}
