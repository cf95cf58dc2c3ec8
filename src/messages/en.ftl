# planpub's messages for staff, in English. Every id here exists in da.ftl too (a test
# checks it). Terms in backticks are what the author writes in the file.

## How a problem is shown

severity-error = error
severity-warning = warning
severity-error-draft = error (draft)
severity-warning-draft = warning (draft)
diag-field = field `{ $field }`
diag-help = help

count-errors = { $n ->
    [one] 1 error
   *[other] { $n } errors
}
count-warnings = { $n ->
    [one] 1 warning
   *[other] { $n } warnings
}
counts = { $errors }, { $warnings }

## The command line

cli-error = error: { $message }
build-done = Built { $pages } pages ({ $files } files, { $size } MB) into { $out } in { $ms } ms; { $counts }
build-failed = The site was not built ({ $counts }).
build-failed-kept = The site was not built ({ $counts }); the previous output is unchanged.
check-ok = OK: { $counts }
check-problems = Problems found: { $counts }
serve-port-fallback = Port { $default } is in use, so the preview uses port { $port }.

## The preview overlay

overlay-heading = The site could not be built
overlay-note = You are looking at the last version of the site that could be built. Fix the problems below; the page updates by itself once they are fixed.
overlay-count = { $n ->
    [one] 1 problem
   *[other] { $n } problems
}
overlay-hide = Hide
overlay-field = field
overlay-help = What to do
overlay-open = Open in the editor

## YAML (the front matter and site.yaml)

yaml-tab = this line is indented with a tab character; YAML allows only spaces
    .help = replace the tab at the start of the line with spaces (two per level)
yaml-colon = { $field ->
    [title] the title contains a colon followed by a space, which YAML reads as the start of a new field
    [none] this value contains a colon followed by a space, which YAML reads as the start of a new field
   *[other] the value of `{ $field }` contains a colon followed by a space, which YAML reads as the start of a new field
}
    .help = put the whole value in quotes, for example `{ $example }`
