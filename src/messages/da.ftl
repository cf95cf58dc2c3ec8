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

## Datoer: hvorfor en tekst ikke er en dato

date-forms =
    - en dag: 12. september 2023, 12. sep. 2023, 12.09.2023, 2023-09-12 (et klokkeslæt kan følge: kl. 17.00)
    - en måned: september 2023; en del af en måned: primo / medio / ultimo marts 2024
    - en uge: uge 15 2023; et kvartal: 2. kvartal 2023 eller Q2 2023; et halvår: 1. halvår 2023
    - en årstid: forår / sommer / efterår / vinter 2023; et år: 2024 eller primo / medio / ultimo 2024
    - en periode: 22. maj – 20. juni 2008, februar-oktober 2023, dec. 2022 – feb. 2023
    - åbne perioder: senest 1. maj 2024, fra 1. halvår 2023 og frem; uden fast tidspunkt: løbende
    - engelske datoer kan også læses: 12 September 2023, early March 2024, Q2 2024, from H1 2024, ongoing
date-empty = Datoen er tom. Skriv en dato som "12. september 2023", "marts 2024" eller "løbende".
date-not-a-date =
    "{ $text }" er ikke en dato, som planpub kan læse. Disse former virker:
    { $forms }
date-no-year = "{ $text }" har intet årstal, og der er ingen tidligere række med dato at tage det fra. Skriv årstallet, fx "22. maj 2024" eller "december 2023".
date-invalid = "{ $text }" er ikke en dato, der findes: { $detail }.
date-reversed = "{ $text }" slutter, før den begynder. Skriv den tidligste dato først, fx "april – maj 2023".
date-ambiguous = "{ $text }" kan læses på mere end én måde: { $readings }. { $hint }
date-two-dates = "{ $text }" nævner to datoer, { $first } og { $second }. Skriv én dato eller perioden "{ $first } – { $second }".
date-unclear = "{ $text }" er ikke klar nok til at kunne læses som en dato: { $detail }.
date-too-long = "{ $text }…" er for lang til at være en dato. Skriv kun datoen, fx "12. september 2023".
date-hint-years = Skriv begge årstal helt ud ("2010-2011") eller måneden med navn ("november 2010").
date-hint-day = Skriv årstallet helt ud ("oktober 2009") eller dagen med punktum ("9. oktober").

date-detail-year-missing = årstallet mangler
date-detail-month-year-missing = måned og årstal mangler
date-detail-days-in-month = { $month } { $year } har { $last } dage
date-detail-weeks = { $year } har { $weeks } uger (ISO 8601), så der er ingen uge { $week }
date-detail-no-week = der er ingen uge { $week } i { $year }
date-detail-quarter = der er intet { $quarter }. kvartal; et år har kvartalerne 1 til 4
date-detail-half = der er intet { $half }. halvår; et år har halvårene 1 og 2
date-detail-year-range = årstallet { $year } ligger uden for 1000–9999
date-detail-no-day = der er ingen dag { $day } i måned { $month } i { $year }
date-detail-no-month = der er ingen måned { $month }; månederne har numrene 1 til 12
date-detail-time = { $time } er ikke et klokkeslæt (brug 00.00 til 23.59)
date-detail-duration = { $n } er en for lang varighed
date-detail-no-day-before = der er ingen dag før den
date-detail-century = den ville strække sig over mere end 100 år
date-detail-offset = tidszoneforskydningen på { $seconds } sekunder findes ikke
date-detail-unreadable-part = "{ $part }" er ikke en dato, planpub kan læse
date-detail-too-many = den nævner mere end to datoer

## Datoer: hvordan en tekst blev læst

date-read-as = læst som { $date }
date-read-deadline = (en frist)
date-read-ignored = sprang over { $ignored }
date-note-spelling = "{ $word }" blev læst som "{ $target }"
date-note-combined = de to datoer blev læst som perioden fra den første til den anden
date-note-contains = teksten nævner også { $outer }, som rummer denne dato
date-note-two-digit-year = det tocifrede årstal blev læst helt ud: { $date }
date-note-duration = varigheden ville slutte { $expected }, men teksten siger { $end }; den skrevne slutning bruges
date-note-senest = "senest" efter datoen: læst som en dato, der skal nås senest
date-note-tidligst = "tidligst" efter datoen: læst som en begyndelse tidligst da
date-note-hedge = "{ $word }": datoen er forventet, ikke fastlagt
date-note-empty-time = "kl." uden klokkeslæt efter blev sprunget over
date-note-weekday = "{ $word }" passer ikke med datoen: { $date } er en { $weekday }
date-note-joined = læst som hele perioden { $date }
date-reading-warning = "{ $text }": { $reading }
    .help = hvis det er rigtigt, så skriv kun datoen ("{ $plain }"); hvis ikke, så ret teksten

## Datoer i felterne

publish-at-not-exact = "{ $text }" er ikke én bestemt dag: `publish_at` skal sige præcis, hvornår siden må offentliggøres
    .help = skriv en dag og evt. et klokkeslæt, fx `2024-03-01 08:00`
meeting-not-exact = "{ $text }" er ikke én bestemt dag: mødedatoen for en beslutning skal være én dag
    .help = skriv mødedagen, fx `2023-09-12` eller `12. september 2023`
exact-day-needed = "{ $text }" er { $what }, men `{ $field }` skal angive én bestemt dag (et klokkeslæt kan følge)
exact-day-help = skriv én dag, fx `{ $example }`{ $deadline ->
    [yes] ; en frist uden klokkeslæt slutter kl. 23.59 den dag
   *[no] {""}
}
not-exact-span = et tidsrum og ikke ét tidspunkt
not-exact-ongoing = løbende, hvilket ikke angiver nogen dag
not-exact-no-first = en åben periode uden første dag
not-exact-no-last = en åben periode uden sidste dag
not-exact-week = en uge og ikke én dag
not-exact-month = en måned og ikke én dag
not-exact-part-of-month = en del af en måned og ikke én dag
not-exact-quarter = et kvartal og ikke én dag
not-exact-half-year = et halvår og ikke én dag
not-exact-part-of-year = en del af et år og ikke én dag
not-exact-season = en årstid og ikke én dag
not-exact-year = et år og ikke én dag
not-exact-period = en periode på flere dage og ikke én dag
hearing-closes-before-opens = høringen slutter ({ $closes }), før den begynder ({ $opens })
hearing-same-day = høringen slutter samme dag, som den begynder ({ $day }): `closes` skal være en senere dag end `opens`, så borgerne har tid til at svare
hearing-no-such-moment = klokkeslættet "{ $time }" findes ikke i sitets tidszone
hearing-period-help = `opens` er den første dag, borgerne kan svare, og `closes` er fristen, en senere dag: fx `opens: 2024-03-01` og `closes: 2024-03-29 12:00`
date-year-from-row-before = "{ $text }" har intet årstal, så planpub læste det som { $year }, årstallet i rækken før
    .help = skriv årstallet, hvis det ikke var det, du mente
