#!/usr/bin/env node
// The editor support that `planpub init` writes (issue 16), checked with the real tools:
//
// * the browser editor: Decap CMS from its npm package, with the generated
//   static/admin/config.yml and Decap's in-memory test backend holding the new site's
//   files, in Debian's Chromium: every collection lists its entries, a new-entry form
//   opens for every type, and an existing decision (its committee in its own field, its
//   Markdown text in the text field) and hearing (its plan picked from the plans) open,
//   with no error on the page or in the console;
// * VS Code's check: remark with the generated .remarkrc.mjs (what the
//   unifiedjs.vscode-remark extension runs) finds nothing in the new site and points at
//   the line of each mistake in a broken hearing.
//
//   node tests/browser/editors.mjs      (exits non-zero on any failure)
//
// Environment: CHROMIUM (default /usr/bin/chromium), PLANPUB_BIN (default `cargo run`).

import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { HERE, REPO, check, command, planpub, tally } from './harness.mjs';

const require = createRequire(import.meta.url);
const DECAP_DIST = path.dirname(require.resolve('decap-cms/dist/decap-cms.js'));
const DECAP_VERSION = require('decap-cms/package.json').version;
const SHOTS = path.join(HERE, 'screenshots');
const DOC_SHOTS = path.join(REPO, 'docs', 'screenshots');



const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'planpub-editors-'));
const SITE = path.join(TMP, 'mit-site');
planpub(['init', SITE]);

// ---------------------------------------------------------------- the browser editor

/** The site's content files as Decap's test backend wants them: nested folders. */
function repoFiles(dir, rel = '') {
  const out = {};
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = path.join(rel, e.name);
    if (e.isDirectory()) out[e.name] = repoFiles(dir, r);
    else if (e.name.endsWith('.md')) out[e.name] = { content: fs.readFileSync(path.join(dir, r), 'utf8') };
  }
  return out;
}

const adminHtml = fs.readFileSync(path.join(SITE, 'static/admin/index.html'), 'utf8');
check(`admin/index.html loads Decap CMS ${DECAP_VERSION}, the version tested here`,
  adminHtml.includes(`decap-cms@${DECAP_VERSION}/dist/decap-cms.js`), adminHtml);

// The test backend lists a collection by looking its whole folder up as one key
// (`repoFiles['content/planer']`) but reads an entry by walking its path's parts
// (`repoFiles.content.planer`): it is given both views of the same files.
const repoScript = [
  'window.CMS_MANUAL_INIT = true;',
  `window.repoFiles = ${JSON.stringify({ content: repoFiles(path.join(SITE, 'content')) })};`,
  "for (const [name, dir] of Object.entries(window.repoFiles.content)) window.repoFiles['content/' + name] = dir;",
].join('\n');

// Decap's in-memory backend takes every file in a media folder for a file uploaded in
// this session, and fails on the Markdown files there (a git host lists them like any
// file): the collections keep their media beside the entries. Its media listing here
// gives the uploads only, read from the same in-memory files.
const backendScript = `
const testRepo = CMS.getBackend('test-repo');
CMS.registerBackend('planpub-test', function (config, options) {
  const backend = testRepo.init(config, options);
  backend.getMedia = async (folder = backend.mediaFolder) => {
    const dir = folder.split('/').reduce((tree, part) => tree?.[part], window.repoFiles) || {};
    return Object.values(dir).filter((f) => f?.content?.fileObj).map((f) => backend.normalizeAsset(f.content));
  };
  return backend;
});
CMS.init({ config: { backend: { name: 'planpub-test' }, local_backend: false } });`;

// The generated page, with the pinned script served from the npm package and the
// in-memory backend instead of the site's git host (and so no local git proxy either:
// `local_backend` would look for `npx decap-server` on port 8081).
const testPage = adminHtml
  .replace(/<script src="[^"]*decap-cms\.js"><\/script>/,
    `<script>${repoScript}</script>\n` +
    '<script src="/decap/decap-cms.js"></script>\n' +
    `<script>${backendScript}</script>`);