yaml-reserved-start = a value starts with a character that YAML reserves (such as `@`, `` ` `` or `%`)
    .help = put the whole value in quotes, for example `title: "@ Rådhuset"`
yaml-indent = the indentation does not match the lines above
    .help = fields of the same group start in the same column; use spaces only, two per level
yaml-syntax = the YAML is not valid here: { $reason }
    .help = check the indentation, that every `field: value` has a space after the colon, and put quotes around values that contain `: ` or start with a special character such as `*`, `&`, `[` or `{"{"}`
yaml-duplicate = the field `{ $field }` is written twice
    .help = keep one of the two lines and delete the other
yaml-number-too-large = the number { $number } is too large: planpub reads whole numbers of up to 19 digits
    .help = check the number; write it in quotes if it is a code rather than a number, for example `"12345678901234567890"`

## Fields and values

field-missing = the required field `{ $field }` is missing
field-unknown = `{ $field }` is not a known field here
field-unknown-invisible = { $field } is not a known field here: its name contains an invisible character, such as a non-breaking space
field-two-names = `{ $field }` and `{ $other }` are two names for the same field, and both are written here, so planpub cannot tell which one is meant
    .help = keep one of the two lines and delete the other; prefer `{ $field }:`, the name the browser editor uses too
did-you-mean = did you mean `{ $suggestion }`?
fields-allowed = the fields allowed here are: { $fields }
value-not-allowed = `{ $value }` is not an allowed value here; allowed values: { $allowed }
value-one-of = expected one of the values { $allowed }, but found { $found }
value-one-of-help = write one of the values on the same line, for example `{ $example }`
value-wrong-type = expected { $expected }, but found { $found }
value-raw = { $value }

expected-text = text
expected-bool = `true` or `false`
expected-list = a list (lines starting with `- `)
expected-number = a whole number
expected-group = a group of `field: value` lines
found-number = the number { $value }
found-text = the text { $value }
found-list = a list
found-group = a group of fields
found-empty = nothing (the field is empty)

## Files and folders

site-yaml-missing = there is no `site.yaml` in { $dir }
    .help = every site needs a `site.yaml` in its root folder (check `--root`, or `cd` into the site folder); `planpub init` creates one
site-yaml-folder = `site.yaml` is a folder, not a file
    .help = every site needs a `site.yaml` file in its root folder; `planpub init` creates one
content-folder-missing = there is no folder `content` in { $dir }
    .help = a site keeps its Markdown files in a folder named `content` next to `site.yaml`; create it, or check `--root`
content-folder-unreadable = the folder `content` cannot be read: { $reason }
    .help = check that the folder exists and that you may read it
placeholder-field = this is still the placeholder text written by `planpub new`: "{ $text }"
    .help = replace it with the real text before the item is published
placeholder-body = the page text below the front matter is still the placeholder written by `planpub new`: "{ $text }"
    .help = write the real text before the item is published
slug-duplicate = two files have the same slug "{ $slug }": this file and { $other }

## References between items

ref-missing = there is no { $type ->
    [plan] plan
    [hearing] hearing
    [decision] decision
   *[page] page
} with the slug "{ $slug }"
ref-nearest = the nearest existing { $type ->
    [plan] plan
    [hearing] hearing
    [decision] decision
   *[page] page
} slug is `{ $nearest }`
ref-none = there are no { $type ->
    [plan] plans
    [hearing] hearings
    [decision] decisions
   *[page] pages
} on the site yet
follow-on = { $message }, because { $cause } has errors and could not be read (see above)
follow-on-help = fix { $cause } first; this error then goes away
content-folder-file = cannot read the content folder: `content` is a file, not a folder, so there is nothing to publish
    .help = a site keeps its Markdown files in a folder named `content` next to `site.yaml`; rename the file and create the folder

## Dates: why a text is not a date

date-forms =
    - a day: 12. september 2023, 12. sep. 2023, 12.09.2023, 2023-09-12 (a time may follow: kl. 17.00)
    - a month: september 2023; part of a month: primo / medio / ultimo marts 2024
    - a week: uge 15 2023; a quarter: 2. kvartal 2023 or Q2 2023; a half-year: 1. halvår 2023
    - a season: forår / sommer / efterår / vinter 2023; a year: 2024 or primo / medio / ultimo 2024
    - a period: 22. maj – 20. juni 2008, februar-oktober 2023, dec. 2022 – feb. 2023
    - open periods: senest 1. maj 2024, fra 1. halvår 2023 og frem; no fixed time: løbende
    - English works too: 12 September 2023, early March 2024, Q2 2024, from H1 2024, ongoing
date-empty = The date is empty. Write a date such as "12. september 2023", "marts 2024" or "løbende".
date-not-a-date =
    "{ $text }" is not a date this site understands. These forms work:
    { $forms }
date-no-year = "{ $text }" has no year and there is no earlier dated row to take it from. Add the year, for example "22. maj 2024" or "december 2023".
date-invalid = "{ $text }" is not a real date: { $detail }.
date-reversed = "{ $text }" ends before it starts. Put the earlier date first, for example "april – maj 2023".
date-ambiguous = "{ $text }" can be read in more than one way: { $readings }. { $hint }
date-two-dates = "{ $text }" names two dates, { $first } and { $second }. Write one date, or the period "{ $first } – { $second }".
date-unclear = "{ $text }" is not clear enough to read as a date: { $detail }.
date-too-long = "{ $text }…" is too long to be a date. Write just the date, for example "12. september 2023".
date-hint-years = Write both years in full ("2010-2011") or the month by name ("november 2010").
date-hint-day = Write the year in full ("oktober 2009") or the day with a full stop ("9. oktober").

date-detail-year-missing = the year is missing
date-detail-month-year-missing = the month and year are missing
date-detail-days-in-month = { $month } { $year } has { $last } days
date-detail-weeks = { $year } has { $weeks } weeks (ISO 8601), so there is no week { $week }
date-detail-no-week = there is no week { $week } in { $year }
date-detail-quarter = there is no quarter { $quarter }; a year has quarters 1 to 4
date-detail-half = there is no half-year { $half }; a year has half-years 1 and 2
date-detail-year-range = the year { $year } is outside 1000–9999
date-detail-no-day = there is no day { $day } in month { $month } of { $year }
date-detail-no-month = there is no month { $month }; months are numbered 1 to 12
date-detail-time = { $time } is not a time of day (use 00.00 to 23.59)
date-detail-duration = { $n } is too long a duration
date-detail-no-day-before = there is no day before it
date-detail-century = it would span more than 100 years
date-detail-offset = the time zone offset { $seconds } seconds does not exist
date-detail-unreadable-part = "{ $part }" is not a date planpub can read
date-detail-too-many = it names more than two dates

## Dates: how a text was read

date-read-as = read as { $date }
date-read-deadline = (a deadline)
date-read-ignored = ignored { $ignored }
date-note-spelling = "{ $word }" was read as "{ $target }"
date-note-combined = the two dates were read as the period from the first to the second
date-note-contains = the text also names { $outer }, which contains this date
date-note-two-digit-year = the two-digit year was read in full: { $date }
date-note-duration = the duration would end on { $expected }, but the text says { $end }; the written end is used
date-note-senest = "senest" after the date: read as a date to be met at the latest
date-note-tidligst = "tidligst" after the date: read as a beginning at the earliest
date-note-hedge = "{ $word }": the date is expected, not fixed
date-note-empty-time = "kl." with no time after it was skipped
date-note-weekday = "{ $word }" does not match the date: { $date } is a { $weekday }
date-note-joined = read as the whole period { $date }
date-reading-warning = "{ $text }": { $reading }
    .help = if that is right, write just the date ("{ $plain }"); if not, correct the text

## Dates in fields

publish-at-not-exact = "{ $text }" is not an exact day: `publish_at` must say exactly when the page may be published
    .help = write a day and optionally a time, for example `2024-03-01 08:00`
meeting-not-exact = "{ $text }" is not an exact day: a decision's meeting date must be a single day
    .help = write the meeting day, for example `2023-09-12` or `12. september 2023`
exact-day-needed = "{ $text }" is { $what }, but `{ $field }` must name one exact day (a time may follow)
exact-day-help = write one day, for example `{ $example }`{ $deadline ->
    [yes] ; a deadline without a time ends at 23:59 that day
   *[no] {""}
}
not-exact-span = a span of time, not one moment
not-exact-ongoing = ongoing (løbende), which names no day
not-exact-no-first = an open period without a first day
not-exact-no-last = an open period without a last day
not-exact-week = a week, not one day
not-exact-month = a month, not one day
not-exact-part-of-month = part of a month, not one day
not-exact-quarter = a quarter, not one day
not-exact-half-year = a half-year, not one day
not-exact-part-of-year = part of a year, not one day
not-exact-season = a season, not one day
not-exact-year = a year, not one day
not-exact-period = a period of several days, not one day
hearing-closes-before-opens = the hearing closes ({ $closes }) before it opens ({ $opens })
hearing-same-day = the hearing closes on the day it opens ({ $day }): `closes` must be a later day than `opens`, so that citizens have time to answer
hearing-no-such-moment = the time "{ $time }" does not exist in the site's time zone
hearing-period-help = `opens` is the first day citizens can answer and `closes` the deadline, a later day: for example `opens: 2024-03-01` and `closes: 2024-03-29 12:00`
date-year-from-row-before = "{ $text }" has no year, so planpub read it as { $year }, the year of the row before it
    .help = write the year if that is not what you meant
title-missing = the page has no title: the required field `title` is missing or empty
    .help = add a line such as `title: Høring over rammeplan for …`
row-when-and-undated = a row cannot have both `when` and `undated`
    .help = keep `when:` for a date, or `undated:` for a row that deliberately has no date
row-no-date = the row has no date
    .help = add `when: …` (for example `primo 2024`), or `undated: efter behov` for a row that has no date on purpose
withdrawal-no-reason = a withdrawal needs a reason: citizens who follow a link to the item are told why it was withdrawn
    .help = write the reason in a sentence, for example `reason: Punktet blev offentliggjort ved en fejl.`

## Files and folders: what went wrong

io-not-found = there is no such file or folder
io-permission-denied = you do not have permission to use it (choose another folder, or ask whoever manages the computer)
io-already-exists = it already exists
io-is-a-directory = it is a folder, not a file
io-not-a-directory = part of the path is a file, not a folder
io-storage-full = the disk is full; make room and try again
io-read-only = the disk or folder can only be read, not written
io-not-empty = the folder is not empty
io-invalid-data = its content cannot be read (for example, it is not UTF-8 text)
io-other = { $reason }

## Build moment

clock-bad-now = "{ $text }" is not a moment planpub can read: use `2024-03-01`, `2024-03-01T12:00` or `2024-03-01T12:00:00+01:00`
clock-bad-epoch = SOURCE_DATE_EPOCH is "{ $text }", which is not a number of seconds since 1970
    .help = unset SOURCE_DATE_EPOCH to use the clock, or give the moment with `--now`

## New sites and files (init, new, editor)

scaffold-not-a-site = there is no site.yaml in { $path }, so this is not a site folder: run `planpub new` in the folder that holds site.yaml, name that folder with --root, or create a site with `planpub init`
scaffold-exists = { $path } already exists; planpub will not overwrite it
    .help = choose another title, or rename or remove the existing file
scaffold-not-empty = the folder { $path } is not empty; choose a new folder for the site
scaffold-bad-title = cannot make a file name from the title "{ $title }"; use letters or digits
scaffold-io = cannot write { $path }: { $reason }
new-created = Created { $path } (a draft: remove `draft: true` when it may be published)
init-created =
    Created a new site in { $dir } ({ $files } files). Next:
      cd { $dir }
      planpub new hearing "Høring over …"
      planpub serve --drafts --open
    Write in VS Code (open the folder; see docs/editors.md) or in the browser editor at /admin/.
editor-wrote = wrote { $path }
editor-kept = kept  { $path } (yours; delete it to get planpub's version)

## The output folder

output-not-ours = the output folder { $path } already exists and was not made by planpub (it has no { $marker } file), so planpub will not replace it; choose another folder with --out, or empty it yourself
output-overlaps = the output folder { $path } would contain or replace { $what }; choose an output folder outside the site's content, for example `public/`
output-escapes = the output path { $path } would leave the output folder
output-duplicate = two things would be written to the same file { $path }
address-conflict = two different things would be published at this address: { $first } and { $second }{ $more ->
        [0] {""}
       *[other] {" "}(and { $more } more)
    }
    .help = rename one of them (or give the page another `slug:`), so each has its own address
address-of-page = the page of { $file }
address-of-attachment = the attachment "{ $name }" of { $file }
address-of-an-attachment = an attachment of { $file }
address-of-file = the file { $path }
address-of-theme-file = a file of the built-in theme
address-of-generated = a page planpub makes itself (a listing, feed or index)
output-overlaps-disk = the whole disk or your home folder
output-overlaps-root = the site root
output-overlaps-content = the content folder
output-overlaps-folder = the { $folder } folder
ledger-unwritable = the decision ledger cannot be written: { $reason }
    .help = planpub writes the ledger on every build; make sure the site's folder can be written to, and build again
output-io = cannot write { $path }: { $reason }

## Snapshots and verifying them

snapshot-bag = Bag:  { $path } ({ $files } files, { $size } MB)
snapshot-warc = WARC: { $path }
snapshot-failed = No snapshot was written ({ $counts }).
bag-valid = bag valid ({ $checked } files checked)
bag-invalid = bag invalid: { $n } problem(s) ({ $checked } files checked)
bag-missing = { $path }: listed in manifest but missing
bag-extra = { $path }: present but not listed in manifest-sha256.txt
bag-checksum = { $path }: checksum differs (expected { $expected }, found { $actual })
bag-oxum = bag-info.txt: Payload-Oxum is { $expected } but the payload is { $actual }
bag-problem = { $path }: { $detail }
bag-unreadable = { $path }: cannot be read: { $reason }
bag-tag-not-utf8 = is not valid UTF-8
bag-tag-missing = missing
bag-tag-bad-version = malformed BagIt-Version { $value }
bag-tag-no-version = no BagIt-Version line
bag-tag-encoding = Tag-File-Character-Encoding is { $value }, only UTF-8 is supported
bag-tag-no-encoding = no Tag-File-Character-Encoding line
bag-line-no-path = line { $line }: no path after the checksum
bag-line-bad-sum = line { $line }: { $sum } is not a SHA-256 checksum
bag-line-bad-path = line { $line }: path { $path } { $why }
bag-path-empty = is empty
bag-path-absolute = is absolute or contains NUL
bag-path-component = has an empty, '.' or '..' component
bag-line-twice = line { $line }: { $path } is listed twice
bag-tag-lists-payload = lists payload file { $path }; tag manifests list tag files only
bag-not-file-tag = listed in tagmanifest-sha256.txt but not a regular file
bag-data-unlisted = cannot be listed: { $reason }
bag-data-not-dir = payload directory is not a directory
bag-data-missing = payload directory missing
bag-manifest-missing = missing (payload not checked; only SHA-256 manifests are supported)
bag-outside-data = { $path } is outside the payload directory data/
bag-not-file-symlink = is a symbolic link, not allowed in the payload
bag-not-file-other = is not a regular file
bag-oxum-bad = malformed Payload-Oxum { $value }
bag-oxum-twice = Payload-Oxum occurs more than once
bag-fetch-unsupported = fetch.txt is not supported; the bag may be incomplete
archive-io = { $path }: { $reason }
archive-not-a-bag = { $path }: not a BagIt bag: { $reason }
    .help = give the folder that `planpub snapshot` wrote; it holds a file `bagit.txt`
bag-reason-not-dir = not a directory
bag-reason-missing = does not exist
bag-reason-no-bagit = no bagit.txt
archive-exists = { $path }: already exists (a bag directory must be absent or empty, a WARC path absent)
    .help = choose another folder with `--out`, or move the earlier snapshot away
archive-symlink = { $path }: symbolic links are not allowed in a site to be archived
archive-special-file = { $path }: not a regular file or directory
archive-non-utf8 = { $path }: file name is not valid UTF-8
archive-not-a-directory = { $path }: site directory does not exist or is not a directory
archive-output-inside = { $path }: output must not be inside the site directory { $site }
    .help = choose a folder outside the site with `--out`
archive-base-url = invalid base URL { $url }: { $reason }
archive-metadata = invalid metadata: { $reason }

## The preview (serve)

serve-port-in-use = port { $port } is already in use by another program, so the preview cannot start
    .help = choose another port with `--port`, for example `--port { $next }`, or stop the other program (perhaps a `planpub serve` that is still running)
serve-bind-denied = the preview may not listen on { $addr }
    .help = choose a port above 1023 with `--port`, or another address with `--bind`
serve-bind-unavailable = the address { $addr } does not belong to this computer, so the preview cannot listen on it
    .help = leave out `--bind` to preview on this computer only (127.0.0.1), or give one of this computer's addresses
serve-bind-failed = the preview cannot listen on { $addr }: { $reason }
serve-thread = the preview could not start: { $reason }
serve-watch = the site folder cannot be watched for changes: { $reason }
    .help = on Linux, the limit of watched folders may be reached; raise `fs.inotify.max_user_watches` or close other programs that watch many files
serve-io = the preview folder cannot be created: { $reason }
serve-built = Built { $pages } pages in { $ms } ms.
serve-problems = The site has problems; the preview shows them until they are fixed.
serve-url = Serving the preview at { $url }  (Ctrl-C to stop)
serve-keeps-time = The preview keeps time: next rebuild at { $at } ({ $what }).
serve-tick = { $at }: { $what }.
serve-stopped = Stopped.
serve-rebuilt = Rebuilt in { $ms } ms: { $parsed } file(s) read, { $rendered } page(s) rendered, { $written } file(s) updated, { $removed } removed
serve-change-problems = The change has problems; the preview shows the last good version with the list.
serve-warnings-again = { $warnings } as before (`planpub check` shows them all)
serve-no-browser = Could not open a browser; open { $url } yourself.

## planpub date

date-out-text = text:      { $value }
date-out-start = start:     { $value }
date-out-end = end:       { $value }
date-out-precision = precision: { $value }
date-out-role = role:      { $value }
date-out-display = display:   { $value }
date-out-ignored = ignored:   "{ $value }"
date-out-note = note:      { $value }
date-out-open = (open)
schedule-nothing = Nothing on the site changes after { $at }.

## Files the pages link to (attachments, links)

file-unreadable = cannot read the file: { $reason }
file-not-utf8 = the file is not saved as UTF-8 text, so its letters (such as æ, ø and å) cannot be read
    .help = open the file in your editor and save it again with the encoding "UTF-8"
content-link-unusable = this is a link to { $what }, so planpub does not read it and the page is not published
    .help = copy the file into the site's content folder instead of linking to it
link-to-nothing = something that does not exist
link-outside = a file or folder outside the site folder
link-to-folder = a folder (planpub does not follow links to folders)
path-empty = is empty
path-backslash = contains a backslash; use `/` between folders
path-parent = uses `..`, which would point outside its folder
path-absolute = is an absolute path, which could point anywhere on the computer
attachment-path-unsafe = the file path "{ $file }" { $why }
    .help = give the file name relative to the Markdown file, for example `hoeringsmateriale.pdf` or `bilag/notat.pdf`
attachment-missing = the attachment "{ $file }" ("{ $title }") does not exist
    .help = put the file in the folder `{ $folder }` next to the Markdown file, or in `static/`, or correct the file name
attachment-outside = the attachment "{ $file }" is a link to a file outside the site folder, which planpub will not publish
    .help = copy the file into the site folder instead of linking to it
attachment-active = the attachment "{ $file }" is { $kind }, a type of file a browser runs scripts in; published on the site's own address it could change the site's pages or read what visitors type, so planpub does not publish it
    .help = publish it as PDF or as a picture (PNG, JPEG) instead; if your organisation made the file and trusts it, allow the type in site.yaml: `allow_active_attachments: [{ $ext }]`
active-html = an HTML page
active-xhtml = an XHTML page
active-svg = an SVG image
active-javascript = a JavaScript program
active-wasm = a WebAssembly program
active-flash = a Flash program
active-xml = an XML document
link-to-hidden = the link to "{ $dest }" points at { $file } ({ $title }), which is a draft or not yet published, so the link is left out and its text shown plain
    .help = remove the link, or publish the page it points at first
attachment-unreadable = cannot read the attachment "{ $file }": { $reason }
publish-file-unreadable = cannot read the file to publish: { $reason }

## Site settings (site.yaml)

site-yaml-unreadable = cannot read the site settings: { $reason }
    .help = every site needs a `site.yaml` in its root folder (check `--root`); `planpub init` creates one
site-no-title = the site has no title: `title` is empty
    .help = write the site's name, for example `title: Planer og høringer i Eksempel Kommune`
theme-help = copy the theme into the site, for example to `themes/mit-tema`, and write `theme: themes/mit-tema`
theme-outside = the theme folder "{ $theme }" is a link to a folder outside the site folder, whose files planpub will not publish
theme-unsafe = the theme folder "{ $theme }" { $why }; a theme must be a folder inside the site folder
theme-missing = the theme folder "{ $theme }" does not exist
    .help = give a folder relative to the site root, or remove `theme:` to use the built-in theme
privacy-both = the privacy notice has both `page` and `url`, so it is not clear which one to link
    .help = keep `page` for a page on this site, or `url` for a notice elsewhere
licence-url = "{ $url }" is not a web address
    .help = give the address of the licence text, for example `https://creativecommons.org/licenses/by/4.0/`
timezone-unknown = "{ $zone }" is not a known time zone
    .help = use an IANA name such as `Europe/Copenhagen`
base-url-help = write the full address of the published site, for example `https://planer.example.dk/` (no `?` or `#` part)

## Web and e-mail addresses

url-empty = the address is empty
url-bad-character = { $text } contains a space, a line break, a control character, a quote or < >, which a web address cannot hold
url-scheme = { $text } is not a web address planpub will link to: it must start with https:// or http://, not `{ $scheme }:`
url-invalid = { $text } is not a complete web address: it must start with https:// and name a host, such as https://www.kommune.dk/
url-credentials = { $text } has a user name or password before the host, which is a known trick to disguise where a link goes
url-query = { $text } has a query (`?…`) or a fragment (`#…`); the site's address cannot have either
url-help = write the full address, starting with https://, for example `https://www.kommune.dk/hoeringer/svar`
email-empty = the e-mail address is empty
email-bad-character = { $text } contains a space, a line break or a control character, which an e-mail address cannot hold
email-reserved = { $text } contains one of the characters ? & = % " < > ( ) , ; :, which planpub does not accept in an e-mail address (they could add hidden recipients or text to the mail)
email-invalid = { $text } is not an e-mail address: write one address of the form name@kommune.dk
email-help = write one address such as `hoering@kommune.dk`; put other text (a subject, a name) in its own field

## Templates (the theme and the site's own templates/)

template-unreadable = cannot read the template: { $reason }
translations-invalid = the translation file is not valid: { $reason }
    .help = every line is `label: text`; put the text in quotes if it contains `: `
template-syntax = the template could not be read: `{ $name }` has a mistake at line { $line }, column { $column }
template-syntax-help = check that every `{"{{"}` has its `{"}}"}` and every `{"{%"}` its `{"%}"}`, and that the names are spelt right; the line is: `{ $text }`
template-load-failed = the template could not be read: `{ $name }`: { $problem }
page-not-rendered = the page could not be rendered with the template `{ $name }`: { $problem }
template-no-value = it uses the value `{ $value }`, which does not exist here
template-no-filter = it uses the filter `{ $filter }`, which does not exist
template-no-template = it uses the template `{ $other }`, which does not exist
template-failed = Tera, the template engine, stopped
template-help = check the spelling in the template against the theme's own templates (themes/default/templates in planpub's source), or delete the site's copy to use the built-in one
template-detail = Tera's own words (technical): `{ $detail }`

## Snapshots: writing them

snapshot-no-drafts = a snapshot is an archive of the published site, so it never includes drafts; run it without --drafts
snapshot-exists = a snapshot of this site for this day already exists; planpub will not overwrite an archive (move it away first)
    .help = choose another folder with `--out`, or move the earlier snapshot away
snapshot-folder = cannot create the folder: { $reason }
snapshot-work-folder = cannot create a work folder: { $reason }

## planpub --help

help-usage = Usage:
help-heading-commands = Commands
help-heading-arguments = Arguments
help-heading-options = Options
help-flag = Print help
help-version = Print version
help-help = Print this help or the help of a command
help-planpub = Publish plans, public hearings and political decisions as a static website
help-planpub-build = Build the website into the output folder
help-planpub-snapshot = Build the site and write an archival snapshot: a BagIt bag and a WARC file
help-planpub-serve = Preview the site: build, serve on this machine, rebuild and reload on every save
help-planpub-verify = Verify a BagIt bag: every file present, none extra, every checksum right
help-planpub-check = Check everything without writing anything
help-planpub-new = Create a new content file with its front matter filled in (in the site folder)
help-planpub-date = Show how planpub reads a date text (start, end, precision, display form)
help-planpub-schedule = List every future moment at which some page changes, so the site can be rebuilt
help-planpub-import = Turn a procesplan table (Word, OpenDocument, Excel or CSV) into a draft plan page
help-planpub-init = Create a new site folder that builds at once
help-planpub-editor = Write (or refresh) the editor support: JSON Schemas of the front matter, VS Code settings and snippets, and the browser editor in static/admin/
help-arg-root = The site folder (with site.yaml and content/); accepted before or after the command [default: .]
help-arg-lang = The language of planpub's messages: da or en [default: PLANPUB_LANG, else the site's language, else da]
help-arg-drafts = Include drafts and embargoed items: a preview, never for publishing
help-arg-now = Build as of this moment: 2024-03-01, 2024-03-01T12:00 or RFC 3339 (2024-03-01T12:00:00+01:00); without it SOURCE_DATE_EPOCH, else the clock
help-arg-base_url = Another public address than base_url in site.yaml, e.g. for a test server
help-arg-offline = Write links ending in index.html, so the site also works opened from disk
help-arg-port = Port to listen on; 0 takes any free port [default: 1212, or the next free port after it]
help-arg-bind = Address to listen on; 127.0.0.1 serves this machine only [default: 127.0.0.1]
help-arg-open = Open the preview in the browser
help-arg-bag = The bag folder
help-arg-format = text, or json for other tools [default: text]
help-arg-kind = What to create: plan, hearing, decision or page
help-arg-text = The date as staff would write it, e.g. "ultimo april 2008"
help-arg-year = The year for a date written without one
help-arg-file = The document: .docx, .odt, .xlsx, .xls, .ods or .csv
help-arg-columns = Which column holds what, counted from 1, when the headings are unusual: e.g. when=2,what=1,who=3 (also track, level, note)
help-arg-dry_run = Print the rows as planpub reads them, and write nothing
help-planpub-build-out = Output folder [default: public/ in the site folder]
help-planpub-snapshot-out = Folder for the snapshot [default: snapshot/ in the site folder]
help-planpub-check-format = How to print the problems: text for people, json for other tools [default: text]
help-planpub-date-format = text, or json: the date object of the open data [default: text]
help-planpub-new-title = The title; the file name is made from it
help-planpub-import-title = The plan's title [default: the document's first heading]
help-planpub-init-dir = The folder to create