title-missing = siden har ingen titel: det påkrævede felt `title` mangler eller er tomt
    .help = tilføj en linje som `title: Høring over rammeplan for …`
row-when-and-undated = en række kan ikke have både `when` og `undated`
    .help = behold `when:` for en dato eller `undated:` for en række, der med vilje ikke har nogen dato
row-no-date = rækken har ingen dato
    .help = tilføj `when: …` (fx `primo 2024`), eller `undated: efter behov` for en række, der med vilje ikke har nogen dato
withdrawal-no-reason = en tilbagetrækning skal have en begrundelse: borgere, der følger et link til punktet, får at vide, hvorfor det blev trukket tilbage
    .help = skriv begrundelsen i en sætning, fx `reason: Punktet blev offentliggjort ved en fejl.`

## Filer og mapper: hvad der gik galt

io-not-found = filen eller mappen findes ikke
io-permission-denied = du har ikke lov at bruge den (vælg en anden mappe, eller spørg den, der passer computeren)
io-already-exists = den findes allerede
io-is-a-directory = det er en mappe og ikke en fil
io-not-a-directory = en del af stien er en fil og ikke en mappe
io-storage-full = disken er fuld; skaf plads, og prøv igen
io-read-only = disken eller mappen kan kun læses, ikke skrives i
io-not-empty = mappen er ikke tom
io-invalid-data = indholdet kan ikke læses (fx fordi det ikke er UTF-8-tekst)
io-other = { $reason }

## Byggetidspunktet

clock-bad-now = "{ $text }" er ikke et tidspunkt, planpub kan læse: brug `2024-03-01`, `2024-03-01T12:00` eller `2024-03-01T12:00:00+01:00`
clock-bad-epoch = SOURCE_DATE_EPOCH er "{ $text }", som ikke er et antal sekunder siden 1970
    .help = fjern SOURCE_DATE_EPOCH for at bruge uret, eller angiv tidspunktet med `--now`

## Nye sites og filer (init, new, editor)

scaffold-not-a-site = der er ingen site.yaml i { $path }, så det er ikke en sitemappe: kør `planpub new` i mappen med site.yaml, angiv mappen med --root, eller opret et site med `planpub init`
scaffold-exists = { $path } findes allerede; planpub overskriver den ikke
    .help = vælg en anden titel, eller omdøb eller fjern den fil, der er der
scaffold-not-empty = mappen { $path } er ikke tom; vælg en ny mappe til sitet
scaffold-bad-title = der kan ikke laves et filnavn af titlen "{ $title }"; brug bogstaver eller tal
scaffold-io = { $path } kan ikke skrives: { $reason }
new-created = Oprettede { $path } (en kladde: fjern `draft: true`, når den må offentliggøres)
init-created =
    Oprettede et nyt site i { $dir } ({ $files } filer). Næste skridt:
      cd { $dir }
      planpub new hearing "Høring over …"
      planpub serve --drafts --open
    Skriv i VS Code (åbn mappen; se docs/editors.md) eller i browsereditoren på /admin/.
editor-wrote = skrev { $path }
editor-kept = beholdt { $path } (din egen; slet den for at få planpubs udgave)

## Outputmappen

output-not-ours = outputmappen { $path } findes allerede og er ikke lavet af planpub (den har ingen fil { $marker }), så planpub erstatter den ikke; vælg en anden mappe med --out, eller tøm den selv
output-overlaps = outputmappen { $path } ville indeholde eller erstatte { $what }; vælg en outputmappe uden for sitets indhold, fx `public/`
output-escapes = outputstien { $path } ville føre ud af outputmappen
output-duplicate = to ting ville blive skrevet til den samme fil { $path }
address-conflict = to forskellige ting ville blive udgivet på denne adresse: { $first } og { $second }{ $more ->
        [0] {""}
       *[other] {" "}(og { $more } mere)
    }
    .help = giv en af dem et andet navn (eller siden et andet `slug:`), så hver får sin egen adresse
address-of-page = siden fra { $file }
address-of-attachment = bilaget "{ $name }" til { $file }
address-of-an-attachment = et bilag til { $file }
address-of-file = filen { $path }
address-of-theme-file = en fil i det indbyggede tema
address-of-generated = en side, planpub selv laver (en oversigt, et feed eller et indeks)
output-overlaps-disk = hele disken eller din hjemmemappe
output-overlaps-root = sitets mappe
output-overlaps-content = mappen content
output-overlaps-folder = mappen { $folder }
ledger-unwritable = beslutningsloggen kan ikke skrives: { $reason }
    .help = planpub skriver loggen ved hver build; se, at sitets mappe kan skrives, og byg igen
output-io = { $path } kan ikke skrives: { $reason }

## Arkivkopier og kontrol af dem

