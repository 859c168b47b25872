// Where things are, and the error for a missing tool: under CI=true a test
// that meets one fails (CI must never pass by skipping); elsewhere it skips
// with a message saying what to install (see harness.mjs).
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const inCI = process.env.CI === 'true';

// artifactsDir holds screenshots and other output for humans; it is gitignored.
export function artifactsDir(...parts) {
  const dir = path.join(repoRoot, 'tmp', 'e2e', ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export class MissingTool extends Error {}

// requireFile returns path when it exists, or throws MissingTool naming the fix.
export function requireFile(file, install) {
  if (!existsSync(file)) {
    throw new MissingTool(`${file} is missing (${install})`);
  }
  return file;
}