## Hearings, plans and decisions: editorial checks

hearing-too-short = the hearing period is { $days } days, shorter than the minimum of { $min } days
    .help = planloven § 24 sets 8 weeks for most plan proposals, 4 for a lokalplan and 2 for a minor one; set `min_days:` on the hearing if a shorter period is lawful here
hearing-no-respond = the hearing gives citizens no way to respond
    .help = add `respond:` with at least one of `email:`, `address:` or `url:`
hearing-responses-held-back = responses and the hearing note are held back until the deadline ({ $deadline }) has passed
    .help = they appear on the site with the first build after the deadline; `planpub schedule` shows when
hearing-no-documents = the hearing is open but has no documents (høringsmateriale)
    .help = add `documents:` with the material citizens are asked about
decision-no-outcome = the meeting on { $meeting } has begun, but no recommendation has an outcome
    .help = add the decision on each recommendation, for example `outcome: approved` (approved | discussed | noted | rejected | postponed)
decision-held-back = outcomes, remarks and absent members are held back until the meeting on { $meeting }: before its meeting the item is an agenda item
    .help = they appear with the first build from the meeting on; `planpub schedule` shows when
decision-same-item = { $other } already has item { $item } at the meeting of { $meeting } — two decisions cannot share body, meeting and item
    .help = check the agenda item number (`item:`)
