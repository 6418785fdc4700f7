import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const CONSOLE_DIR = path.join(ROOT, 'console');
const BUILT_INDEX = path.join(CONSOLE_DIR, 'dist', 'index.html');

function newestChange(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...fs.readdirSync(entry).map((name) => newestChange(path.join(entry, name))),
  );
}

/**
 * Builds the console (`npm run console:build`) when console/dist is missing, as on a clean clone,
 * or older than any of its sources, so the browser tests never run yesterday's console.
 */
export function ensureConsoleBuilt(): void {
  const sources = ['index.html', 'vite.config.mts', 'src'].map((p) => path.join(CONSOLE_DIR, p));
  const built = fs.existsSync(BUILT_INDEX) ? fs.statSync(BUILT_INDEX).mtimeMs : 0;
  if (built > Math.max(...sources.map(newestChange))) return;
  execFileSync(
    path.join(ROOT, 'node_modules', '.bin', 'vite'),
    ['build', '--config', 'console/vite.config.mts'],
    {
      cwd: ROOT,
      stdio: 'pipe',
    },
  );
}
