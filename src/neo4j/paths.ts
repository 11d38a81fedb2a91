// Absolute paths of the project's folders, independent of the current directory.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cypherDir = join(projectRoot, 'cypher');
export const dbDir = join(projectRoot, 'db');
export const distDir = join(projectRoot, 'dist');
export const dataDir = join(projectRoot, 'data');
