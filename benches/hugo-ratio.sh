#!/usr/bin/env bash
# planpub against Hugo on the same generated content: one full build of each, in one
# run, and the planpub/Hugo ratio of their wall times (and of their peak memory).
#
#   benches/hugo-ratio.sh [N]        N documents, default 10000
#
# Needs `hugo` on PATH (Debian: apt-get install -y hugo). The script builds planpub and
# the generator in release mode, writes the benchmark site of benches/support.rs
# (`generate_site`, as `cargo bench --bench build` uses it) and a minimal Hugo site
# whose contentDir is that same content folder: Hugo reads the very same Markdown files,
# and their front matter becomes page parameters. Its layouts render each page with the
# site's navigation, the summary, the timeline, meetings and recommendations, links to
# the parent or related plan, and the body; sections list their pages 50 to a page;
# Hugo adds its RSS feeds (50 entries) and sitemap. Each tool builds once into an empty
# folder, with the generated files already in the file cache.
#
# PLANPUB_NOW sets planpub's build moment (default 2024-06-01, as in the benchmarks;
# empty for the clock). Hugo has no build moment: it builds future and expired pages.
set -euo pipefail

n="${1:-10000}"
now="${PLANPUB_NOW-2024-06-01}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${CARGO_TARGET_DIR:-$repo/target}"

if ! command -v hugo >/dev/null; then
  echo "hugo is not installed (Debian: apt-get install -y hugo)" >&2
  exit 1
fi

(cd "$repo" && cargo build --release --quiet --bin planpub --example generate_site)

work="$(mktemp -d "${TMPDIR:-/tmp}/planpub-hugo.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$target/release/examples/generate_site" "$work/site" "$n" >/dev/null

write_hugo_site() {
  local dir=$1 content=$2
  mkdir -p "$dir/layouts/_default" "$dir/static"
  cat >"$dir/config.toml" <<EOF
baseURL = "https://bench.example.dk/"
languageCode = "da"
title = "Benchmark Kommune"
contentDir = "$content"
disableKinds = ["taxonomy", "term"]
buildFuture = true
buildExpired = true
rssLimit = 50
pluralizeListTitles = false
EOF
  cat >"$dir/static/style.css" <<'EOF'
body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 0 auto; padding: 1rem; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: .25rem; }
EOF
  cat >"$dir/layouts/_default/baseof.html" <<'EOF'
<!DOCTYPE html>
<html lang="{{ .Site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ .Site.Title }}</title>
{{ with .Params.summary }}<meta name="description" content="{{ . }}">{{ end }}
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
{{ range .AlternativeOutputFormats }}<link rel="{{ .Rel }}" type="{{ .MediaType.Type }}" href="{{ .Permalink }}">{{ end }}
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
<nav><ul>{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
<footer><p>{{ .Site.Title }}</p></footer>
</body>
</html>
EOF
  cat >"$dir/layouts/_default/single.html" <<'EOF'
{{ define "main" }}
<article>
<p class="kind">{{ .Type }}{{ with .Params.area }} · {{ . }}{{ end }}{{ with .Params.status }} · {{ . }}{{ end }}</p>
<h1>{{ .Title }}</h1>
{{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
{{ with .Params.parent }}{{ with site.GetPage (printf "/planer/%s" .) }}<p>Del af <a href="{{ .RelPermalink }}">{{ .Title }}</a></p>{{ end }}{{ end }}
{{ with .Params.plan }}{{ with site.GetPage (printf "/planer/%s" .) }}<p>Om <a href="{{ .RelPermalink }}">{{ .Title }}</a></p>{{ end }}{{ end }}
{{ range .Params.plans }}{{ with site.GetPage (printf "/planer/%s" .) }}<p>Om <a href="{{ .RelPermalink }}">{{ .Title }}</a></p>{{ end }}{{ end }}
{{ with .Params.timeline }}<table><thead><tr><th>Hvornår</th><th>Hvad</th><th>Hvem</th></tr></thead><tbody>
{{ range . }}<tr><td>{{ .when }}</td><td>{{ .what }}</td><td>{{ .who }}</td></tr>{{ end }}
</tbody></table>{{ end }}
{{ with .Params.meetings }}<ul>{{ range . }}<li>{{ .when }}, {{ .where }}: {{ .what }}</li>{{ end }}</ul>{{ end }}
{{ with .Params.recommendations }}<ol>{{ range . }}<li>{{ .text }} ({{ .outcome }})</li>{{ end }}</ol>{{ end }}
{{ .Content }}
</article>
{{ end }}
EOF
  cat >"$dir/layouts/_default/list.html" <<'EOF'
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ $pager := .Paginate .RegularPages 50 }}
<ol>{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}</li>{{ end }}</ol>
<nav>{{ if $pager.HasPrev }}<a rel="prev" href="{{ $pager.Prev.URL }}">Forrige</a>{{ end }}
Side {{ $pager.PageNumber }} af {{ $pager.TotalPages }}
{{ if $pager.HasNext }}<a rel="next" href="{{ $pager.Next.URL }}">Næste</a>{{ end }}</nav>
{{ end }}
EOF
  cat >"$dir/layouts/index.html" <<'EOF'
{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
{{ range .Site.Sections }}<section><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ len .RegularPages }})</h2>
<ul>{{ range first 10 .RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></section>{{ end }}
{{ end }}
EOF
}

write_hugo_site "$work/hugo" "$work/site/content"

# Runs one build; sets `wall` (seconds), `peak` (MiB) and `cpu` (user + system seconds),
# the last two "?" without GNU time.
timed() {
  local name=$1 start end
  shift
  local log="$work/$name.log" rss="$work/$name.rss"
  sync # the files written before are on disk, so this build does not pay for them
  start=$(date +%s%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%M %U %S' -o "$rss" "$@" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
  else
    "$@" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
  fi
  end=$(date +%s%N)
  wall=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.2f", ns / 1e9 }')
  peak="?" cpu="?"
  if [ -s "$rss" ]; then
    peak=$(awk '{ printf "%.0f", $1 / 1024 }' "$rss")
    cpu=$(awk '{ printf "%.1fs + %.1fs", $2, $3 }' "$rss")
  fi
}

echo "$n generated documents, one build each; $(uptime | sed 's/.*\(load average\)/\1/')"
timed planpub "$target/release/planpub" build --root "$work/site" --out "$work/planpub-out" \
  ${now:+--now "$now"}
planpub_wall=$wall planpub_peak=$peak planpub_cpu=$cpu
timed hugo hugo --source "$work/hugo" --destination "$work/hugo-out"
hugo_wall=$wall hugo_peak=$peak hugo_cpu=$cpu

files() { find "$1" -type f | wc -l; }
row='%-8s %8s %10s %8s   %s\n'
# shellcheck disable=SC2059
{
  printf "$row" tool wall peak files "CPU user + system"
  printf "$row" planpub "${planpub_wall}s" "$planpub_peak MiB" "$(files "$work/planpub-out")" "$planpub_cpu"
  printf "$row" hugo "${hugo_wall}s" "$hugo_peak MiB" "$(files "$work/hugo-out")" "$hugo_cpu"
}
awk -v a="$planpub_wall" -v b="$hugo_wall" -v m="$planpub_peak" -v h="$hugo_peak" 'BEGIN {
  printf "planpub/Hugo: %.2f (wall time)", a / b
  if (m != "?" && h != "?") printf ", %.2f (peak memory)", m / h
  printf "\n"
}'
echo "(removing $work)" >&2
