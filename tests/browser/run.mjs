#!/usr/bin/env node
// Real-browser checks of planpub's default theme (issue 7).
//
// Builds the example site twice (hearing open, hearing closed), once as of the clock and
// once as a snapshot, and a small English fixture site; serves each build from a tiny
// local HTTP server, and checks every page type at 320, 375, 768 and 1280 px in Debian's
// Chromium (driven by playwright-core, which downloads no browser): axe-core WCAG 2.1
// A/AA rules, no horizontal scroll, the skip link, one h1, <html lang>, no request to
// another host, print styles, 200 % text, the pages without JavaScript, and the
// snapshot's hearing page from file:// with a later clock. The layout is measured in the
// browser: no text cut or covered in the timeline chart, the "today" marker over no
// label, short steps still visible, every timeline row's state in words, and the hearing
// page in the order a citizen needs it. Every other page of each build gets axe and the
// scroll check at 375 and 1280 px, and every generated HTML file, the clock build's
// included, goes through the Nu HTML Checker.
//
//   node tests/browser/run.mjs        (from anywhere; exits non-zero on any failure)
//
// Environment: CHROMIUM (default /usr/bin/chromium), JAVA (default java),
// PLANPUB_BIN (a built planpub binary; default `cargo run --quiet --`).

import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { HERE, REPO, check, planpub, tally } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const VNU = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');
const SHOTS = path.join(HERE, 'screenshots');
const DOC_SHOTS = path.join(REPO, 'docs', 'screenshots');
const WIDTHS = [320, 375, 768, 1280];
const SWEEP_WIDTHS = [375, 1280];
const started = Date.now();

// ---------------------------------------------------------------- results

const totals = { axe: 0, nu: 0 };

// ---------------------------------------------------------------- building

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'planpub-browser-'));

// Runs planpub; a build without `--now` reads the clock (SOURCE_DATE_EPOCH is removed).

// A small English site: every label, state and date must come out in English.
const EN_FILES = {
  'site.yaml': `title: Plans and consultations
language: en
base_url: https://plans.example.org/
organisation: Example Council
description: Follow the council's plans, respond to consultations and see what was decided.
contact:
  name: Example Council, Communications
  email: plans@example.org
accessibility_page: accessibility
`,
  'content/plans/local-plan.md': `---
type: plan
title: Local plan for the harbour
summary: How the harbour area is planned, from the first draft to the final decision.
published: 2026-09-01
status: hearing
area: Harbour
owner: Planning department
timeline:
  - when: 2026-09-01
    what: Work on the draft starts
    kind: phase
  - when: 2026-11-23 – 2027-01-04
    what: The plan is out for consultation
    kind: hearing
    hearing: harbour-consultation
  - when: 2027-03-01
    what: The council decides on the plan
    kind: decision
tracks:
  - name: Harbour works
    description: What happens on the ground while the plan is prepared.
    actions:
      - what: Survey of the quay walls
        when: 2026-10-01
        who: Harbour office
        level: local
      - what: Funding application to the state
        undated: When the plan is adopted
        who: Finance department
        level: central
        note: Depends on the state budget.
---

The harbour is changing. This plan sets out **what may be built** and where.

## Why a new plan?

The old plan is from 1998.
`,
  'content/hearings/harbour-consultation.md': `---
type: hearing
title: Consultation on the harbour plan
summary: Tell us what you think of the draft plan for the harbour.
published: 2026-11-23
plan: local-plan
authority: Planning department
opens: 2026-11-23
closes: 2027-01-04 12:00
respond:
  email: consultation@example.org
---

Everyone may respond to the consultation.
`,
  'content/decisions/planning-2026-11-20.md': `---
type: decision
title: Harbour plan sent out for consultation
summary: The planning committee agreed to send the draft harbour plan out for consultation.
published: 2026-11-21
body: Planning Committee
meeting: 2026-11-20
item: 1
access: open
recommendations:
  - text: That the draft plan is sent out for consultation
    outcome: approved
plans: [local-plan]
---

The committee discussed the draft and agreed to consult.
`,
  'content/pages/accessibility.md': `---
type: page
title: Accessibility statement
slug: accessibility
summary: How this site meets the accessibility requirements.
published: 2026-11-01
---

We want everyone to be able to use this site.
`,
};

