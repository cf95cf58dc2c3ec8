#!/usr/bin/env node
// The preview's overlay of problems (issue 16), in Debian's Chromium: `planpub serve` on
// a new Danish site, then a save that breaks two files. The overlay that the open tab
// draws from the `problems` event, and the one the server renders into a reloaded page,
// must both list every problem with its file and line, its Danish message and help, and
// a link that opens the file at the line in VS Code; it must fit a 375 px phone screen.
// Screenshots at 375 and 1280 px go to docs/screenshots/.
//
//   node tests/browser/overlay.mjs     (exits non-zero on any failure)
//
// Environment: CHROMIUM (default /usr/bin/chromium), PLANPUB_BIN (default `cargo run`).

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { REPO, check, command, planpub, tally } from './harness.mjs';

const SHOTS = path.join(REPO, 'docs', 'screenshots');



const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'planpub-overlay-'));
const SITE = path.join(TMP, 'mit-site');
planpub(['init', SITE]);

// Serve on any free port, in Danish whatever the machine's settings.
const [cmd, argv] = command(['serve', '--root', SITE, '--port', '0', '--drafts']);
const env = { ...process.env, PLANPUB_LANG: 'da' };
delete env.PLANPUB_EDITOR_URL;
const server = spawn(cmd, argv, { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
let log = '';
const url = await new Promise((resolve, reject) => {
  const t = setTimeout(() => reject(new Error(`no address in time:\n${log}`)), 120000);
  const on = (b) => {
    log += b;
    const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(log);
    if (m) { clearTimeout(t); resolve(m[1]); }
  };
  server.stdout.on('data', on);
  server.stderr.on('data', on);
});

const hearing = path.join(SITE, 'content/hoeringer/eksempel-hoering.md');
const plan = fs.readdirSync(path.join(SITE, 'content/planer')).map((f) => path.join(SITE, 'content/planer', f))[0];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);

  // The save that breaks two files: a colon in a title, a misspelt field.
  fs.writeFileSync(hearing, fs.readFileSync(hearing, 'utf8').replace(/^title: .*$/m, 'title: Høring: Havnen'));
  fs.writeFileSync(plan, fs.readFileSync(plan, 'utf8').replace(/^owner:/m, 'ejer:'));

  const overlay = page.locator('#__planpub-overlay');
  await overlay.waitFor({ timeout: 30000 });
  await page.waitForTimeout(300);
  const pushed = await overlay.innerText();
  const inspect = async (name, text) => {
    check(`${name}: Danish heading and count`, /Siden kunne ikke bygges \(\d+ problem(er)?\)/.test(text), text);
    check(`${name}: the colon in the title, at its line`, /eksempel-hoering\.md:3:\d+/.test(text) && text.includes('titlen indeholder et kolon'), text);
    check(`${name}: its help`, text.includes('Sådan retter du det') && text.includes('sæt hele værdien i anførselstegn'), text);
    check(`${name}: the misspelt field and its suggestion`, text.includes('ejer er ikke et kendt felt her'), text);
    const links = await page.locator('#__planpub-overlay a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    check(`${name}: a link opens each file at its line in VS Code`,
      links.length >= 2 && links.every((h) => /^vscode:\/\/file\/.+\.md:\d+:\d+$/.test(h)) &&
      links.some((h) => h.includes('eksempel-hoering.md:3:')), links.join('\n'));
    check(`${name}: lang="da"`, (await overlay.getAttribute('lang')) === 'da');
  };
  await inspect('overlay drawn from the event', pushed);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'overlay-da-1280.png') });

  // A reload: the server renders the overlay itself (it works without JavaScript).
  await page.setViewportSize({ width: 375, height: 740 });
  await page.reload();
  await overlay.waitFor({ timeout: 10000 });
  await inspect('overlay rendered by the server', await overlay.innerText());
  const fits = await page.evaluate(() => {
    const o = document.getElementById('__planpub-overlay');
    return o.scrollWidth <= o.clientWidth + 1 && o.getBoundingClientRect().right <= window.innerWidth + 1;
  });
  check('overlay fits a 375 px screen without sideways scrolling', fits);
  await page.screenshot({ path: path.join(SHOTS, 'overlay-da-375.png') });
  check('no script errors', errors.length === 0, errors.join('\n'));
} finally {
  await browser.close();
  server.kill('SIGINT');
}

if (!tally.failed) fs.rmSync(TMP, { recursive: true, force: true });
console.log(`\n${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed || tally.passed === 0 ? 1 : 0);