snapshot-bag = Pose: { $path } ({ $files } filer, { $size } MB)
snapshot-warc = WARC: { $path }
snapshot-failed = Der blev ikke skrevet nogen arkivkopi ({ $counts }).
bag-valid = posen er i orden ({ $checked } filer kontrolleret)
bag-invalid = posen er ikke i orden: { $n ->
    [one] 1 problem
   *[other] { $n } problemer
} ({ $checked } filer kontrolleret)
bag-missing = { $path }: står i manifestet, men mangler
bag-extra = { $path }: findes, men står ikke i manifest-sha256.txt
bag-checksum = { $path }: kontrolsummen passer ikke (ventet { $expected }, fundet { $actual })
bag-oxum = bag-info.txt: Payload-Oxum er { $expected }, men indholdet er { $actual }
bag-problem = { $path }: { $detail }
bag-unreadable = { $path }: kan ikke læses: { $reason }
bag-tag-not-utf8 = er ikke gyldig UTF-8
bag-tag-missing = mangler
bag-tag-bad-version = BagIt-Version { $value } er forkert skrevet
bag-tag-no-version = der er ingen linje med BagIt-Version
bag-tag-encoding = Tag-File-Character-Encoding er { $value }; kun UTF-8 understøttes
bag-tag-no-encoding = der er ingen linje med Tag-File-Character-Encoding
bag-line-no-path = linje { $line }: der står ingen sti efter kontrolsummen
bag-line-bad-sum = linje { $line }: { $sum } er ikke en SHA-256-kontrolsum
bag-line-bad-path = linje { $line }: stien { $path } { $why }
bag-path-empty = er tom
bag-path-absolute = er absolut eller indeholder NUL
bag-path-component = har en tom del, en '.' eller en '..'
bag-line-twice = linje { $line }: { $path } står der to gange
bag-tag-lists-payload = nævner indholdsfilen { $path }; et tag-manifest nævner kun tag-filer
bag-not-file-tag = står i tagmanifest-sha256.txt, men er ikke en almindelig fil
bag-data-unlisted = kan ikke gennemgås: { $reason }
bag-data-not-dir = indholdsmappen er ikke en mappe
bag-data-missing = indholdsmappen mangler
bag-manifest-missing = mangler (indholdet er ikke kontrolleret; kun SHA-256-manifester understøttes)
bag-outside-data = { $path } ligger uden for indholdsmappen data/
bag-not-file-symlink = er et symbolsk link, som ikke er tilladt i indholdet
bag-not-file-other = er ikke en almindelig fil
bag-oxum-bad = Payload-Oxum { $value } er forkert skrevet
bag-oxum-twice = Payload-Oxum står der mere end én gang
bag-fetch-unsupported = fetch.txt understøttes ikke; posen er måske ikke komplet
archive-io = { $path }: { $reason }
archive-not-a-bag = { $path }: er ikke en BagIt-pose: { $reason }
    .help = angiv den mappe, som `planpub snapshot` skrev; den indeholder en fil `bagit.txt`
bag-reason-not-dir = det er ikke en mappe
bag-reason-missing = den findes ikke
bag-reason-no-bagit = der er ingen bagit.txt
archive-exists = { $path }: findes allerede (en posemappe skal være fraværende eller tom, en WARC-fil fraværende)
    .help = vælg en anden mappe med `--out`, eller flyt den tidligere arkivkopi væk
archive-symlink = { $path }: symbolske links er ikke tilladt i et site, der skal arkiveres
archive-special-file = { $path }: er hverken en almindelig fil eller en mappe
archive-non-utf8 = { $path }: filnavnet er ikke gyldig UTF-8
archive-not-a-directory = { $path }: sitets mappe findes ikke eller er ikke en mappe
archive-output-inside = { $path }: arkivkopien må ikke ligge i sitets mappe { $site }
    .help = vælg en mappe uden for sitet med `--out`
archive-base-url = den offentlige adresse { $url } kan ikke bruges: { $reason }
archive-metadata = metadata kan ikke skrives: { $reason }

## Forhåndsvisningen (serve)

serve-port-in-use = port { $port } bruges allerede af et andet program, så forhåndsvisningen kan ikke starte
    .help = vælg en anden port med `--port`, fx `--port { $next }`, eller stop det andet program (måske en `planpub serve`, der stadig kører)
serve-bind-denied = forhåndsvisningen må ikke lytte på { $addr }
    .help = vælg en port over 1023 med `--port`, eller en anden adresse med `--bind`
serve-bind-unavailable = adressen { $addr } hører ikke til denne computer, så forhåndsvisningen kan ikke lytte på den
    .help = udelad `--bind` for kun at vise sitet på denne computer (127.0.0.1), eller angiv en af computerens adresser
serve-bind-failed = forhåndsvisningen kan ikke lytte på { $addr }: { $reason }
serve-thread = forhåndsvisningen kunne ikke starte: { $reason }
serve-watch = sitets mappe kan ikke overvåges for ændringer: { $reason }
    .help = på Linux kan grænsen for overvågede mapper være nået; hæv `fs.inotify.max_user_watches`, eller luk andre programmer, der overvåger mange filer
serve-io = mappen til forhåndsvisningen kan ikke oprettes: { $reason }
serve-built = Byggede { $pages } sider på { $ms } ms.
serve-problems = Sitet har fejl; forhåndsvisningen viser dem, indtil de er rettet.
serve-url = Forhåndsvisningen kører på { $url }  (Ctrl-C stopper den)
serve-keeps-time = Forhåndsvisningen følger uret: næste genopbygning { $at } ({ $what }).
serve-tick = { $at }: { $what }.
serve-stopped = Stoppet.
serve-rebuilt = Genopbygget på { $ms } ms: { $parsed } fil(er) læst, { $rendered } side(r) lavet, { $written } fil(er) opdateret, { $removed } fjernet
serve-change-problems = Ændringen har fejl; forhåndsvisningen viser den seneste gode version med listen over fejl.
serve-warnings-again = { $warnings } som før (alle vises med `planpub check`)
serve-no-browser = Der kunne ikke åbnes en browser; åbn selv { $url }.

## planpub date

date-out-text = tekst:     { $value }
date-out-start = start:     { $value }
date-out-end = slut:      { $value }
date-out-precision = præcision: { $value }
date-out-role = rolle:     { $value }
date-out-display = visning:   { $value }
date-out-ignored = oversprunget: "{ $value }"
date-out-note = bemærk:    { $value }
date-out-open = (åben)
schedule-nothing = Intet på sitet ændrer sig efter { $at }.

## Filer, som siderne henviser til (bilag, links)

file-unreadable = filen kan ikke læses: { $reason }
file-not-utf8 = filen er ikke gemt som UTF-8-tekst, så dens bogstaver (fx æ, ø og å) kan ikke læses
    .help = åbn filen i din editor, og gem den igen med tegnsættet "UTF-8"
content-link-unusable = dette er et link til { $what }, så planpub læser det ikke, og siden offentliggøres ikke
    .help = kopiér filen ind i sitets indholdsmappe i stedet for at linke til den