plan-own-ancestor = the plan "{ $slug }" is its own ancestor: following `parent` leads back to it
    .help = a plan's parent must be a plan above it, never one of its own sub-plans

## A plan's written status and what its sources say

status-conflict = status: { $status }, but { $why }
status-conflict-help = remove `status:` to show the status the plan's timeline, hearings and decisions give{ $derived ->
    [none] {""}
   *[other] {" "}(now: { $derived })
}, or bring the timeline up to date
status-reason-hearing-open = the hearing "{ $title }" is open
status-reason-hearing-ahead = the hearing "{ $title }" has not opened yet
status-reason-hearing-step-now = the timeline's hearing step "{ $what }" ({ $when }) is happening now
status-reason-step = the timeline's step "{ $what }" ({ $when }) { $now ->
    [yes] is happening now
   *[no] is still to come
}
status-reason-archived = every step of the timeline is done, the last one more than a year ago ({ $last })
status-reason-not-adopted = the plan has not been adopted
status-reason-approved = the decision "{ $title }" approved it
status-reason-no-hearing-open = no hearing of the plan is open at the build moment{ $which ->
    [ahead] {" "}("{ $title }" has not opened yet)
    [closed] {" "}("{ $title }" has closed)
   *[none] {""}
}
status-adoption-step = the timeline's adoption step "{ $what }" ({ $when })
status-adoption-approved-nothing = { $step } has been held, but its decision "{ $title }" approved nothing
status-adoption-agenda = { $step } is still to come: its decision "{ $title }" is an agenda item until the meeting on { $meeting }
status-adoption-withdrawn = the decision "{ $title }" of { $step } was withdrawn
status-adoption-unpublished = { $step } names the decision "{ $title }", which is not published
status-adoption-done = { $step } is done
status-adoption-now = { $step } is happening now
status-adoption-upcoming = { $step } is still to come

