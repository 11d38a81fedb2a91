// What `npm start` runs, as a real process, in two starts on one data directory. First through npm
// (`npm run serve`, what `npm start` execs after its build): it starts its own bundled Neo4j, loads
// the default corpus into the empty database, serves the API and prints the URL; SIGTERM to the npm
// process stops everything before npm exits. Then `src/main.ts` started again at once, as the group
// leader a terminal makes it: it starts on the loaded directory, and Ctrl-C (SIGINT to the group)
// ends it with exit code 130 and no Java process left behind.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/neo4j/paths.js';
import { QUICK_START_JVM } from './helpers/db.js';
import { freePort } from './helpers/ports.js';

/** The process groups this file started (each start is its own group, as a terminal would make it). */
const groups: ChildProcess[] = [];
let dataDir: string | undefined;

/** Pids of processes whose command line mentions the given text (our temporary data directory). */
function processesMentioning(text: string): number[] {
  const out = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout;
  return out
    .split('\n')
    .filter((line) => line.includes(text) && !line.includes('ps -eo'))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

/** Pids of the processes in a process group. */
function processesInGroup(pgid: number): number[] {
  const out = spawnSync('ps', ['-eo', 'pid=,pgid='], { encoding: 'utf8' }).stdout;
  return out
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([, group]) => group === pgid)
    .map(([pid]) => pid!);
}

/**
 * The process group once its last members have gone: tsx's esbuild service ends by itself a moment
 * after the node process that started it, so it may still be listed right after npm has exited.
 */
async function groupAfterExit(pgid: number): Promise<number[]> {
  const deadline = Date.now() + 10_000;
  let left = processesInGroup(pgid);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    left = processesInGroup(pgid);
  }
  return left;
}

afterAll(() => {
  for (const proc of groups) if (proc.pid && proc.exitCode === null && proc.signalCode === null) process.kill(-proc.pid, 'SIGKILL');
  if (dataDir) {
    for (const pid of processesMentioning(dataDir)) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});

interface Started {
  proc: ChildProcess;
  /** Exit code, or -1 when a signal ended it. */
  exited: Promise<number>;
  output(): string;
  /** The URL it printed, without the token fragment, and the token. */
  url: string;
  token: string;
}

/** Starts a command in a process group of its own on this file's data directory and waits for the URL it prints. */
async function start(command: string, args: string[], port: number): Promise<Started> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    METHODGRAPH_DB_PORT: String(await freePort()),
    METHODGRAPH_DB_DIR: join(dataDir!, 'neo4j'),
    METHODGRAPH_TOKEN_FILE: join(dataDir!, 'token'),
    METHODGRAPH_DB_HEAP: '512m',
    METHODGRAPH_DB_JAVA_OPTS: QUICK_START_JVM.join(' '),
    // The machine may be busy: wait for Neo4j as long as the test allows.
    METHODGRAPH_DB_START_TIMEOUT: '400',
  };
  delete env.NEO4J_URI;
  const proc = spawn(command, args, { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  groups.push(proc);
  let output = '';
  proc.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  proc.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number>((resolve) => proc.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : 0))));
  const printed = await new Promise<string>((resolve, reject) => {
    const check = setInterval(() => {
      const m = /methodgraph: explorer at (http:\/\/\S+)/.exec(output);
      if (m?.[1]) {
        clearInterval(check);
        resolve(m[1]);
      } else if (proc.exitCode !== null) {
        clearInterval(check);
        reject(new Error(`${command} ${args.join(' ')} exited early:\n${output}`));
      }
    }, 200);
  });
  // The printed URL carries the curation write token in its fragment.
  const [url, token] = printed.split('#token=') as [string, string];
  return { proc, exited, output: () => output, url, token };
}

describe('main', () => {
  it('should start Neo4j, load the default corpus, print the URL, serve the API, and stop everything when the npm process gets SIGTERM', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'methodgraph-main-'));
    const port = await freePort();
    const npm = await start('npm', ['run', '--silent', 'serve'], port);
    expect(npm.url).toBe(`http://127.0.0.1:${port}/`);
    expect(readFileSync(join(dataDir, 'token'), 'utf8').trim()).toBe(npm.token);
    expect(npm.output()).toContain('loading the default corpus');
    const curate = (headers: Record<string, string>) =>
      fetch(`${npm.url}api/curation`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
    expect((await curate({})).status).toBe(401);
    expect((await curate({ authorization: `Bearer ${npm.token}` })).status).toBe(400);

    const health = (await (await fetch(`${npm.url}api/health`)).json()) as { status: string; counts: { nodes: Record<string, number> } };
    expect(health.status).toBe('ok');
    expect(health.counts.nodes.Paper).toBeGreaterThan(0);
    const search = (await (await fetch(`${npm.url}api/search?q=mamb`)).json()) as { results: unknown[] };
    expect(search.results.length).toBeGreaterThan(0);
    expect(processesMentioning(dataDir).length).toBeGreaterThan(0);

    // npm is the process a user or a supervisor signals.
    npm.proc.kill('SIGTERM');
    await npm.exited;
    expect(processesMentioning(dataDir)).toEqual([]);
    expect(await groupAfterExit(npm.proc.pid!)).toEqual([]);
    expect(npm.output()).toContain('methodgraph: stopped');
  }, 600_000);

  it('should start again at once on the loaded directory, and on Ctrl-C exit 130 leaving no Java process', async () => {
    // The first test's directory: its Neo4j has just stopped, and the corpus is loaded.
    dataDir ??= mkdtempSync(join(tmpdir(), 'methodgraph-main-'));
    const again = await start(process.execPath, ['--import', 'tsx', 'src/main.ts'], await freePort());
    expect(again.output()).not.toMatch(/locked|already running/);
    const health = (await (await fetch(`${again.url}api/health`)).json()) as { status: string; counts: { nodes: Record<string, number> } };
    expect(health.status).toBe('ok');
    expect(health.counts.nodes.Paper).toBeGreaterThan(0);
    // Ctrl-C in a terminal signals the whole foreground group: the server and the Java it started.
    process.kill(-again.proc.pid!, 'SIGINT');
    expect(await again.exited).toBe(130);
    expect(processesMentioning(dataDir)).toEqual([]);
    expect(await groupAfterExit(again.proc.pid!)).toEqual([]);
  }, 600_000);
});
