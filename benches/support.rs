//! Generates a realistic large site for the benchmarks.

use std::fmt::Write as _;
use std::path::Path;

const AREAS: &[&str] = &[
    "Socialområdet",
    "Ældreområdet",
    "Børne- og familieområdet",
    "Teknik og miljø",
    "Kultur og fritid",
];
const BODIES: &[&str] = &[
    "Byrådet",
    "Socialudvalget",
    "Ældreudvalget",
    "Børne- og skoleudvalget",
    "Teknisk udvalg",
];
const WHENS: &[&str] = &[
    "primo 2024",
    "1. halvår 2024",
    "februar-oktober 2024",
    "uge 15 2024",
    "22. maj til 20. juni 2024",
    "ultimo 2024",
    "2. kvartal 2025",
    "efterår 2025",
    "løbende",
];

fn body(i: usize) -> String {
    let mut s = String::new();
    for p in 0..4 {
        let _ = writeln!(
            s,
            "## Afsnit {p}\n\nDette er afsnit {p} af dokument {i}. Kommunen beskriver her baggrunden, økonomien og den videre proces, så borgerne kan følge med. Planen skal sikre en bedre sammenhæng for borgerne, og den bygger på dialog med brugere, pårørende og medarbejdere.\n\n| Hvornår | Hvad |\n|---|---|\n| primo 2024 | Opstart |\n| ultimo 2024 | Evaluering |\n"
        );
    }
    s
}

/// Writes a site with `n` documents: 40 % plans, 20 % hearings, 30 % decisions, 10 % pages.
pub fn generate(root: &Path, n: usize) {
    let w = |rel: String, text: String| {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    w("site.yaml".into(), "title: Benchmark Kommune\nbase_url: https://bench.example.dk/\norganisation: Benchmark Kommune\naccessibility_page: side-0\n".into());
    let plans = n * 4 / 10;
    let hearings = n * 2 / 10;
    let decisions = n * 3 / 10;
    let pages = n - plans - hearings - decisions;
    for i in 0..plans {
        let mut tl = String::new();
        for (j, when) in WHENS.iter().enumerate() {
            let _ = write!(
                tl,
                "  - when: {when}\n    what: Trin {j} i plan {i}\n    who: Forvaltningen\n"
            );
        }
        let parent = if i % 10 != 0 {
            format!("parent: plan-{}\n", i - i % 10)
        } else {
            String::new()
        };
        w(
            format!("content/planer/plan-{i}.md"),
            format!(
                "---\ntype: plan\ntitle: Plan nummer {i} for {area}\nsummary: En plan om {area}.\npublished: 2024-01-{d:02}\nstatus: adopted\narea: {area}\nowner: Forvaltningen\ncase_number: 24/{i}\n{parent}timeline:\n{tl}---\n\n{b}",
                area = AREAS[i % AREAS.len()],
                d = 1 + i % 28,
                b = body(i)
            ),
        );
    }
    for i in 0..hearings {
        w(
            format!("content/hoeringer/hoering-{i}.md"),
            format!(
                "---\ntype: hearing\ntitle: Høring nummer {i}\nsummary: Sig din mening om plan {p}.\nplan: plan-{p}\nauthority: Forvaltningen\nopens: 2024-05-{o:02}\ncloses: 2024-06-{c:02} 12:00\nrespond:\n  email: hoering@example.dk\nmeetings:\n  - when: 2024-05-28 19:00\n    where: Rådhuset\n    what: Borgermøde\n---\n\n{b}",
                p = i % plans.max(1),
                o = 1 + i % 20,
                c = 1 + i % 28,
                b = body(i)
            ),
        );
    }
    for i in 0..decisions {
        let body_name = BODIES[i % BODIES.len()];
        w(
            format!("content/beslutninger/beslutning-{i}.md"),
            format!(
                "---\ntype: decision\ntitle: Beslutning nummer {i}\nsummary: Udvalget godkendte forslaget.\nbody: {body_name}\nmeeting: 2024-{m:02}-{d:02}\nitem: {item}\ncase_number: 24/{i}\nrecommendations:\n  - text: At forslaget godkendes\n    outcome: approved\n  - text: At sagen drøftes\n    outcome: discussed\nplans: [ plan-{p} ]\n---\n\n{b}",
                m = 1 + (i / 28 / 40) % 12,
                d = 1 + (i / 40) % 28,
                item = 1 + i % 40 + (i / (28 * 40 * 12)) * 40,
                p = i % plans.max(1),
                b = body(i)
            ),
        );
    }
    for i in 0..pages {
        w(
            format!("content/sider/side-{i}.md"),
            format!(
                "---\ntype: page\ntitle: Side {i}\nsummary: En side.\n---\n\n{}",
                body(i)
            ),
        );
    }
}