## Slugs and references between items (continued)

slug-duplicate-help = every page needs its own web address: rename one of the files or give it its own `slug:`
slug-reserved = the slug "{ $slug }" is used by planpub itself
    .help = choose another file name or `slug:`; reserved: { $reserved }
ref-wrong-type = "{ $slug }" is a { $type }, but this field must name a { $expected }
ref-not-public = "{ $slug }" is a draft or not yet published, so the link to it is left out
ref-withdrawn = "{ $slug }" was withdrawn, so the link to it is left out
    .help = a withdrawn decision keeps only its notice of withdrawal; remove the reference

## The decision ledger

ledger-damaged = the decision ledger cannot be read: { $reason }
    .help = the ledger is written by planpub; restore it from version control
ledger-unreadable = the decision ledger cannot be read: { $reason }
ledger-withdrawal-changed = the withdrawal recorded on { $recorded } (date { $date }, reason "{ $reason }") has been changed: a recorded withdrawal cannot change
    .help = restore `withdrawn:` to date { $date } and that reason
ledger-withdrawal-removed = this decision was withdrawn on { $date } ({ $reason }), and `withdrawn:` has been removed: a withdrawal cannot be undone
    .help = restore `withdrawn:` with date { $date } and its reason; publish a new decision if the matter is decided again
