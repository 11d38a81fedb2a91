// What `npm start` runs, as a real process: starts its own bundled Neo4j, loads the default corpus
// into the empty database, serves the API, prints the URL, and on Ctrl-C leaves no Java process behind;
// through npm (`npm run serve`, what `npm start` execs after its build), SIGTERM to the npm process
// stops everything before npm exits, and starting again at once works.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/neo4j/paths.js';
import { QUICK_START_JVM } from './helpers/db.js';
import { freePort } from './helpers/ports.js';

let child: ChildProcess | undefined;
let npmChild: ChildProcess | undefined;
let dataDir: string | undefined;
let npmDataDir: string | undefined;

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
  if (child && child.exitCode === null) child.kill('SIGKILL');
  if (npmChild?.pid && npmChild.exitCode === null) process.kill(-npmChild.pid, 'SIGKILL');
  if (dataDir) {
    for (const pid of processesMentioning(dataDir)) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (npmDataDir) {
    for (const pid of processesMentioning(npmDataDir)) process.kill(pid, 'SIGKILL');
    rmSync(npmDataDir, { recursive: true, force: true });
  }
});

describe('main', () => {
  it('should start Neo4j, load the default corpus, print the URL, serve the API and stop everything on SIGINT', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'methodgraph-main-'));
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      METHODGRAPH_DB_PORT: String(await freePort()),
      METHODGRAPH_DB_DIR: join(dataDir, 'neo4j'),
      METHODGRAPH_TOKEN_FILE: join(dataDir, 'token'),
      METHODGRAPH_DB_HEAP: '512m',
      METHODGRAPH_DB_JAVA_OPTS: QUICK_START_JVM.join(' '),
      // The machine may be busy: wait for Neo4j as long as the test allows.
      METHODGRAPH_DB_START_TIMEOUT: '400',
    };
    delete env.NEO4J_URI;
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    let output = '';
    proc.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    proc.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));

    const printed = await new Promise<string>((resolve, reject) => {
      const check = setInterval(() => {
        const m = /methodgraph: explorer at (http:\/\/\S+)/.exec(output);
        if (m?.[1]) {
          clearInterval(check);
          resolve(m[1]);
        } else if (proc.exitCode !== null) {
          clearInterval(check);
          reject(new Error(`main exited early:\n${output}`));
        }
      }, 200);
    });
    // The printed URL carries the curation write token in its fragment, stored in the token file.
    const [url, token] = printed.split('#token=') as [string, string];
    expect(url).toBe(`http://127.0.0.1:${port}/`);
    expect(readFileSync(join(dataDir, 'token'), 'utf8').trim()).toBe(token);
    expect(output).toContain('loading the default corpus');
    const curate = (headers: Record<string, string>) =>
      fetch(`${url}api/curation`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
    expect((await curate({})).status).toBe(401);
    expect((await curate({ authorization: `Bearer ${token}` })).status).toBe(400);

    const health = (await (await fetch(`${url}api/health`)).json()) as { status: string; counts: { nodes: Record<string, number> } };
    expect(health.status).toBe('ok');
    expect(health.counts.nodes.Paper).toBeGreaterThan(0);
    const search = (await (await fetch(`${url}api/search?q=mamb`)).json()) as { results: unknown[] };
    expect(search.results.length).toBeGreaterThan(0);
    expect(processesMentioning(dataDir).length).toBeGreaterThan(0);

    proc.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(processesMentioning(dataDir)).toEqual([]);
  }, 600_000);

  it('should stop server and Java when the npm process gets SIGTERM, and start again at once', async () => {
    // The first test's directory, already loaded, when it ran: the default corpus is loaded once per file.
    npmDataDir = dataDir ?? mkdtempSync(join(tmpdir(), 'methodgraph-main-npm-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(await freePort()),
      METHODGRAPH_DB_PORT: String(await freePort()),
      METHODGRAPH_DB_DIR: join(npmDataDir, 'neo4j'),
      METHODGRAPH_DB_HEAP: '512m',
      METHODGRAPH_DB_JAVA_OPTS: QUICK_START_JVM.join(' '),
      // The machine may be busy: wait for Neo4j as long as the test allows.
      METHODGRAPH_DB_START_TIMEOUT: '400',
    };
    delete env.NEO4J_URI;
    const start = async () => {
      // Its own process group, as a terminal would give it; npm is the process a user or a supervisor signals.
      const proc = spawn('npm', ['run', '--silent', 'serve'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
      npmChild = proc;
      let output = '';
      proc.stdout!.on('data', (c: Buffer) => (output += c.toString()));
      proc.stderr!.on('data', (c: Buffer) => (output += c.toString()));
      const exited = new Promise<number | null>((resolve) => proc.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
      await new Promise<void>((resolve, reject) => {
        const check = setInterval(() => {
          if (/methodgraph: explorer at /.test(output)) {
            clearInterval(check);
            resolve();
          } else if (proc.exitCode !== null) {
            clearInterval(check);
            reject(new Error(`npm run serve exited early:\n${output}`));
          }
        }, 200);
      });
      return { proc, exited, output: () => output };
    };

    const first = await start();
    expect(processesMentioning(npmDataDir!).length).toBeGreaterThan(0);
    first.proc.kill('SIGTERM');
    await first.exited;
    expect(processesMentioning(npmDataDir!)).toEqual([]);
    expect(await groupAfterExit(first.proc.pid!)).toEqual([]);
    expect(first.output()).toContain('methodgraph: stopped');

    const second = await start();
    expect(second.output()).not.toMatch(/locked|already running/);
    process.kill(-second.proc.pid!, 'SIGINT');
    await second.exited;
    expect(processesMentioning(npmDataDir!)).toEqual([]);
    expect(await groupAfterExit(second.proc.pid!)).toEqual([]);
  }, 900_000);
});