function serve() {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const send = (type, body) => { res.writeHead(200, { 'content-type': type }); res.end(body); };
    if (url.pathname === '/admin/' || url.pathname === '/admin/index.html') return send('text/html; charset=utf-8', testPage);
    if (url.pathname === '/admin/config.yml') return send('text/yaml; charset=utf-8', fs.readFileSync(path.join(SITE, 'static/admin/config.yml')));
    // Chromium asks every host for an icon; whether a site has one is not the editor's concern.
    if (url.pathname === '/favicon.ico') { res.writeHead(204); return res.end(); }
    if (url.pathname.startsWith('/decap/')) {
      const file = path.join(DECAP_DIST, path.basename(url.pathname));
      if (fs.existsSync(file)) {
        const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.wasm') ? 'application/wasm' : 'text/css';
        return send(type, fs.readFileSync(file));
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const COLLECTIONS = {
  plan: 'Eksempel på en plan',
  hearing: 'Høring over eksempelplanen',
  decision: 'Eksempel på et punkt om eksempelplanen',
  page: 'Tilgængelighedserklæring',
};

async function browserEditor() {
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: LAUNCH_ARGS });
  const errors = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
    page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
    await page.goto(`${origin}/admin/`);
    // The test backend asks for a click on its login button.
    const login = page.getByRole('button', { name: /log ind|login/i });
    await login.click({ timeout: 30000 }).catch(async (e) => {
      await page.screenshot({ path: path.join(TMP, 'login.png') });
      throw new Error(`${e.message}\n${(await page.locator('body').innerText()).slice(0, 2000)}\n${errors.join('\n')}`);
    });
    for (const [name, title] of Object.entries(COLLECTIONS)) {
      await page.goto(`${origin}/admin/#/collections/${name}`);
      const listed = await page.getByText(title, { exact: false }).first().waitFor({ timeout: 20000 }).then(() => true, () => false);
      check(`browser editor: collection ${name} lists "${title}"`, listed, await page.locator('body').innerText());
      await page.goto(`${origin}/admin/#/collections/${name}/new`);
      const form = await page.locator('[id^="title-field"], input[id*="title"]').first().waitFor({ timeout: 20000 }).then(() => true, () => false);
      const text = await page.locator('body').innerText();
      check(`browser editor: a new ${name} opens its form`, form && !/error/i.test(text.slice(0, 200)), text.slice(0, 2000));
      if (name === 'hearing') {
        fs.mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: path.join(SHOTS, 'editor-new-hearing-1280.png'), fullPage: false });
      }
    }
    // Existing entries, opened the way staff do: from the collection's list. (Decap
    // keeps the previous form's empty draft when only the address changes from a new
    // entry to an existing one.)
    const openEntry = async (collection, title) => {
      await page.goto(`${origin}/admin/#/collections/${collection}`);
      await page.getByText(title, { exact: true }).first().click({ timeout: 20000 });
      const loaded = await page.locator('[id^="title-field"]').first().waitFor({ timeout: 20000 })
        .then(() => page.waitForFunction((t) => [...document.querySelectorAll('[id^="title-field"]')].some((e) => e.value === t), title, { timeout: 20000 }))
        .then(() => true, () => false);
      check(`browser editor: the existing ${collection} "${title}" opens with its title`, loaded,
        (await page.locator('body').innerText()).slice(0, 2000));
    };
    // Saving: what Decap writes into the in-memory repository goes back into the site
    // folder, and `planpub check` reads it at the end.
    const fileIn = (rel) => page.evaluate((f) => f.split('/').reduce((t, p) => t?.[p], window.repoFiles)?.content ?? null, rel);
    const publish = async (rel, what) => {
      const before = await fileIn(rel);
      await page.getByRole('button', { name: /^Publicer$/ }).first().click();
      await page.getByText('Publicer nu', { exact: true }).first().click();
      const saved = await page.waitForFunction(([f, b]) => {
        const c = f.split('/').reduce((t, p) => t?.[p], window.repoFiles)?.content;
        return typeof c === 'string' && c !== b ? c : null;
      }, [rel, before], { timeout: 20000 }).then((h) => h.jsonValue(), () => null);
      check(`browser editor: ${what} is saved`, saved !== null, (await page.locator('body').innerText()).slice(0, 1500));
      if (saved !== null) fs.writeFileSync(path.join(SITE, rel), saved);
      return saved ?? '';
    };
    const frontMatter = (text) => text.split(/^---$/m)[1] ?? '';

    // A decision: its committee (not `body`, which Decap keeps for the page text).
    await openEntry('decision', COLLECTIONS.decision);
    const committee = await page.locator('[id^="committee-field"]').first().inputValue({ timeout: 20000 }).catch((e) => e.message);
    check('browser editor: the decision\'s committee is in its own field', committee === 'Eksempeludvalget', committee);
    const text = await page.locator('body').innerText();
    check('browser editor: the decision\'s Markdown text is in the text field', text.includes('Sagsfremstillingen skrives her'), text.slice(0, 3000));
    await page.locator('[id^="committee-field"]').first().scrollIntoViewIfNeeded().catch(() => {});
    await page.screenshot({ path: path.join(SHOTS, 'editor-decision-1280.png') });
    await page.locator('[id^="title-field"]').first().fill(`${COLLECTIONS.decision}, rettet`);
    const decision = frontMatter(await publish('content/beslutninger/eksempel-beslutning.md', 'an edited decision'));
    check('browser editor: the saved decision keeps its committee as `committee:`',
      /^committee: Eksempeludvalget$/m.test(decision) && !/^body:/m.test(decision), decision);
    // A new decision with only what the form requires.
    await page.goto(`${origin}/admin/#/collections/decision/new`);
    await page.locator('[id^="title-field"]').first().fill('Nyt punkt om budgettet', { timeout: 20000 });
    await page.locator('[id^="committee-field"]').first().fill('Byrådet');
    const meeting = new Date(Date.now() + 90 * 86400000).toISOString().slice(0, 10);
    await page.locator('[id^="meeting-field"]').first().fill(meeting);
    const created = frontMatter(await publish('content/beslutninger/nyt-punkt-om-budgettet.md', 'a new decision'));
    check('browser editor: the new decision is a draft with its committee', /^draft: true$/m.test(created) && /^committee: Byrådet$/m.test(created), created);
    // A hearing: its plan is a relation to the plan collection.
    await openEntry('hearing', COLLECTIONS.hearing);
    const opened = await page.getByText('Eksempel på en plan').first().waitFor({ timeout: 20000 }).then(() => true, () => false);
    check('browser editor: an existing hearing opens with its plan picked from the plans', opened,
      (await page.locator('body').innerText()).slice(0, 2000));
    fs.mkdirSync(DOC_SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(DOC_SHOTS, 'editor-hearing-1280.png') });
    const body = await page.locator('body').innerText();
    check('browser editor: no configuration error shown', !/config(uration)? error|fejl i konfiguration/i.test(body), body.slice(0, 2000));
    await page.locator('[id^="summary-field"]').first().fill('Sig din mening om eksempelplanen inden fristen.');
    await publish('content/hoeringer/eksempel-hoering.md', 'an edited hearing');

    const [cmd, argv] = command(['check', '--root', SITE]);
    const checked = spawnSync(cmd, argv, { cwd: REPO, encoding: 'utf8', env: { ...process.env, PLANPUB_LANG: 'en' } });
    check('planpub check accepts what the browser editor saved', checked.status === 0, `${checked.stdout}\n${checked.stderr}`);
  } finally {
    await browser.close();
    server.close();
  }
  check('browser editor: no errors in the page or the console', errors.length === 0, errors.join('\n'));
}