function writeEnglishSite(dir) {
  for (const [rel, text] of Object.entries(EN_FILES)) {
    const f = path.join(dir, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, text);
  }
}

// ---------------------------------------------------------------- static server

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.xml': 'application/xml', '.atom': 'application/atom+xml',
  '.ics': 'text/calendar; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml', '.webp': 'image/webp', '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

function serve(root) {
  const server = createServer((req, res) => {
    const send = (status, file, headers = {}) => {
      res.writeHead(status, { 'content-type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream', ...headers });
      if (req.method === 'HEAD') res.end(); else fs.createReadStream(file).pipe(res);
    };
    const notFound = () => {
      const f = path.join(root, '404.html');
      if (fs.existsSync(f)) send(404, f);
      else { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not found'); }
    };
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400); res.end(); return;
    }
    const file = path.join(root, pathname);
    if (file !== root && !file.startsWith(root + path.sep)) return notFound();
    let st;
    try { st = fs.statSync(file); } catch { return notFound(); }
    if (st.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: pathname + '/' }); res.end(); return;
      }
      const index = path.join(file, 'index.html');
      return fs.existsSync(index) ? send(200, index) : notFound();
    }
    send(200, file);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ server, origin: `http://127.0.0.1:${server.address().port}` });
  }));
}

// ---------------------------------------------------------------- the validator

function htmlFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...htmlFiles(p));
    else if (e.name.endsWith('.html')) out.push(p);
  }
  return out.sort();
}

// Runs vnu in the background while the browser checks run; resolves with its JSON.
function startVnu(files) {
  return new Promise((resolve) => {
    const java = process.env.JAVA || 'java';
    const p = spawn(java, ['-Xss4m', '-jar', VNU, '--errors-only', '--format', 'json', ...files]);
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => { out += d; });
    p.stderr.on('data', (d) => { err += d; });
    p.on('error', (e) => resolve({ error: String(e) }));
    p.on('close', (code) => {
      try {
        resolve({ code, json: JSON.parse(err.trim() || out.trim() || '{"messages":[]}') });
      } catch (e) {
        resolve({ error: `could not read vnu output (exit ${code}): ${e}\n${err}${out}` });
      }
    });
  });
}

// ---------------------------------------------------------------- the browser

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Collects every request a page makes to anything but the local server.
function watchRequests(page, origin) {
  const foreign = [];
  page.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('data:') || u.startsWith('blob:') || u.startsWith('about:')) return;
    try {
      if (new URL(u).origin !== origin) foreign.push(u);
    } catch {
      foreign.push(u);
    }
  });
  return foreign;
}

async function runAxe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  });
}

const hasHScroll = (page) => page.evaluate(() => ({
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: window.innerWidth,
  wide: [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
    .slice(0, 5).map((e) => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '')),
}));

// A keyboard focus indicator: an outline or a box shadow on the focused element.
const focusRing = (page) => page.evaluate(() => {
  const a = document.activeElement;
  const cs = getComputedStyle(a);
  return {
    visible: (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none',
    what: a.outerHTML.slice(0, 80),
  };
});

// Pages get the build's moment as the reader's clock, so no page could tell by it.
async function openPage(context, site, url, { fixedTime } = {}) {
  const page = await context.newPage();
  const foreign = watchRequests(page, site.origin);
  if (fixedTime) await page.clock.setFixedTime(new Date(fixedTime));
  const resp = await page.goto(site.origin + url, { waitUntil: 'load' });
  return { page, foreign, status: resp ? resp.status() : 0 };
}

// ---------------------------------------------------------------- layout, measured

// Boxes of the timeline chart's texts and marks, in page coordinates.
const bandBoxes = (page) => page.evaluate(() => {
  const box = (e) => {
    const r = e.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height,
      text: e.textContent.trim().slice(0, 40), clipped: e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1,
      ellipsis: getComputedStyle(e).textOverflow === 'ellipsis' && getComputedStyle(e).overflow !== 'visible' };
  };
  return [...document.querySelectorAll('.band')].map((b) => ({
    band: box(b),
    labels: [...b.querySelectorAll('.band-label')].filter((e) => e.textContent.trim()).map(box),
    ticks: [...b.querySelectorAll('.band-tick')].map(box),
    today: [...b.querySelectorAll('.band-today-label')].map(box),
    bars: [...b.querySelectorAll('.band-bar')].map(box),
  }));
});