link-to-nothing = noget, der ikke findes
link-outside = en fil eller mappe uden for sitets mappe
link-to-folder = en mappe (planpub følger ikke links til mapper)
path-empty = er tom
path-backslash = indeholder en omvendt skråstreg; brug `/` mellem mapperne
path-parent = bruger `..`, som ville pege ud af mappen
path-absolute = er en absolut sti, som kunne pege hvor som helst på computeren
attachment-path-unsafe = filstien "{ $file }" { $why }
    .help = skriv filnavnet i forhold til Markdown-filen, fx `hoeringsmateriale.pdf` eller `bilag/notat.pdf`
attachment-missing = bilaget "{ $file }" ("{ $title }") findes ikke
    .help = læg filen i mappen `{ $folder }` ved siden af Markdown-filen eller i `static/`, eller ret filnavnet
attachment-outside = bilaget "{ $file }" er et link til en fil uden for sitets mappe, og den offentliggør planpub ikke
    .help = kopiér filen ind i sitets mappe i stedet for at linke til den
attachment-active = bilaget "{ $file }" er { $kind }, en filtype, som browsere kører programkode i; lagt ud på sitets egen adresse kunne den ændre sitets sider eller læse, hvad de besøgende skriver, så planpub offentliggør den ikke
    .help = offentliggør den som PDF eller som billede (PNG, JPEG) i stedet; hvis jeres organisation selv har lavet filen og stoler på den, så tillad typen i site.yaml: `allow_active_attachments: [{ $ext }]`
active-html = en HTML-side
active-xhtml = en XHTML-side
active-svg = et SVG-billede
active-javascript = et JavaScript-program
active-wasm = et WebAssembly-program
active-flash = et Flash-program
active-xml = et XML-dokument
link-to-hidden = linket til "{ $dest }" peger på { $file } ({ $title }), som er en kladde eller endnu ikke offentliggjort, så linket udelades, og teksten vises uden link
    .help = fjern linket, eller offentliggør først den side, det peger på
attachment-unreadable = bilaget "{ $file }" kan ikke læses: { $reason }
publish-file-unreadable = filen, der skal offentliggøres, kan ikke læses: { $reason }

## Sitets indstillinger (site.yaml)

site-yaml-unreadable = sitets indstillinger kan ikke læses: { $reason }
    .help = hvert site har en `site.yaml` i sin øverste mappe (se efter `--root`); `planpub init` opretter en
site-no-title = sitet har ingen titel: `title` er tom
    .help = skriv sitets navn, fx `title: Planer og høringer i Eksempel Kommune`
theme-help = kopiér temaet ind i sitet, fx til `themes/mit-tema`, og skriv `theme: themes/mit-tema`
theme-outside = temamappen "{ $theme }" er et link til en mappe uden for sitets mappe, og dens filer offentliggør planpub ikke
theme-unsafe = temamappen "{ $theme }" { $why }; et tema skal være en mappe i sitets mappe
theme-missing = temamappen "{ $theme }" findes ikke
    .help = angiv en mappe i forhold til sitets øverste mappe, eller fjern `theme:` for at bruge det indbyggede tema
privacy-both = privatlivserklæringen har både `page` og `url`, så det er uklart, hvilken der skal linkes til
    .help = behold `page` for en side på dette site eller `url` for en erklæring et andet sted
licence-url = "{ $url }" er ikke en webadresse
    .help = angiv adressen på licensteksten, fx `https://creativecommons.org/licenses/by/4.0/`
timezone-unknown = "{ $zone }" er ikke en kendt tidszone
    .help = brug et IANA-navn som `Europe/Copenhagen`
base-url-help = skriv den fulde adresse på det offentliggjorte site, fx `https://planer.example.dk/` (uden `?`- eller `#`-del)

## Web- og e-mailadresser

url-empty = adressen er tom
url-bad-character = { $text } indeholder et mellemrum, et linjeskift, et styretegn, et anførselstegn eller < >, som en webadresse ikke kan indeholde
url-scheme = { $text } er ikke en webadresse, planpub vil linke til: den skal begynde med https:// eller http://, ikke `{ $scheme }:`
url-invalid = { $text } er ikke en hel webadresse: den skal begynde med https:// og have et værtsnavn, fx https://www.kommune.dk/
url-credentials = { $text } har et brugernavn eller en adgangskode før værtsnavnet, et kendt trick til at skjule, hvor et link fører hen
url-query = { $text } har en forespørgsel (`?…`) eller et afsnitsmærke (`#…`); sitets adresse kan ikke have nogen af delene
url-help = skriv hele adressen, begyndende med https://, fx `https://www.kommune.dk/hoeringer/svar`
email-empty = e-mailadressen er tom
email-bad-character = { $text } indeholder et mellemrum, et linjeskift eller et styretegn, som en e-mailadresse ikke kan indeholde
email-reserved = { $text } indeholder et af tegnene ? & = % " < > ( ) , ; :, som planpub ikke godtager i en e-mailadresse (de kunne tilføje skjulte modtagere eller tekst til mailen)
email-invalid = { $text } er ikke en e-mailadresse: skriv én adresse på formen navn@kommune.dk
email-help = skriv én adresse, fx `hoering@kommune.dk`; skriv anden tekst (et emne, et navn) i sit eget felt

## Skabeloner (temaet og sitets egne templates/)

template-unreadable = skabelonen kan ikke læses: { $reason }
translations-invalid = oversættelsesfilen er ikke gyldig: { $reason }
    .help = hver linje er `etiket: tekst`; sæt teksten i anførselstegn, hvis den indeholder `: `
template-syntax = skabelonen kunne ikke læses: `{ $name }` har en fejl i linje { $line }, kolonne { $column }
template-syntax-help = se efter, at hver `{"{{"}` har sin `{"}}"}` og hver `{"{%"}` sin `{"%}"}`, og at navnene er stavet rigtigt; linjen er: `{ $text }`
template-load-failed = skabelonen kunne ikke læses: `{ $name }`: { $problem }
page-not-rendered = siden kunne ikke laves med skabelonen `{ $name }`: { $problem }
template-no-value = den bruger værdien `{ $value }`, som ikke findes her
template-no-filter = den bruger filteret `{ $filter }`, som ikke findes
template-no-template = den bruger skabelonen `{ $other }`, som ikke findes
template-failed = skabelonmotoren Tera stoppede
template-help = sammenlign stavningen i skabelonen med temaets egne skabeloner (themes/default/templates i planpubs kildekode), eller slet sitets kopi for at bruge den indbyggede
template-detail = Teras egne ord (teknisk): `{ $detail }`

