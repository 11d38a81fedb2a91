// The write token that guards the curation endpoints: METHODGRAPH_TOKEN when set; otherwise, on a
// loopback HOST only, one generated once and kept in the data directory (.methodgraph/token, mode 600).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectRoot } from '../../neo4j/paths.js';

export type WriteAccess =
  | { token: string; source: 'environment' | 'file' | 'generated'; file?: string }
  /** Curation is refused, and why (said in every refusal). */
  | { disabled: string };

export const DEFAULT_TOKEN_FILE = join(projectRoot, '.methodgraph', 'token');
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
const MIN_LENGTH = 16;

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The token from METHODGRAPH_TOKEN, else the stored one, else a new one (loopback only). */
export function resolveWriteAccess(options: { host: string; env?: NodeJS.ProcessEnv; file?: string }): WriteAccess {
  const env = options.env ?? process.env;
  const fromEnv = env.METHODGRAPH_TOKEN?.trim();
  if (fromEnv) {
    if (fromEnv.length < MIN_LENGTH) {
      throw new Error(
        `methodgraph: METHODGRAPH_TOKEN must be at least ${MIN_LENGTH} characters; use a long random secret (e.g. openssl rand -hex 24)`,
      );
    }
    return { token: fromEnv, source: 'environment' };
  }
  if (!isLoopback(options.host)) {
    return {
      disabled: `curation is refused because HOST=${options.host} makes the API reachable from other machines and METHODGRAPH_TOKEN is not set; set METHODGRAPH_TOKEN to a long random secret to curate`,
    };
  }
  const file = options.file ?? env.METHODGRAPH_TOKEN_FILE ?? DEFAULT_TOKEN_FILE;
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= MIN_LENGTH) return { token: stored, source: 'file', file };
  }
  const token = randomBytes(24).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, source: 'generated', file };
}