const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
const inside = (a, o) => a.left >= o.left - 0.5 && a.right <= o.right + 0.5;

async function checkTimeline(page, label) {
  for (const b of await bandBoxes(page)) {
    const texts = [...b.labels, ...b.ticks, ...b.today];
    const cut = texts.filter((t) => t.clipped || t.ellipsis || !inside(t, b.band));
    check(`${label}: no text clipped in the timeline chart`, cut.length === 0,
      cut.slice(0, 5).map((t) => `"${t.text}" at ${Math.round(t.left)}–${Math.round(t.right)} (chart ${Math.round(b.band.left)}–${Math.round(b.band.right)})${t.ellipsis ? ', ellipsis' : ''}${t.clipped ? ', overflowing' : ''}`).join('\n'));
    const covered = b.today.flatMap((t) => [...b.labels, ...b.ticks].filter((o) => overlap(t, o)).map((o) => `"${t.text}" covers "${o.text}"`));
    check(`${label}: the today marker covers no label`, covered.length === 0, covered.join('\n'));
    const ticks = b.ticks.filter((t, i) => b.ticks.slice(i + 1).some((o) => overlap(t, o)));
    check(`${label}: year labels do not overlap`, ticks.length === 0, ticks.map((t) => t.text).join(', '));
    const thin = b.bars.filter((x) => x.width < 6);
    check(`${label}: every step is at least 6 px wide in the chart`, thin.length === 0, `${thin.length} bars narrower`);
  }
  const rows = await page.evaluate(() => [...document.querySelectorAll('.tl-item')].map((li) => ({
    what: (li.querySelector('.tl-what') || li).textContent.trim().slice(0, 50),
    state: (li.querySelector('.state') || { textContent: '' }).textContent.trim(),
  })));
  const silent = rows.filter((r) => !r.state);
  if (rows.length) check(`${label}: every timeline row says its state in words`, silent.length === 0, silent.map((r) => r.what).join('\n'));
}

// The hearing page in the order a citizen needs it: state and deadline, how to respond,
// documents and meetings, facts, then the background text. Side by side on a wide
// screen, where the facts stand beside the banner.
async function checkHearingOrder(page, label, width) {
  const pos = await page.evaluate(() => {
    const at = (sel) => {
      const e = document.querySelector(sel);
      if (!e) return null;
      const r = e.getBoundingClientRect();
      return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, left: r.left };
    };
    return {
      banner: at('.hearing-banner'), respond: at('.respond'), docs: at('.hl-docs .attachments'),
      meetings: at('.hearing-meetings'), facts: at('.hl-facts'), body: at('.hl-body .prose'),
    };
  });
  const order = ['banner', 'respond', 'docs', 'meetings', 'facts', 'body'].filter((k) => pos[k]);
  const wide = width >= 768;
  const flow = wide ? order.filter((k) => k !== 'facts') : order;
  const wrong = flow.filter((k, i) => i > 0 && pos[k].top < pos[flow[i - 1]].bottom - 1);
  check(`${label}: hearing page order ${flow.join(' → ')}`, !!pos.banner && !!pos.body && wrong.length === 0,
    flow.map((k) => `${k} ${Math.round(pos[k].top)}–${Math.round(pos[k].bottom)}`).join(', '));
  if (wide) {
    check(`${label}: hearing facts stand beside the banner`, !!pos.facts && pos.facts.top < pos.banner.bottom && pos.facts.left > pos.banner.left,
      JSON.stringify({ facts: pos.facts, banner: pos.banner }));
  }
}

async function checkLayout(page, spec, label, width) {
  await checkTimeline(page, label);
  if (spec.hearingOrder) await checkHearingOrder(page, label, width);
  if (spec.order) {
    // Other pages: what must come before what, e.g. each decision outcome after its text.
    const bad = await page.evaluate((pairs) => pairs.filter(([a, b]) => {
      const x = document.querySelector(a);
      const y = document.querySelector(b);
      return !x || !y || x.getBoundingClientRect().bottom > y.getBoundingClientRect().top + 1;
    }), spec.order);
    check(`${label}: reading order`, bad.length === 0, bad.map(([a, b]) => `${a} not above ${b}`).join('\n'));
  }
}

