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