// ---------------------------------------------------------------- VS Code's check (remark)

function remark() {
  // The site's package.json pins what the browser suite installed.
  const wanted = JSON.parse(fs.readFileSync(path.join(SITE, 'package.json'), 'utf8')).devDependencies;
  for (const [name, version] of Object.entries(wanted)) {
    const have = JSON.parse(fs.readFileSync(path.join(HERE, 'node_modules', name, 'package.json'), 'utf8')).version;
    check(`package.json pins ${name} ${version}, the version tested here`, have === version, `installed ${have}`);
  }
  fs.symlinkSync(path.join(HERE, 'node_modules'), path.join(SITE, 'node_modules'), 'dir');
  const cli = path.join(HERE, 'node_modules', 'remark-cli', 'cli.js');
  const lint = () => spawnSync(process.execPath, [cli, 'content', '--frail', '--no-color'], { cwd: SITE, encoding: 'utf8' });

  const clean = lint();
  check('remark: the new site\'s content has no front-matter problem', clean.status === 0 && !/error|warning/i.test(clean.stderr.replace(/no issues found/g, '')),
    `${clean.status}\n${clean.stderr}`);

  const broken = [
    '---', // line 1
    'type: hearing', // 2
    'title: Høring med fejl', // 3
    'opens: 2026-12-01', // 4
    'closes: december 2026', // 5: not one day
    'respond:', // 6
    '  emial: hoering@example.dk', // 7: misspelt field
    'plan: Eksempel plan', // 8: not a slug
    '---', '', 'Tekst.', '',
  ].join('\n');
  fs.writeFileSync(path.join(SITE, 'content/hoeringer/fejl.md'), broken);
  const r = lint();
  const out = r.stderr;
  check('remark: a broken hearing fails the check', r.status !== 0, out);
  for (const [line, what] of [[5, 'closes'], [7, 'emial'], [8, 'plan']]) {
    const at = new RegExp(`^\\s*${line}:\\d+(-\\d+:\\d+)?\\s+error`, 'm');
    check(`remark: ${what} is underlined at line ${line}`, at.test(out), out);
  }
  fs.rmSync(path.join(SITE, 'content/hoeringer/fejl.md'));
}

remark();
await browserEditor();

if (!tally.failed) fs.rmSync(TMP, { recursive: true, force: true });
const total = tally.passed + tally.failed;
console.log(`\n${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed || total === 0 ? 1 : 0);