## Arkivkopier: at skrive dem

snapshot-no-drafts = en arkivkopi gemmer det offentliggjorte site og tager derfor aldrig kladder med; kør den uden --drafts
snapshot-exists = der findes allerede en arkivkopi af sitet for denne dag; planpub overskriver ikke et arkiv (flyt det væk først)
    .help = vælg en anden mappe med `--out`, eller flyt den tidligere arkivkopi væk
snapshot-folder = mappen kan ikke oprettes: { $reason }
snapshot-work-folder = der kan ikke oprettes en arbejdsmappe: { $reason }

## planpub --help

help-usage = Brug:
help-heading-commands = Kommandoer
help-heading-arguments = Argumenter
help-heading-options = Tilvalg
help-flag = Vis hjælpen
help-version = Vis versionen
help-help = Vis denne hjælp eller hjælpen til en kommando
help-planpub = Offentliggør planer, høringer og politiske beslutninger som et statisk website
help-planpub-build = Byg websitet i outputmappen
help-planpub-snapshot = Byg sitet, og skriv en arkivkopi: en BagIt-pose og en WARC-fil
help-planpub-serve = Forhåndsvis sitet: byg det, vis det på denne computer, og byg og genindlæs ved hver gemning
help-planpub-verify = Kontrollér en BagIt-pose: hver fil findes, ingen er i overskud, hver kontrolsum passer
help-planpub-check = Kontrollér alt uden at skrive noget
help-planpub-new = Opret en ny indholdsfil med felterne udfyldt (i sitets mappe)
help-planpub-date = Vis, hvordan planpub læser en datotekst (start, slut, præcision, visning)
help-planpub-schedule = Vis alle fremtidige tidspunkter, hvor en side ændrer sig, så sitet kan bygges igen
help-planpub-import = Lav en procesplantabel (Word, OpenDocument, Excel eller CSV) om til en kladde til en planside
help-planpub-init = Opret en ny sitemappe, der kan bygges med det samme
help-planpub-editor = Skriv (eller opdatér) hjælpen til editorerne: JSON-skemaer for felterne, VS Code-indstillinger og -skabeloner og browsereditoren i static/admin/
help-arg-root = Sitets mappe (med site.yaml og content/); kan stå før eller efter kommandoen [standard: .]
help-arg-lang = Sproget i planpubs beskeder: da eller en [standard: PLANPUB_LANG, ellers sitets sprog, ellers da]
help-arg-drafts = Tag kladder og punkter under embargo med: til forhåndsvisning, aldrig til offentliggørelse
help-arg-now = Byg, som det ser ud på dette tidspunkt: 2024-03-01, 2024-03-01T12:00 eller RFC 3339 (2024-03-01T12:00:00+01:00); uden den SOURCE_DATE_EPOCH, ellers uret
help-arg-base_url = En anden offentlig adresse end base_url i site.yaml, fx til en testserver
help-arg-offline = Skriv links, der ender på index.html, så sitet også virker, når det åbnes fra disken
help-arg-port = Porten, der lyttes på; 0 tager en vilkårlig ledig port [standard: 1212 eller den næste ledige port efter den]
help-arg-bind = Adressen, der lyttes på; 127.0.0.1 viser kun sitet på denne computer [standard: 127.0.0.1]
help-arg-open = Åbn forhåndsvisningen i browseren
help-arg-bag = Posens mappe
help-arg-format = text, eller json til andre programmer [standard: text]
help-arg-kind = Hvad der skal oprettes: plan, hearing (høring), decision (beslutning) eller page (side)
help-arg-text = Datoen, som den står skrevet, fx "ultimo april 2008"
help-arg-year = Årstallet for en dato skrevet uden årstal
help-arg-file = Dokumentet: .docx, .odt, .xlsx, .xls, .ods eller .csv
help-arg-columns = Hvilken kolonne der rummer hvad, talt fra 1, når overskrifterne er usædvanlige: fx when=2,what=1,who=3 (også track, level, note)
help-arg-dry_run = Vis rækkerne, som planpub læser dem, og skriv intet
help-planpub-build-out = Outputmappe [standard: public/ i sitets mappe]
help-planpub-snapshot-out = Mappe til arkivkopien [standard: snapshot/ i sitets mappe]
help-planpub-check-format = Hvordan problemerne vises: text for mennesker, json til andre programmer [standard: text]
help-planpub-date-format = text, eller json: datoobjektet fra de åbne data [standard: text]
help-planpub-new-title = Titlen; filnavnet laves af den
help-planpub-import-title = Planens titel [standard: dokumentets første overskrift]
help-planpub-init-dir = Mappen, der skal oprettes

## Hearings, plans and decisions: editorial checks

hearing-too-short = høringsperioden er { $days } dage, kortere end de mindst { $min } dage, der kræves
    .help = planlovens § 24 kræver 8 uger for de fleste planforslag, 4 uger for en lokalplan og 2 uger for en mindre ændring; skriv `min_days:` i høringen, hvis en kortere periode er lovlig her
hearing-no-respond = høringen giver ikke borgerne nogen måde at svare på
    .help = tilføj `respond:` med mindst én af `email:`, `address:` eller `url:`
hearing-responses-held-back = høringssvar og høringsnotat holdes tilbage, til fristen ({ $deadline }) er udløbet
    .help = de kommer på sitet, første gang sitet bygges efter fristen; `planpub schedule` viser hvornår
hearing-no-documents = høringen er åben, men har intet høringsmateriale
    .help = tilføj `documents:` med det materiale, borgerne bliver hørt om
decision-no-outcome = mødet { $meeting } er begyndt, men ingen af indstillingerne har en afgørelse
    .help = skriv afgørelsen på hver indstilling, for eksempel `outcome: approved` (approved | discussed | noted | rejected | postponed)
decision-held-back = afgørelser, bemærkninger og fraværende medlemmer holdes tilbage til mødet { $meeting }: før mødet er punktet et dagsordenspunkt
    .help = de kommer på sitet, første gang sitet bygges fra mødet og frem; `planpub schedule` viser hvornår
decision-same-item = { $other } har allerede punkt { $item } på mødet { $meeting } — to beslutninger kan ikke have samme udvalg, møde og punkt
    .help = tjek punktets nummer på dagsordenen (`item:`)