async function checkPage(browser, site, spec, width) {
  const label = `${spec.name} @${width}`;
  const context = await browser.newContext({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
  try {
    const { page, foreign, status } = await openPage(context, site, spec.url, { fixedTime: site.clock });
    check(`${label}: HTTP ${spec.status || 200}`, status === (spec.status || 200), `got ${status} for ${spec.url}`);
    if (spec.waitFor) await page.waitForSelector(spec.waitFor, { timeout: 10000 });

    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${spec.name}-${width}.png`), fullPage: true });

    const violations = await runAxe(page);
    totals.axe += violations.length;
    check(`${label}: axe WCAG 2.1 A/AA`, violations.length === 0, violations.map((v) =>
      `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.map((n) => `  at ${n.target}\n    ${(n.summary || '').replace(/\n/g, '\n    ')}`).join('\n')).join('\n'));

    const s = await hasHScroll(page);
    check(`${label}: no horizontal scroll`, s.scrollWidth <= s.innerWidth,
      `scrollWidth ${s.scrollWidth} > innerWidth ${s.innerWidth}; too wide: ${s.wide.join(', ')}`);

    const facts = await page.evaluate(() => ({
      h1: document.querySelectorAll('h1').length,
      lang: document.documentElement.getAttribute('lang') || '',
      text: document.body.innerText,
    }));
    check(`${label}: exactly one h1`, facts.h1 === 1, `found ${facts.h1}`);
    check(`${label}: <html lang="${site.lang}">`, facts.lang === site.lang, `lang="${facts.lang}"`);
    if (spec.text) {
      for (const t of [].concat(spec.text)) check(`${label}: shows "${t}"`, facts.text.includes(t));
    }

    // Keyboard: the first Tab reaches the skip link, Enter moves focus to <main>.
    await page.evaluate(() => { window.scrollTo(0, 0); if (document.activeElement) document.activeElement.blur(); });
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => {
      const a = document.activeElement;
      const r = a.getBoundingClientRect();
      return {
        skip: a.matches('a.skip-link[href="#main"]'),
        what: a.outerHTML.slice(0, 80),
        visible: r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight,
      };
    });
    check(`${label}: first Tab focuses the skip link`, first.skip, `focused: ${first.what}`);
    check(`${label}: skip link visible when focused`, first.visible);
    const ring1 = await focusRing(page);
    check(`${label}: skip link has a focus indicator`, ring1.visible, ring1.what);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(50);
    const after = await page.evaluate(() => {
      const a = document.activeElement;
      const main = document.querySelector('main#main');
      return {
        inMain: !!main && (a === main || main.contains(a)),
        what: a ? a.outerHTML.slice(0, 80) : 'nothing',
        mainTop: main ? Math.round(main.getBoundingClientRect().top) : null,
        hash: location.hash,
        innerHeight: window.innerHeight,
      };
    });
    check(`${label}: skip link moves focus to main#main`, after.inMain && after.hash === '#main',
      `focused: ${after.what}; hash ${after.hash}`);
    check(`${label}: skip link scrolls to main`, after.mainTop !== null && after.mainTop >= -1 && after.mainTop < after.innerHeight,
      `main top ${after.mainTop}`);
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => {
      const main = document.querySelector('main#main');
      const a = document.activeElement;
      return { inMain: !!main && main !== a && main.contains(a), what: a ? a.outerHTML.slice(0, 80) : '' };
    });
    check(`${label}: next Tab goes to content in main`, next.inMain, `focused: ${next.what}`);
    const ring2 = await focusRing(page);
    check(`${label}: focused content has a focus indicator`, ring2.visible, ring2.what);

    await checkLayout(page, spec, label, width);

    if (width === 1280) {
      // Print: no site navigation.
      await page.emulateMedia({ media: 'print' });
      const nav = await page.locator('.site-nav').isVisible();
      check(`${label}: print hides .site-nav`, !nav);
      // Print: links' addresses are printed after them.
      const printed = await page.evaluate(() => {
        const links = [...document.querySelectorAll('.prose a[href^="http"], .respond a[href^="http"], .file-list a')];
        return links.map((a) => ({ href: a.getAttribute('href'), after: getComputedStyle(a, '::after').content }))
          .filter((l) => !l.after.includes(l.href));
      });
      check(`${label}: print shows link addresses`, printed.length === 0,
        printed.slice(0, 5).map((l) => `${l.href}: ::after ${l.after}`).join('\n'));
      if (spec.printVisible) {
        const v = await page.locator(spec.printVisible).first().isVisible();
        check(`${label}: print shows ${spec.printVisible}`, v);
      }
      await page.emulateMedia({ media: 'screen' });
      // Text at 200 %.
      await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
      const z = await hasHScroll(page);
      check(`${label}: 200 % text, no horizontal scroll`, z.scrollWidth <= z.innerWidth,
        `scrollWidth ${z.scrollWidth} > ${z.innerWidth}; too wide: ${z.wide.join(', ')}`);
    }

    check(`${label}: no request to another host`, foreign.length === 0, foreign.join('\n'));
  } catch (e) {
    check(`${label}: ran without error`, false, e.stack || String(e));
  } finally {
    await context.close();
  }
}