ledger-changed = this decision was published on { $recorded } and has been changed since, without a correction: a published decision is a record and must not change silently
    .help =
        undo the change, or add an entry under `corrections:` with the date and a note saying what was corrected and why, for example:
        corrections:
          - date: 2024-03-01
            note: Stavefejl i indstilling 2 rettet.
ledger-gone = the published decision "{ $title }" ({ $path }) is no longer on the site
    .help =
        restore the file: a published decision stays at its permanent address. To take it down, add to its front matter
        withdrawn:
          date: { $today }
          reason: Why the item is withdrawn.
        The ledger then records the withdrawal, and the address shows only that the item was withdrawn, when and why

## YAML limits, tags and aliases

yaml-too-large = the front matter is { $bytes } bytes long, more than planpub reads ({ $max } bytes, 4 MiB)
    .help = move long text into the Markdown body below the closing `---`, or split the file
yaml-too-deep = the fields are nested more than { $max } levels deep here, more than planpub reads
    .help = planpub's fields are at most five levels deep; look for a `[` or `{"{"}` that is never closed, or indentation that keeps growing
yaml-recursion = the fields are nested too deeply here, more than planpub reads
    .help = planpub's fields are at most five levels deep; look for a `[` or `{"{"}` that is never closed
yaml-tag = `{ $tag }` is a YAML tag, which planpub does not read: the value would not mean what it seems to
    .help = remove `{ $tag }` and write the value as plain text; put the text in quotes if it really starts with `!`
