/**
 * @module data-dir
 * Where the knowledge base lives: `data/` in the package, or the directory named by CASUS_DATA.
 */
import { fileURLToPath } from 'node:url';
import { relative, resolve } from 'node:path';

/** The package root (works from src/ under tsx and from dist/ once built). */
export const PACKAGE_ROOT: string = resolve(fileURLToPath(new URL('../../', import.meta.url)));

/** The knowledge base directory. */
export function dataDir(): string {
  return process.env.CASUS_DATA ? resolve(process.env.CASUS_DATA) : resolve(PACKAGE_ROOT, 'data');
}

/** A path as messages show it: relative to the working directory (never the server's own layout). */
export function displayPath(path: string): string {
  return relative(process.cwd(), path) || relative(PACKAGE_ROOT, path);
}