// Every other page of a build: axe, horizontal scroll, one h1, local requests only.
async function sweep(browser, site, skip, width, { axe = true } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const foreign = watchRequests(page, site.origin);
  if (site.clock) await page.clock.setFixedTime(new Date(site.clock));
  try {
    for (const f of htmlFiles(site.dir)) {
      const rel = path.relative(site.dir, f).split(path.sep).join('/');
      if (rel === '404.html') continue;
      const url = '/' + rel.replace(/(^|\/)index\.html$/, '$1');
      if (skip.has(url)) continue;
      // A page left at an old address refreshes at once to the new one: checkMoved.
      if (fs.readFileSync(f, 'utf8').includes('http-equiv="refresh"')) continue;
      const label = `${site.key}${url} @${width}`;
      try {
        foreign.length = 0;
        const resp = await page.goto(site.origin + url, { waitUntil: 'load' });
        const violations = axe ? await runAxe(page) : [];
        totals.axe += violations.length;
        const s = await hasHScroll(page);
        await checkTimeline(page, label);
        const h1 = await page.evaluate(() => document.querySelectorAll('h1').length);
        const problems = [];
        if (!resp || resp.status() !== 200) problems.push(`HTTP ${resp && resp.status()}`);
        for (const v of violations) {
          problems.push(`axe ${v.id} (${v.impact}): ${v.help}\n` + v.nodes.map((n) => `  at ${n.target}`).join('\n'));
        }
        if (s.scrollWidth > s.innerWidth) problems.push(`horizontal scroll: ${s.scrollWidth} > ${s.innerWidth}; too wide: ${s.wide.join(', ')}`);
        if (h1 !== 1) problems.push(`${h1} h1 elements`);
        if (foreign.length) problems.push(`requests to other hosts: ${foreign.join(', ')}`);
        check(`${label}: ${axe ? 'axe, ' : ''}no horizontal scroll, one h1, local requests only`, problems.length === 0, problems.join('\n'));
      } catch (e) {
        check(`${label}: ran without error`, false, e.stack || String(e));
      }
    }
  } finally {
    await context.close();
  }
}

// A snapshot is the record of what citizens saw at its moment: its hearing page, opened
// from file:// with scripts allowed and the reader's clock years after the deadline,
// must still say what it said as of the snapshot.
async function checkSnapshot(browser, bag, rel) {
  const name = 'snapshot hearing page from file://';
  const context = await browser.newContext({ viewport: { width: 375, height: 900 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.clock.setFixedTime(new Date('2031-01-01T12:00:00Z'));
    const file = path.join(bag, 'data', rel, 'index.html');
    const resp = await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.waitForTimeout(500);
    const text = await page.locator('body').innerText();
    const state = await page.getAttribute('.hearing-banner', 'data-state');
    const classes = await page.getAttribute('.hearing-banner', 'class');
    check(`${name}: opens`, resp !== null && fs.existsSync(file), file);
    check(`${name}: no script error`, errors.length === 0, errors.join('\n'));
    check(`${name}: the banner is still open as of the snapshot`, state === 'open' && /state-open/.test(classes), `${state} / ${classes}`);
    for (const t of ['Åben', 'Høringsfrist: 20. juni 2008', 'Status pr. 1. juni 2008', 'Sådan svarer du']) {
      check(`${name}: shows "${t}"`, text.includes(t), text.slice(0, 600));
    }
    for (const t of ['Afsluttet', 'Fristen var']) {
      check(`${name}: does not show "${t}"`, !text.includes(t), text.slice(0, 600));
    }
  } finally {
    await context.close();
  }
}

async function checkWithoutJs(browser, site, url, name, texts) {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 900 } });
  try {
    const page = await context.newPage();
    const foreign = watchRequests(page, site.origin);
    const resp = await page.goto(site.origin + url, { waitUntil: 'load' });
    const text = await page.evaluate(() => document.body.innerText).catch(() => '');
    const body = await page.locator('body').innerText();
    check(`${name} without JavaScript: HTTP 200`, resp && resp.status() === 200);
    for (const t of texts) check(`${name} without JavaScript: shows "${t}"`, (text || body).includes(t), body.slice(0, 400));
    check(`${name} without JavaScript: no request to another host`, foreign.length === 0, foreign.join('\n'));
  } finally {
    await context.close();
  }
}

