// The packages under test come from stacklet-cli, exactly as a user makes them:
// build the CLI (or use $STACKLET_CLI, which `make e2e` builds once per run),
// export the bundled sample and unzip each package.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './env.mjs';
import { unzip } from './unzip.mjs';

const exec = promisify(execFile);

// workDir is this process's scratch folder, removed when it exits.
export const workDir = mkdtempSync(path.join(os.tmpdir(), 'stacklet-e2e-'));
process.on('exit', () => rmSync(workDir, { recursive: true, force: true }));

let cliPromise;

// cliPath returns the stacklet-cli binary, building it on first use.
export function cliPath() {
  cliPromise ??= buildCLI();
  return cliPromise;
}

async function buildCLI() {
  if (process.env.STACKLET_CLI) return process.env.STACKLET_CLI;
  const bin = path.join(workDir, 'stacklet-cli');
  try {
    await exec('go', ['build', '-o', bin, './cmd/stacklet-cli'], { cwd: repoRoot, maxBuffer: 16 << 20 });
  } catch (err) {
    throw new Error(`go build ./cmd/stacklet-cli failed:\n${err.stderr || err.message}`);
  }
  return bin;
}

// runCLI runs stacklet-cli with args and returns its stdout.
export async function runCLI(...args) {
  const bin = await cliPath();
  try {
    const { stdout } = await exec(bin, args, { cwd: repoRoot, maxBuffer: 64 << 20 });
    return stdout;
  } catch (err) {
    throw new Error(`stacklet-cli ${args.join(' ')} exited ${err.code}:\n${err.stderr || err.message}`);
  }
}

const exported = new Map();

// exportSample exports every module of the bundled sample in format
// ("scorm12", "scorm2004" or "web") and unzips each package. It returns
// [{module, format, locale, zip, dir, files}] in the project's module order.
export function exportSample(format) {
  if (!exported.has(format)) exported.set(format, doExport(format));
  return exported.get(format);
}

async function doExport(format) {
  const out = path.join(workDir, 'export', format);
  const stdout = await runCLI('export', '--sample', '--format', format, '--module', 'all', '-o', out, '--json');
  const rows = JSON.parse(stdout);
  if (!Array.isArray(rows) || rows.length === 0) throw new Error(`export --json printed no packages: ${stdout}`);
  return rows.map((row) => {
    if (row.error) throw new Error(`export of ${row.module} (${row.format}) failed: ${row.error}`);
    const zip = path.resolve(repoRoot, row.path);
    const dir = path.join(workDir, 'unzipped', `${row.module}-${row.format}`);
    const files = unzip(zip, dir);
    return { module: row.module, format: row.format, locale: row.locale, zip, dir, files };
  });
}

let samplePromise;

// sampleProject returns the bundled sample in its dump form: the project.json
// object and its modules (authoring.Module JSON) in module order. The tests
// read answer keys and rules from here, the same source the player renders.
export function sampleProject() {
  samplePromise ??= (async () => {
    const dir = path.join(workDir, 'sample-dump');
    await runCLI('dump', '--sample', dir);
    const project = JSON.parse(readFileSync(path.join(dir, 'project.json'), 'utf8'));
    const modules = project.modules.map((id) =>
      JSON.parse(readFileSync(path.join(dir, 'modules', `${id}.json`), 'utf8')));
    return { project, modules };
  })();
  return samplePromise;
}