yaml-too-many-items = this has { $n } items, more than planpub reads ({ $max })
    .help = split the content over several files
yaml-alias-repetition = the `*` references (aliases) here repeat other values so often that the front matter would grow enormous, so planpub does not read it
    .help = write the values out instead of repeating them with `&name` and `*name`
expected-text-or-number = text or a number
found-tagged = a tagged value

## The content file: front matter, type, slug, meetings

frontmatter-missing = the file does not start with front matter: the first line must be `---`, followed by the YAML fields and another `---` line
frontmatter-not-closed = the front matter that starts on line 1 is never closed: add a line with only `---` after the last field
frontmatter-not-fields = the front matter must be a list of `field: value` lines
type-not-one-word = `type` must be one word (plan, hearing, decision or page), but it is { $found }
type-one-line = write it on one line, for example `type: { $guess }`
found-something-else = something else
type-missing = the required field `type` is missing: planpub needs to know what kind of content this is
    .help = add a first line `type: { $guess }` (one of plan, hearing, decision, page)
type-unknown = `{ $value }` is not a content type
type-did-you-mean = did you mean `{ $suggestion }`? The types are plan, hearing, decision and page
type-list = the types are plan, hearing, decision and page
html-cut = the HTML `{ $what }` would hide the text after it, so it is shown on the page as text, just as written
    .help = write the text without `<` `>` (for example "script-tag"), or put it in backticks: `<script>`
slug-empty = a slug cannot be empty
slug-invalid = "{ $slug }" is not a valid slug: use only lower-case letters a–z, digits and single hyphens (for example "rammeplan-psykisk-syge"); slashes, dots, spaces and Danish letters are not allowed
slug-too-long = the web address made from this would be { $length } characters long, more than the { $max } a web address part may have
slug-short-help = choose a short slug of a few words, for example `rammeplan-2024`
slug-from-file = cannot make a web address from the file name "{ $name }"
    .help = rename the file using letters and digits, or add a shorter `slug:` field
slug-from-file-long = cannot make a web address from the file name "{ $name }": { $detail }
    .help = rename the file using letters and digits, or add a shorter `slug:` field
meeting-until-not-time = "{ $text }" is not a time of day
    .help = write the time the meeting ends, for example `until: "21:00"`
meeting-until-no-start = `until` needs a `when` with one day and a start time
    .help = give the start in `when`, for example `when: 2024-05-12 19:00`
meeting-end-twice = the meeting's end is given twice: in `when` and in `until`
    .help = keep one of them
meeting-ends-before = the meeting ends ({ $until }) before it starts ({ $start })
    .help = `until` is the time the meeting ends on its day
committee-no-letters = planpub makes the decision's permanent web address from the committee's name, and "{ $name }" has no letters or digits that a web address can hold (a–z, 0–9, æ, ø, å and accented Latin letters)
    .help = write the committee or council's name with Latin letters, for example `Områdeudvalg socialområdet`
identity-line = {" "}(line { $line })
identity-shared = { $what ->
    [timeline] timeline rows
   *[meetings] meetings
} { $first }{ $line1 } and { $second }{ $line2 } have the same identity, so their calendar events would share one UID
    .help = the identity comes from { $what ->
        [timeline] `what` and `who`
       *[meetings] `what` and `where`
    }, or from `id:` when it is given: give one of the two its own `id:`, for example `id: { $example }`

## planpub schedule: what changes when

schedule-published = "{ $title }" is published (publish_at)
schedule-hearing-opens = the hearing "{ $title }" opens
schedule-hearing-closes = the hearing "{ $title }" closes; its responses and note are published
schedule-days-left = the hearing "{ $title }": { $days ->
    [0] the deadline is today
    [one] 1 day left
   *[other] { $days } days left
}
schedule-meeting-begins = the meeting of "{ $title }" begins; its outcome is published
schedule-withdrawn = "{ $title }" is withdrawn; only the notice remains
schedule-archived = the plan "{ $title }" is taken as archived
schedule-step-starts = "{ $what }" in "{ $title }" starts (now)
schedule-step-done = "{ $what }" in "{ $title }" is done
schedule-new-day = a new day begins

## planpub import: --columns

columns-shape = `{ $part }` in --columns is not of the form field=number (for example `when=2`)
columns-unknown-field = `{ $name }` in --columns is not a field{ $suggestion ->
    [none] {""}
   *[other] {" "}(did you mean `{ $suggestion }`?)
}; the fields are when, what, who, track, level and note
columns-bad-number = `{ $part }` in --columns is not a column number: count the columns from 1 at the left
columns-twice = --columns names `{ $field }` twice
columns-same-column = --columns gives column { $column } to both `{ $first }` and `{ $second }`
columns-incomplete = --columns must name a `what` column and a `when` column (or a `track` column)

## The command line

cli-unknown-argument = `{ $arg }` is not an option of this command
cli-unknown-command = `{ $arg }` is not a planpub command
cli-invalid-value = `{ $value }` cannot be used for `{ $arg }`{ $valid ->
        [none] {""}
       *[other] ; allowed values: { $valid }
    }