plan-own-ancestor = planen "{ $slug }" ligger under sig selv: følger man `parent`, kommer man tilbage til den
    .help = en plans overordnede plan (`parent`) skal ligge over den, aldrig være en af dens egne delplaner

## A plan's written status and what its sources say

status-conflict = der står `status: { $status }`, men { $why }
status-conflict-help = fjern `status:`, så vises den status, planens tidslinje, høringer og beslutninger giver{ $derived ->
    [none] {""}
   *[other] {" "}(nu: `{ $derived }`)
}, eller opdatér tidslinjen
status-reason-hearing-open = høringen "{ $title }" er åben
status-reason-hearing-ahead = høringen "{ $title }" er ikke åbnet endnu
status-reason-hearing-step-now = tidslinjens høringstrin "{ $what }" ({ $when }) er i gang nu
status-reason-step = tidslinjens trin "{ $what }" ({ $when }) { $now ->
    [yes] er i gang nu
   *[no] ligger endnu forude
}
status-reason-archived = alle tidslinjens trin er gennemført, det sidste for mere end et år siden ({ $last })
status-reason-not-adopted = planen er ikke vedtaget
status-reason-approved = beslutningen "{ $title }" har vedtaget den
status-reason-no-hearing-open = ingen høring om planen er åben på det tidspunkt, sitet bygges{ $which ->
    [ahead] {" "}("{ $title }" er ikke åbnet endnu)
    [closed] {" "}("{ $title }" er lukket)
   *[none] {""}
}
status-adoption-step = tidslinjens vedtagelsestrin "{ $what }" ({ $when })
status-adoption-approved-nothing = { $step } er holdt, men beslutningen "{ $title }" vedtog ingenting
status-adoption-agenda = { $step } ligger endnu forude: beslutningen "{ $title }" er et dagsordenspunkt indtil mødet { $meeting }
status-adoption-withdrawn = beslutningen "{ $title }" om { $step } er trukket tilbage
status-adoption-unpublished = { $step } henviser til beslutningen "{ $title }", som ikke er offentliggjort
status-adoption-done = { $step } er gennemført
status-adoption-now = { $step } er i gang nu
status-adoption-upcoming = { $step } ligger endnu forude

## Slugs and references between items (continued)

slug-duplicate-help = hver side skal have sin egen webadresse: omdøb en af filerne, eller giv den sin egen `slug:`
slug-reserved = adressen (slug) "{ $slug }" bruges af planpub selv
    .help = vælg et andet filnavn eller en anden `slug:`; disse er optaget: { $reserved }
ref-wrong-type = "{ $slug }" er { $type ->
    [plan] en plan
    [hearing] en høring
    [decision] en beslutning
   *[page] en side
}, men her skal stå { $expected ->
    [plan] en plan
    [hearing] en høring
    [decision] en beslutning
   *[page] en side
}
ref-not-public = "{ $slug }" er en kladde eller endnu ikke offentliggjort, så linket til den udelades
ref-withdrawn = "{ $slug }" er trukket tilbage, så linket til den udelades
    .help = en tilbagetrukket beslutning viser kun meddelelsen om, at den er trukket tilbage; fjern henvisningen

## The decision ledger

ledger-damaged = beslutningsloggen kan ikke læses: filen er beskadiget
    .help = loggen skrives af planpub; hent den tilbage fra versionsstyringen (for eksempel Git)
ledger-unreadable = beslutningsloggen kan ikke læses: { $reason }
ledger-withdrawal-changed = tilbagetrækningen, der blev registreret { $recorded } (dato { $date }, begrundelse "{ $reason }"), er blevet ændret: en registreret tilbagetrækning kan ikke ændres
    .help = sæt `withdrawn:` tilbage til datoen { $date } og den begrundelse
ledger-withdrawal-removed = denne beslutning blev trukket tilbage { $date } ({ $reason }), og `withdrawn:` er fjernet: en tilbagetrækning kan ikke gøres om
    .help = sæt `withdrawn:` ind igen med datoen { $date } og begrundelsen; offentliggør en ny beslutning, hvis sagen afgøres igen
ledger-changed = denne beslutning blev offentliggjort { $recorded } og er ændret siden uden en rettelse: en offentliggjort beslutning er et arkivstykke og må ikke ændres i det stille
    .help =
        fortryd ændringen, eller tilføj et punkt under `corrections:` med datoen og en note om, hvad der er rettet og hvorfor, for eksempel:
        corrections:
          - date: 2024-03-01
            note: Stavefejl i indstilling 2 rettet.
ledger-gone = den offentliggjorte beslutning "{ $title }" ({ $path }) er ikke længere på sitet
    .help =
        læg filen tilbage: en offentliggjort beslutning bliver på sin faste adresse. Vil I tage den ned, så tilføj dette i dens front matter
        withdrawn:
          date: { $today }
          reason: Hvorfor punktet trækkes tilbage.
        Loggen registrerer så tilbagetrækningen, og adressen viser kun, at punktet er trukket tilbage, hvornår og hvorfor

## YAML limits, tags and aliases

yaml-too-large = felterne øverst i filen fylder { $bytes } byte, mere end planpub læser ({ $max } byte, 4 MiB)
    .help = flyt lang tekst ned i sidens tekst under den afsluttende `---`, eller del filen op
yaml-too-deep = felterne ligger mere end { $max } niveauer inde i hinanden her, mere end planpub læser
    .help = planpubs felter ligger højst fem niveauer inde i hinanden; se efter en `[` eller `{"{"}`, der aldrig lukkes, eller en indrykning, der bliver ved med at vokse
yaml-recursion = felterne ligger for mange niveauer inde i hinanden her, mere end planpub læser
    .help = planpubs felter ligger højst fem niveauer inde i hinanden; se efter en `[` eller `{"{"}`, der aldrig lukkes
yaml-tag = `{ $tag }` er et YAML-mærke (tag), som planpub ikke læser: værdien ville ikke betyde det, den ser ud til
    .help = fjern `{ $tag }`, og skriv værdien som almindelig tekst; sæt teksten i anførselstegn, hvis den virkelig begynder med `!`
yaml-too-many-items = her er { $n } punkter, flere end planpub læser ({ $max })
    .help = fordel indholdet på flere filer
yaml-alias-repetition = henvisningerne med `*` (aliasser) gentager her andre værdier så mange gange, at felterne ville vokse helt vildt, så planpub læser dem ikke
    .help = skriv værdierne ud i stedet for at gentage dem med `&navn` og `*navn`
