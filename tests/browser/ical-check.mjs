#!/usr/bin/env node
// Reads an iCalendar file with ical.js (the parser of many web calendars) and prints
// each event as `UID start end`, the end as ical.js works it out (DTEND or DURATION),
// in UTC. Used by tests/open_data.rs.
import fs from 'node:fs';
import ICAL from 'ical.js';

const cal = new ICAL.Component(ICAL.parse(fs.readFileSync(process.argv[2], 'utf8')));
for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
for (const v of cal.getAllSubcomponents('vevent')) {
  const e = new ICAL.Event(v);
  const iso = (t) => (t.isDate ? t.toString() : t.toJSDate().toISOString());
  console.log(`${e.uid} ${iso(e.startDate)} ${iso(e.endDate)}`);
}
