// What the browser scripts (run.mjs, overlay.mjs, editors.mjs) share: the repository's
// place, how planpub is started, and the tally of checks.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '..', '..');

/** The command that runs planpub: PLANPUB_BIN (a built binary), else `cargo run`. */
export function command(args) {
  const bin = process.env.PLANPUB_BIN;
  return bin ? [bin, args] : ['cargo', ['run', '--quiet', '--', ...args]];
}

/** Runs planpub to its end; a failure stops the script (exit 2) with its output. */
export function planpub(args) {
  const [cmd, argv] = command(args);
  const r = spawnSync(cmd, argv, { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`planpub ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
    process.exit(2);
  }
  return r.stdout;
}

/** The tally of checks: `ok` or `FAIL` with the detail indented under it. */
export const tally = { passed: 0, failed: 0 };

export function check(name, ok, detail = '') {
  if (ok) {
    tally.passed++;
    console.log(`ok   ${name}`);
  } else {
    tally.failed++;
    console.log(`FAIL ${name}${detail ? '\n' + String(detail).replace(/^/gm, '       ') : ''}`);
  }
  return ok;
}