expected-text-or-number = tekst eller et tal
found-tagged = en værdi med et YAML-mærke

## The content file: front matter, type, slug, meetings

frontmatter-missing = filen begynder ikke med felterne (front matter): første linje skal være `---`, derefter YAML-felterne og så en linje med `---`
frontmatter-not-closed = felterne (front matter), der begynder i linje 1, afsluttes aldrig: tilføj en linje med kun `---` efter det sidste felt
frontmatter-not-fields = felterne øverst i filen skal være linjer af formen `felt: værdi`
type-not-one-word = `type` skal være ét ord (plan, hearing, decision eller page), men her står { $found }
type-one-line = skriv det på én linje, for eksempel `type: { $guess }`
found-something-else = noget andet
type-missing = det påkrævede felt `type` mangler: planpub skal vide, hvilken slags indhold det er
    .help = tilføj en første linje `type: { $guess }` (en af plan, hearing, decision, page)
type-unknown = `{ $value }` er ikke en indholdstype
type-did-you-mean = mente du `{ $suggestion }`? Typerne er plan, hearing, decision og page
type-list = typerne er plan, hearing, decision og page
html-cut = HTML-koden `{ $what }` ville skjule teksten efter den, så den vises på siden som tekst, præcis som den er skrevet
    .help = skriv teksten uden `<` `>` (for eksempel "script-tag"), eller sæt den i backticks: `<script>`
slug-empty = en adresse (slug) kan ikke være tom
slug-invalid = "{ $slug }" kan ikke bruges som adresse (slug): brug kun små bogstaver a–z, tal og enkelte bindestreger (for eksempel "rammeplan-psykisk-syge"); skråstreger, punktummer, mellemrum og æ, ø, å kan ikke bruges
slug-too-long = webadressen, der laves af dette, ville være { $length } tegn lang, mere end de { $max }, en del af en webadresse må have
slug-short-help = vælg en kort adresse på nogle få ord, for eksempel `rammeplan-2024`
slug-from-file = der kan ikke laves en webadresse af filnavnet "{ $name }"
    .help = omdøb filen, så navnet har bogstaver og tal, eller tilføj et kortere `slug:`-felt
slug-from-file-long = der kan ikke laves en webadresse af filnavnet "{ $name }": { $detail }
    .help = omdøb filen, så navnet har bogstaver og tal, eller tilføj et kortere `slug:`-felt
meeting-until-not-time = "{ $text }" er ikke et klokkeslæt
    .help = skriv det klokkeslæt, mødet slutter, for eksempel `until: "21:00"`
meeting-until-no-start = `until` kræver, at `when` angiver én dag og et starttidspunkt
    .help = skriv starttidspunktet i `when`, for eksempel `when: 2024-05-12 19:00`
meeting-end-twice = mødets sluttidspunkt står to steder: i `when` og i `until`
    .help = behold kun det ene
meeting-ends-before = mødet slutter ({ $until }), før det begynder ({ $start })
    .help = `until` er det klokkeslæt, mødet slutter på dagen
committee-no-letters = planpub laver beslutningens faste webadresse af udvalgets navn, og "{ $name }" har ingen bogstaver eller tal, som en webadresse kan indeholde (a–z, 0–9, æ, ø, å og latinske bogstaver med accent)
    .help = skriv udvalgets eller rådets navn med latinske bogstaver, for eksempel `Områdeudvalg socialområdet`
identity-line = {" "}(linje { $line })
identity-shared = { $what ->
    [timeline] tidslinjens rækker
   *[meetings] møderne
} { $first }{ $line1 } og { $second }{ $line2 } har samme identitet, så deres begivenheder i kalenderen ville få samme UID
    .help = identiteten laves af { $what ->
        [timeline] `what` og `who`
       *[meetings] `what` og `where`
    } eller af `id:`, når det er angivet: giv en af de to sin egen `id:`, for eksempel `id: { $example }`

## planpub schedule: what changes when

schedule-published = "{ $title }" offentliggøres (publish_at)
schedule-hearing-opens = høringen "{ $title }" åbner
schedule-hearing-closes = høringen "{ $title }" lukker; høringssvar og høringsnotat offentliggøres
schedule-days-left = høringen "{ $title }": { $days ->
    [0] fristen er i dag
    [one] 1 dag tilbage
   *[other] { $days } dage tilbage
}
schedule-meeting-begins = mødet om "{ $title }" begynder; afgørelsen offentliggøres
schedule-withdrawn = "{ $title }" trækkes tilbage; kun meddelelsen om det bliver stående
schedule-archived = planen "{ $title }" regnes nu som arkiveret
schedule-step-starts = "{ $what }" i "{ $title }" begynder (nu)
schedule-step-done = "{ $what }" i "{ $title }" er gennemført
schedule-new-day = en ny dag begynder

## planpub import: --columns

columns-shape = `{ $part }` i --columns har ikke formen felt=nummer (for eksempel `when=2`)
columns-unknown-field = `{ $name }` i --columns er ikke et af felterne{ $suggestion ->
    [none] {""}
   *[other] {" "}(mente du `{ $suggestion }`?)
}; felterne er when, what, who, track, level og note
columns-bad-number = `{ $part }` i --columns er ikke et kolonnenummer: tæl kolonnerne fra 1 længst til venstre
columns-twice = --columns nævner `{ $field }` to gange
columns-same-column = --columns giver kolonne { $column } både til `{ $first }` og `{ $second }`
columns-incomplete = --columns skal angive en `what`-kolonne og en `when`-kolonne (eller en `track`-kolonne)

## Kommandolinjen

cli-unknown-argument = `{ $arg }` er ikke et tilvalg til denne kommando
cli-unknown-command = `{ $arg }` er ikke en af planpubs kommandoer
cli-invalid-value = `{ $value }` kan ikke bruges til `{ $arg }`{ $valid ->
        [none] {""}
       *[other] ; tilladte værdier: { $valid }
    }
cli-missing-argument = `{ $arg }` skal angives
cli-conflict = `{ $arg }` kan ikke bruges sammen med `{ $other }`
cli-bad-value = `{ $arg }` har ikke en værdi, planpub kan læse
cli-not-understood = planpub forstår ikke kommandolinjen
cli-see-help = `planpub --help` viser kommandoerne, og `planpub <kommando> --help` viser en kommandos tilvalg