// An old address leads to the new one, also without JavaScript.
async function checkMoved(browser, site, from, to) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(site.origin + from);
    await page.waitForURL(site.origin + to, { timeout: 10000 });
    const h1 = await page.locator('h1').innerText();
    check(`${from} leads on to ${to}`, new URL(page.url()).pathname === to && h1.length > 0, page.url());
  } catch (e) {
    check(`${from} leads on to ${to}`, false, e.stack || String(e));
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- main

async function main() {
  console.log(`building into ${TMP}`);
  const open = path.join(TMP, 'open');
  const closed = path.join(TMP, 'closed');
  const enRoot = path.join(TMP, 'en-site');
  const en = path.join(TMP, 'en');
  planpub(['build', '--now', '2008-06-01', '--out', open]);
  planpub(['build', '--now', '2008-09-01', '--out', closed]);
  writeEnglishSite(enRoot);
  planpub(['build', '--root', enRoot, '--now', '2026-12-01', '--out', en]);
  // What `cargo run --release -- build` gives: the clock's moment, to the second.
  const clock = path.join(TMP, 'clock');
  planpub(['build', '--out', clock]);
  const snapshots = path.join(TMP, 'snapshot');
  planpub(['snapshot', '--now', '2008-06-01T10:00:00+02:00', '--out', snapshots]);
  const bag = fs.readdirSync(snapshots, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(snapshots, e.name, 'bagit.txt')))
    .map((e) => path.join(snapshots, e.name))[0];

  const files = [open, closed, en, clock].flatMap(htmlFiles);
  const vnu = startVnu(files);

  const sites = {};
  for (const [key, dir, lang, clock] of [
    ['open', open, 'da', '2008-06-01T12:00:00+02:00'],
    ['closed', closed, 'da', '2008-09-01T12:00:00+02:00'],
    ['en', en, 'en', '2026-12-01T12:00:00+01:00'],
  ]) {
    const { server, origin } = await serve(dir);
    sites[key] = { key, server, origin, lang, clock, dir };
  }

  const H = 'hoeringer/hoering-rammeplan-2008/';
  const pages = [
    ['open', { name: 'home', url: '/' }],
    ['open', { name: 'plan', url: '/planer/rammeplan-psykisk-syge/', printVisible: '.timeline' }],
    ['open', { name: 'plans', url: '/planer/' }],
    ['open', { name: 'hearing-open', url: '/' + H, hearingOrder: true,
      text: ['Høringsfrist: 20. juni 2008', 'Vi offentliggør høringssvarene her på siden', 'Sådan behandler vi dine personoplysninger'] }],
    ['closed', { name: 'hearing-closed', url: '/' + H, hearingOrder: true, text: 'Fristen var 20. juni 2008' }],
    ['closed', { name: 'decision-decided', url: '/beslutninger/socialudvalget/2008-08-27/1/',
      order: [['.rec-text', '.rec-outcome'], ['.rec-outcome', '.presentation']] }],
    ['open', { name: 'feeds', url: '/feeds/', text: ['Alt nyt', 'Abonnér på kalenderen (iCalendar)'] }],
    ['open', { name: 'hearings', url: '/hoeringer/' }],
    ['open', { name: 'decision', url: '/beslutninger/omraadeudvalg-socialomraadet/2023-09-12/1/' }],
    ['open', { name: 'decisions', url: '/beslutninger/' }],
    ['open', { name: 'meeting', url: '/beslutninger/omraadeudvalg-socialomraadet/2023-09-12/' }],
    ['open', { name: 'calendar', url: '/kalender/' }],
    ['open', { name: 'search', url: '/soeg/?q=strategi', waitFor: '#search-results li' }],
    ['open', { name: 'page', url: '/tilgaengelighedserklaering/' }],
    ['open', { name: '404', url: '/findes-ikke/', status: 404 }],
    ['en', { name: 'en-home', url: '/' }],
    ['en', { name: 'en-plan', url: '/planer/local-plan/', printVisible: '.timeline', text: ['Harbour works', 'Survey of the quay walls'] }],
    ['en', { name: 'en-hearing', url: '/hoeringer/harbour-consultation/', hearingOrder: true, text: ['This consultation is open', 'Deadline'] }],
    ['en', { name: 'en-decision', url: '/beslutninger/planning-committee/2026-11-20/1/', text: 'Approved' }],
    ['en', { name: 'en-decisions', url: '/beslutninger/' }],
    ['en', { name: 'en-search', url: '/soeg/?q=harbour', waitFor: '#search-results li' }],
    ['en', { name: 'en-404', url: '/missing/', status: 404 }],
  ];

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: LAUNCH_ARGS,
  });
  try {
    // Two lanes (the machine has two cores): the page types in detail, and every other
    // page of every build at both widths.
    const detail = async () => {
      for (const [key, spec] of pages) {
        for (const w of WIDTHS) await checkPage(browser, sites[key], spec, w);
      }
    };
    const rest = async () => {
      for (const key of Object.keys(sites)) {
        const skip = new Set(pages.filter(([k]) => k === key).map(([, spec]) => spec.url.replace(/\?.*$/, '')));
        for (const w of WIDTHS) await sweep(browser, sites[key], skip, w, { axe: SWEEP_WIDTHS.includes(w) });
      }
    };
    await Promise.all([detail(), rest()]);
    await checkWithoutJs(browser, sites.open, '/' + H, 'hearing (open)', ['Høringsfrist: 20. juni 2008', 'Åben']);
    await checkWithoutJs(browser, sites.closed, '/' + H, 'hearing (closed)', ['Fristen var 20. juni 2008', 'Afsluttet']);
    await checkWithoutJs(browser, sites.open, '/soeg/?q=strategi', 'search', ['Planer', 'Høringer', 'Beslutninger']);
    await checkMoved(browser, sites.closed, '/planer/status/adopted/', '/planer/status/vedtaget/');
    if (check('snapshot written as a bag', Boolean(bag), snapshots)) await checkSnapshot(browser, bag, H);
  } finally {
    await browser.close();
    for (const s of Object.values(sites)) s.server.close();
  }

  // The validator.
  const v = await vnu;
  if (v.error) {
    check('Nu HTML Checker ran', false, v.error);
  } else {
    const errors = (v.json.messages || []).filter((m) => m.type === 'error' || m.type === 'non-document-error');
    totals.nu = errors.length;
    const byFile = new Map();
    for (const m of errors) {
      const f = m.url ? fileURLToPath(m.url) : '?';
      if (!byFile.has(f)) byFile.set(f, []);
      byFile.get(f).push(m);
    }
    for (const f of files) {
      const errs = byFile.get(f) || [];
      byFile.delete(f);
      check(`vnu: ${path.relative(TMP, f)}`, errs.length === 0,
        errs.map((m) => `line ${m.lastLine ?? '?'}: ${m.message}${m.extract ? `\n  ${m.extract.replace(/\n/g, ' ')}` : ''}`).join('\n'));
    }
    for (const [f, errs] of byFile) check(`vnu: ${f}`, false, errs.map((m) => m.message).join('\n'));
    check(`vnu checked ${files.length} HTML files`, files.length > 40);
  }

  // The screenshots in the README.
  fs.mkdirSync(DOC_SHOTS, { recursive: true });
  for (const s of ['hearing-open-375.png', 'hearing-open-1280.png', 'plan-320.png', 'plan-1280.png',
    'decision-decided-375.png', 'home-375.png', 'plans-1280.png']) {
    const from = path.join(SHOTS, s);
    if (check(`screenshot ${s} exists`, fs.existsSync(from))) fs.copyFileSync(from, path.join(DOC_SHOTS, s));
  }
}

try {
  await main();
} catch (e) {
  check('suite ran without error', false, e.stack || String(e));
} finally {
  fs.rmSync(TMP, { recursive: true, force: true });
}
console.log(`\naxe violations: ${totals.axe}; Nu HTML Checker errors: ${totals.nu}`);
console.log(`browser suite took ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed ? 1 : 0);
