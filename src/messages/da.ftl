# planpubs beskeder til redaktørerne, på dansk. Hvert id findes også i en.ftl (en test
# kontrollerer det). Det, der står i `…`, er det, skribenten skriver i filen.

## Sådan vises et problem

severity-error = fejl
severity-warning = advarsel
severity-error-draft = fejl (kladde)
severity-warning-draft = advarsel (kladde)
diag-field = feltet `{ $field }`
diag-help = hjælp

count-errors = { $n ->
    [one] 1 fejl
   *[other] { $n } fejl
}
count-warnings = { $n ->
    [one] 1 advarsel
   *[other] { $n } advarsler
}
counts = { $errors }, { $warnings }

## Kommandolinjen

cli-error = fejl: { $message }
build-done = Byggede { $pages } sider ({ $files } filer, { $size } MB) i { $out } på { $ms } ms; { $counts }
build-failed = Sitet blev ikke bygget ({ $counts }).
build-failed-kept = Sitet blev ikke bygget ({ $counts }); det tidligere byggede site er uændret.
check-ok = OK: { $counts }
check-problems = Der er problemer: { $counts }
serve-port-fallback = Port { $default } er optaget, så forhåndsvisningen bruger port { $port }.

## Forhåndsvisningens oversigt over fejl

overlay-heading = Siden kunne ikke bygges
overlay-note = Du ser den seneste version af sitet, der kunne bygges. Ret fejlene herunder – siden opdateres af sig selv, når de er rettet.
overlay-count = { $n ->
    [one] 1 problem
   *[other] { $n } problemer
}
overlay-hide = Skjul
overlay-field = felt
overlay-help = Sådan retter du det
overlay-open = Åbn i editoren

## YAML (felterne øverst i filen og site.yaml)

yaml-tab = linjen er rykket ind med et tabulatortegn; YAML tillader kun mellemrum
    .help = erstat tabulatortegnet i starten af linjen med mellemrum (to pr. niveau)
yaml-colon = { $field ->
    [title] titlen indeholder et kolon efterfulgt af et mellemrum, som YAML læser som starten på et nyt felt
    [none] værdien indeholder et kolon efterfulgt af et mellemrum, som YAML læser som starten på et nyt felt
   *[other] værdien af `{ $field }` indeholder et kolon efterfulgt af et mellemrum, som YAML læser som starten på et nyt felt
}
    .help = sæt hele værdien i anførselstegn, fx `{ $example }`
yaml-reserved-start = en værdi begynder med et tegn, som YAML har reserveret (fx `@`, `` ` `` eller `%`)
    .help = sæt hele værdien i anførselstegn, fx `title: "@ Rådhuset"`
yaml-indent = indrykningen passer ikke med linjerne ovenover
    .help = felter i samme gruppe skal begynde i samme kolonne; brug kun mellemrum, to pr. niveau
yaml-syntax = YAML-teksten kan ikke læses her
    .help = se efter, at indrykningen passer, at der er et mellemrum efter kolonet i hver `felt: værdi`, og sæt anførselstegn om værdier, der indeholder `: ` eller begynder med et særligt tegn som `*`, `&`, `[` eller `{"{"}`
yaml-duplicate = feltet `{ $field }` står der to gange
    .help = behold den ene af de to linjer, og slet den anden
yaml-number-too-large = tallet { $number } er for stort: planpub læser hele tal med op til 19 cifre
    .help = se tallet efter; sæt det i anførselstegn, hvis det er en kode og ikke et tal, fx `"12345678901234567890"`

## Felter og værdier

field-missing = det påkrævede felt `{ $field }` mangler
field-unknown = `{ $field }` er ikke et kendt felt her
field-unknown-invisible = { $field } er ikke et kendt felt her: navnet indeholder et usynligt tegn, fx et hårdt mellemrum
field-two-names = `{ $field }` og `{ $other }` er to navne for samme felt, og begge står her, så planpub kan ikke vide, hvilket der gælder
    .help = behold én af de to linjer, og slet den anden; brug helst `{ $field }:`, som også browser-editoren bruger
did-you-mean = mente du `{ $suggestion }`?
fields-allowed = de tilladte felter her er: { $fields }
value-not-allowed = `{ $value }` er ikke en tilladt værdi her; tilladte værdier: { $allowed }
value-one-of = her skal stå en af værdierne { $allowed }, men der står { $found }
value-one-of-help = skriv en af værdierne på samme linje, fx `{ $example }`
value-wrong-type = her skal stå { $expected }, men der står { $found }
value-raw = { $value }

expected-text = tekst
expected-bool = `true` eller `false`
expected-list = en liste (linjer, der begynder med `- `)
expected-number = et helt tal
expected-group = en gruppe af linjer med `felt: værdi`
found-number = tallet { $value }
found-text = teksten { $value }
found-list = en liste
found-group = en gruppe af felter
found-empty = ingenting (feltet er tomt)

## Filer og mapper

site-yaml-missing = der er ingen `site.yaml` i { $dir }
    .help = hvert site har en `site.yaml` i sin øverste mappe (se efter `--root`, eller gå ind i sitets mappe med `cd`); `planpub init` opretter en
site-yaml-folder = `site.yaml` er en mappe, ikke en fil
    .help = hvert site har en fil ved navn `site.yaml` i sin øverste mappe; `planpub init` opretter en
content-folder-missing = der er ingen mappe ved navn `content` i { $dir }
    .help = et site har sine Markdown-filer i en mappe ved navn `content` ved siden af `site.yaml`; opret den, eller se efter `--root`
content-folder-unreadable = mappen `content` kan ikke læses
    .help = se efter, at mappen findes, og at du har lov at læse den
placeholder-field = her står stadig pladsholderteksten fra `planpub new`: "{ $text }"
    .help = erstat den med den rigtige tekst, før punktet offentliggøres
placeholder-body = teksten under felterne er stadig pladsholderteksten fra `planpub new`: "{ $text }"
    .help = skriv den rigtige tekst, før punktet offentliggøres
slug-duplicate = to filer har samme slug "{ $slug }": denne fil og { $other }

## Henvisninger mellem punkter

ref-missing = der er ingen { $type ->
    [plan] plan
    [hearing] høring
    [decision] beslutning
   *[page] side
} med slug "{ $slug }"
ref-nearest = den nærmeste eksisterende { $type ->
    [plan] plan
    [hearing] høring
    [decision] beslutning
   *[page] side
} har slug `{ $nearest }`
ref-none = der er endnu ingen { $type ->
    [plan] planer
    [hearing] høringer
    [decision] beslutninger
   *[page] sider
} på sitet
follow-on = { $message }, fordi { $cause } har fejl og ikke kunne læses (se ovenfor)
follow-on-help = ret { $cause } først; så forsvinder fejlen her
content-folder-file = indholdsmappen kan ikke læses: `content` er en fil og ikke en mappe, så der er intet at offentliggøre
    .help = et site har sine Markdown-filer i en mappe ved navn `content` ved siden af `site.yaml`; omdøb filen, og opret mappen