## planpub import: hvorfor en fil ikke kan importeres

import-io = { $path } kan ikke læses: { $reason }
import-damaged = { $path } kan ikke importeres: { $why }
    .help = åbn filen i det program, den er lavet i (fx Word, Excel eller LibreOffice), gem den igen, og importér den gemte fil
import-why-not-zip = den kan ikke åbnes som en ZIP-pakke, og det kan alle Word- og OpenDocument-filer (teknisk: "{ $detail }")
import-why-part-unreadable = delen `{ $part }` i filen kan ikke læses (teknisk: "{ $detail }")
import-why-part-unpacked = delen `{ $part }` i filen kan ikke pakkes ud (teknisk: "{ $detail }")
import-why-part-xml = delen `{ $part }` i filen er ikke gyldig XML (teknisk: "{ $detail }")
import-why-not-word = den har ingen `{ $part }`, så den er ikke et Word-dokument
import-why-not-opendocument = den har ingen `{ $part }`, så den er ikke en OpenDocument-fil
import-why-sheet = regnearket kan ikke læses (teknisk: "{ $detail }")
import-why-csv = den kan ikke læses som CSV (teknisk: "{ $detail }")
import-format = { $path } kan ikke importeres: planpub læser .docx-, .odt-, .xlsx-, .xls-, .ods- og .csv-filer, ikke .{ $extension }
    .help = gem dokumentet som .docx eller .xlsx (eller .odt, .ods eller .csv), og importér den fil
import-format-no-extension = { $path } kan ikke importeres: planpub læser .docx-, .odt-, .xlsx-, .xls-, .ods- og .csv-filer, og filnavnet ender ikke på nogen af dem
    .help = gem dokumentet som .docx eller .xlsx (eller .odt, .ods eller .csv), og importér den fil
import-no-table = { $path } har ingen tabel med en kolonne med datoer og en kolonne med aktiviteter{ $found }
    .help = angiv kolonnerne med `--columns`, for eksempel `--columns when=1,what=2,who=3` (kolonnerne tælles fra 1 længst til venstre); planpub kender blandt andet overskrifterne Tid, Tidspunkt, Dato, Hvornår, Emne, Aktivitet, Opgave, Hvem, Ansvarlig, Udviklingsspor, Tiltag og Niveau
import-found-no-tables = {" "}(den har slet ingen tabeller)
import-found-tables = ; dens tabeller begynder med: { $tables }
import-bad-title = der kan ikke laves et filnavn af titlen "{ $title }"
    .help = giv planen en titel med bogstaver eller tal: `--title "…"`
import-exists-help = vælg en anden titel med `--title "…"`, eller omdøb eller fjern den fil, der er der
import-yaml = planen kan ikke skrives som YAML (teknisk: "{ $detail }")

## planpub import: hvad der blev læst, og hvad der skal ses efter

import-at-table = tabel { $table }, række { $row }
import-at-sheet = arket "{ $sheet }", række { $row }
import-at-row = række { $row }
import-table-numbered = tabel { $n }
import-table-sheet = arket "{ $sheet }"
import-table-csv = tabellen
import-other-table = { $what } (overskrifter: "{ $headings }") er hverken en tidslinje eller en tabel med udviklingsspor, så den er kopieret ind i brødteksten som en tabel
import-other-table-help = hvis det er planens tidslinje, så angiv dens kolonner, for eksempel `--columns when=1,what=2,who=3`
import-other-table-fewer-columns = den har færre kolonner, end `--columns { $columns }` nævner
import-no-heading = dokumentet har ingen overskrift, så planen har fået titlen "{ $title }" efter filnavnet
    .help = angiv titlen med `--title "…"`
import-no-what = rækken har ingen tekst om, hvad der sker
    .help = skriv, hvad der sker, i feltet `what:`
import-unknown-level = planpub kender ikke niveauet "{ $level }", så det er gemt i bemærkningen
    .help = niveauerne er `central` og `local`
import-track-unnamed = første række i tabellen med udviklingsspor nævner intet spor, så sporet hedder "{ $name }"
    .help = skriv sporets navn i feltet `name:`
import-undated-empty = der står ingen dato i cellen
import-undated-not-a-date = "{ $text }" er ikke en dato, som planpub kan læse.
import-what-rows = { $rows ->
    [one] 1 række i tidslinjen
   *[other] { $rows } rækker i tidslinjen
}
import-what-tracks = { $rows ->
    [one] 1 række i tidslinjen
   *[other] { $rows } rækker i tidslinjen
} og { $actions } tiltag i { $tracks } udviklingsspor
import-written = Importerede { $what } til { $path } (en kladde: fjern `draft: true`, når den må offentliggøres)
import-dry-run = Læste { $what }; intet er skrevet (`--dry-run`).
import-undated = { $n ->
    [one] 1 række har ingen dato, som planpub kan læse, så den er importeret som `undated:` med teksten, som den står:
   *[other] { $n } rækker har ingen dato, som planpub kan læse, så de er importeret som `undated:` med teksten, som den står:
}
import-undated-help = skriv en dato, som planpub kan læse, i `when:` (`planpub date "…"` viser, hvordan planpub læser en tekst), eller behold `undated:` for en række uden dato
import-empty = (tom)

## planpub import --dry-run: rækkerne, som de blev læst

import-rows-title = Titel: { $title } ({ $from })
import-title-from-option = fra `--title`
import-title-from-heading = dokumentets første overskrift
import-title-from-file-name = fra filnavnet
import-rows-target = Ville oprette: { $path }
import-rows-target-exists = { $path } (den findes allerede: importen ville ikke overskrive den)
import-rows-timeline = Tidslinje ({ $n ->
    [one] 1 række
   *[other] { $n } rækker
}): hvor, datoen som skrevet, fra – til, præcision, hvad [hvem]
import-rows-track = Udviklingsspor "{ $name }" ({ $n } tiltag):
import-rows-body = Brødtekst: { $n } afsnit uden for tabellerne
import-precision-day = dag
import-precision-week = uge
import-precision-month = måned
import-precision-part-of-month = del af måned
import-precision-quarter = kvartal
import-precision-half-year = halvår
import-precision-part-of-year = del af år
import-precision-season = årstid
import-precision-year = år
import-precision-range = periode
import-precision-open-ended = åben periode
import-precision-ongoing = løbende
import-precision-undated = uden dato