cli-missing-argument = `{ $arg }` is required
cli-conflict = `{ $arg }` cannot be used together with `{ $other }`
cli-bad-value = `{ $arg }` has no value planpub can read
cli-not-understood = planpub does not understand the command line
cli-see-help = `planpub --help` lists the commands, and `planpub <command> --help` a command's options

## planpub import: why a file cannot be imported

import-io = cannot read { $path }: { $reason }
import-damaged = cannot import { $path }: { $why }
    .help = open the file in the program that made it (for example Word, Excel or LibreOffice), save it again and import the saved file
import-why-not-zip = it is not a readable ZIP package, as every Word and OpenDocument file is (technical: "{ $detail }")
import-why-part-unreadable = its part `{ $part }` cannot be read (technical: "{ $detail }")
import-why-part-unpacked = its part `{ $part }` cannot be unpacked (technical: "{ $detail }")
import-why-part-xml = its part `{ $part }` is not well-formed XML (technical: "{ $detail }")
import-why-not-word = it has no `{ $part }`, so it is not a Word document
import-why-not-opendocument = it has no `{ $part }`, so it is not an OpenDocument file
import-why-sheet = the spreadsheet cannot be read (technical: "{ $detail }")
import-why-csv = it is not readable as CSV (technical: "{ $detail }")
import-format = cannot import { $path }: planpub reads .docx, .odt, .xlsx, .xls, .ods and .csv files, not .{ $extension }
    .help = save the document as .docx or .xlsx (or .odt, .ods, .csv) and import that file
import-format-no-extension = cannot import { $path }: planpub reads .docx, .odt, .xlsx, .xls, .ods and .csv files, and the file name ends in none of them
    .help = save the document as .docx or .xlsx (or .odt, .ods, .csv) and import that file
import-no-table = { $path } has no table with a date column and an activity column{ $found }
    .help = name the columns with `--columns`, for example `--columns when=1,what=2,who=3` (columns counted from 1 at the left); headings planpub knows include Tid, Tidspunkt, Dato, Hvornår, Emne, Aktivitet, Opgave, Hvem, Ansvarlig, Udviklingsspor, Tiltag and Niveau
import-found-no-tables = {" "}(it has no tables at all)
import-found-tables = ; the tables it has start with: { $tables }
import-bad-title = cannot make a file name from the title "{ $title }"
    .help = give the plan a title with letters or digits: `--title "…"`
import-exists-help = choose another title with `--title "…"`, or rename or remove the existing file
import-yaml = cannot write the plan as YAML (technical: "{ $detail }")

## planpub import: what was read, and what to look at

import-at-table = table { $table }, row { $row }
import-at-sheet = sheet "{ $sheet }", row { $row }
import-at-row = row { $row }
import-table-numbered = table { $n }
import-table-sheet = sheet "{ $sheet }"
import-table-csv = the table
import-other-table = { $what } (headings: "{ $headings }") is neither a timeline nor a tracks table, so it was copied into the body text as a table
import-other-table-help = if it is the plan's timeline, name its columns, for example `--columns when=1,what=2,who=3`
import-other-table-fewer-columns = it has fewer columns than `--columns { $columns }` names
import-no-heading = the document has no heading, so the plan is titled "{ $title }" after the file name
    .help = give the title with `--title "…"`
import-no-what = the row has no activity text
    .help = write what happens in the `what:` field
import-unknown-level = "{ $level }" is not a level planpub knows, so it was kept in the note
    .help = the levels are `central` and `local`
import-track-unnamed = the first row of the tracks table names no track, so the track is called "{ $name }"
    .help = write the track's name in the `name:` field
import-undated-empty = the date cell is empty
import-undated-not-a-date = "{ $text }" is not a date this site understands.
import-what-rows = { $rows ->
    [one] 1 timeline row
   *[other] { $rows } timeline rows
}
import-what-tracks = { $rows ->
    [one] 1 timeline row
   *[other] { $rows } timeline rows
} and { $actions ->
    [one] 1 action
   *[other] { $actions } actions
} in { $tracks ->
    [one] 1 track
   *[other] { $tracks } tracks
}
import-written = Imported { $what } into { $path } (a draft: remove `draft: true` when it may be published)
import-dry-run = Read { $what }; nothing was written (`--dry-run`).
import-undated = { $n ->
    [one] 1 row has no date planpub can read, so it was imported as `undated:` with the text as written:
   *[other] { $n } rows have no date planpub can read, so they were imported as `undated:` with the text as written:
}
import-undated-help = write a date planpub reads in `when:` (`planpub date "…"` shows how it reads a text), or keep `undated:` for a row without a date
import-empty = (empty)

## planpub import --dry-run: the rows as read

import-rows-title = Title: { $title } ({ $from })
import-title-from-option = from `--title`
import-title-from-heading = the document's first heading
import-title-from-file-name = from the file name
import-rows-target = Would write: { $path }
import-rows-target-exists = { $path } (it exists: the import would refuse to overwrite it)
import-rows-timeline = Timeline ({ $n ->
    [one] 1 row
   *[other] { $n } rows
}): where, when as written, interval, precision, what [who]
import-rows-track = Track "{ $name }" ({ $n ->
    [one] 1 action
   *[other] { $n } actions
}):
import-rows-body = Body text: { $n ->
    [one] 1 block
   *[other] { $n } blocks
} from outside the tables
import-precision-day = day
import-precision-week = week
import-precision-month = month
import-precision-part-of-month = part-of-month
import-precision-quarter = quarter
import-precision-half-year = half-year
import-precision-part-of-year = part-of-year
import-precision-season = season
import-precision-year = year
import-precision-range = range
import-precision-open-ended = open-ended
import-precision-ongoing = ongoing
import-precision-undated = undated
