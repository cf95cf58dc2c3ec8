//! `planpub serve`: build, serve over HTTP, watch the sources, rebuild on save and
//! reload every open tab. Problems are shown over the last good pages and printed in
//! the terminal; the server keeps running until Ctrl-C.

pub mod http;

use crate::build::BuildOptions;
use crate::build::incremental::{Input, RebuildReport, Session};
use crate::commands::serve::http::{OverlayLabels, Problem, ServeConfig, Server};
use crate::messages::{self, Key, Messages};
use crate::model::clock::{self, Moment};
use crate::model::config::Language;
use crate::model::diagnostics::Diagnostics;
use crate::model::schedule::Change;
use chrono::{DateTime, NaiveTime, SubsecRound, TimeZone, Utc};
use chrono_tz::Tz;
use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, new_debouncer};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

pub struct ServeOptions {
    pub bind: IpAddr,
    /// A port the user asked for; `None` takes [`DEFAULT_PORT`] or the next free one.
    pub port: Option<u16>,
    pub open: bool,
    /// The build moment is the clock's (no `--now`, no `SOURCE_DATE_EPOCH`): every
    /// rebuild reads the clock, and the preview rebuilds by itself when a moment of the
    /// schedule or midnight passes.
    pub follow_clock: bool,
    /// The language of the messages and the overlay.
    pub lang: Language,
}

/// The longest the preview sleeps before looking at the clock again, so a machine
/// that was suspended or had its clock set catches up within a minute.
const CLOCK_CHECK: Duration = Duration::from_secs(60);

/// When a preview that follows the clock must rebuild by itself, and why: the first
/// change of the schedule (a hearing opens or closes, a meeting begins, an embargo
/// ends) or the next midnight in the site's time zone (when "today" and the days left
/// move on), whichever comes first.
pub fn next_tick(moment: &DateTime<Tz>, next: Option<&Change>) -> Option<(DateTime<Tz>, Key)> {
    let tz = moment.timezone();
    let midnight = moment
        .date_naive()
        .succ_opt()
        .and_then(|d| {
            tz.from_local_datetime(&d.and_time(NaiveTime::MIN))
                .earliest()
        })
        .map(|m| (m, Key::new("schedule-new-day")));
    let change = next.map(|c| (c.at, c.key.clone()));
    match (change, midnight) {
        (Some(c), Some(m)) => Some(if c.0 <= m.0 { c } else { m }),
        (c, m) => c.or(m),
    }
}

/// What the loop waits for next.
enum Next {
    Msg(Msg),
    Tick,
    Closed,
}

/// Waits for a message, or until `tick` has passed by the clock.
fn wait(rx: &mpsc::Receiver<Msg>, tick: Option<&DateTime<Tz>>) -> Next {
    let Some(at) = tick else {
        return rx.recv().map_or(Next::Closed, Next::Msg);
    };
    loop {
        let left = (at.with_timezone(&Utc) - Utc::now())
            .to_std()
            .unwrap_or_default();
        if left.is_zero() {
            return Next::Tick;
        }
        match rx.recv_timeout(left.min(CLOCK_CHECK)) {
            Ok(m) => return Next::Msg(m),
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => return Next::Closed,
        }
    }
}

/// The preview's usual port, so a bookmark keeps working from one run to the next.
/// (Zola uses 1111, Hugo 1313, Jekyll 4000; 1212 is none of them.)
pub const DEFAULT_PORT: u16 = 1212;

/// How many ports after [`DEFAULT_PORT`] are tried before any free port is taken.
const PORT_TRIES: u16 = 20;

/// Starts the server on the port asked for, or on the default port, or on the next
/// free one after it (and at last on any free port): a busy default is not an error.
fn start_server(
    bind: IpAddr,
    port: Option<u16>,
    out: PathBuf,
    lang: Language,
) -> Result<Server, ServeError> {
    let labels = OverlayLabels::new(lang);
    let cfg = |port| ServeConfig {
        bind,
        port,
        root: out.clone(),
        labels: labels.clone(),
    };
    if let Some(p) = port {
        return Ok(Server::start(cfg(Some(p)))?);
    }
    for p in DEFAULT_PORT..DEFAULT_PORT + PORT_TRIES {
        if let Ok(server) = Server::start(cfg(Some(p))) {
            if p != DEFAULT_PORT {
                let key = Key::new("serve-port-fallback")
                    .arg("default", DEFAULT_PORT.to_string())
                    .arg("port", p.to_string());
                println!("{}", messages::of(lang).text(&key));
            }
            return Ok(server);
        }
    }
    Ok(Server::start(cfg(None))?)
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot start the preview server: {0}")]
    Server(#[from] crate::commands::serve::http::ServerError),
    #[error("cannot watch the site folder for changes: {0}")]
    Watch(#[from] notify::Error),
    #[error("cannot create the preview folder: {0}")]
    Io(#[from] std::io::Error),
}

impl ServeError {
    /// The catalogue message for the error.
    pub fn key(&self) -> Key {
        match self {
            ServeError::Server(e) => e.key(),
            ServeError::Watch(e) => {
                let reason = match &e.kind {
                    notify::ErrorKind::Io(io) => messages::io_reason(io),
                    _ => Key::new("io-other").arg("reason", e.to_string()),
                };
                Key::new("serve-watch").sub("reason", reason)
            }
            ServeError::Io(e) => Key::new("serve-io").sub("reason", messages::io_reason(e)),
        }
    }
}

/// The site's source folders, watched recursively (a theme folder is added from
/// `site.yaml`; the root itself is watched for `site.yaml`).
const WATCHED_DIRS: [&str; 4] = ["content", "templates", "static", "i18n"];

enum Msg {
    Changed(Vec<PathBuf>),
    Stop,
}

/// Editor swap files, backups and temporary files are not content.
pub fn ignored(path: &Path) -> bool {
    let name = match path.file_name() {
        Some(n) => n.to_string_lossy(),
        None => return true,
    };
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".swo")
        || name.ends_with(".tmp")
        || name.ends_with(".bak")
        || name == "4913" // vim's probe file
        || path.components().any(|c| c.as_os_str().to_string_lossy().starts_with(".planpub"))
}

/// Whether a file-system event changes what a file contains or where it is.
pub fn is_change(kind: &notify::EventKind) -> bool {
    use notify::EventKind;
    use notify::event::{AccessKind, AccessMode, ModifyKind};
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        // Some editors save by writing in place; closing a written file marks the end.
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

/// The errors as the overlay shows them, told in `m`'s language, each with a link
/// that opens its file at its line in the editor.
fn problems(diags: &Diagnostics, m: &Messages, root: &Path) -> Vec<Problem> {
    let template = std::env::var("PLANPUB_EDITOR_URL").ok();
    diags
        .iter()
        .filter(|d| d.is_error())
        .map(|d| m.localize(d))
        .map(|d| Problem {
            editor: editor_link(template.as_deref(), &root.join(&d.file), d.line, d.column),
            file: d.file,
            line: d.line,
            column: d.column,
            field: d.field,
            message: d.message,
            help: d.help,
        })
        .collect()
}

/// The editor's URL for `path` at `line`: `PLANPUB_EDITOR_URL` with `{path}`, `{line}`
/// and `{column}` filled in, or VS Code's `vscode://file/…:line:column`. An empty
/// template turns the links off.
pub fn editor_link(
    template: Option<&str>,
    path: &Path,
    line: Option<usize>,
    column: Option<usize>,
) -> Option<String> {
    use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
    // What a path may keep in a URL: `/` and `:` separate, the rest is encoded.
    const PATH: &AsciiSet = &CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'%')
        .add(b'<')
        .add(b'>')
        .add(b'?')
        .add(b'`')
        .add(b'{')
        .add(b'}')
        .add(b'\\');
    let template = template.unwrap_or("vscode://file{path}:{line}:{column}");
    if template.trim().is_empty() {
        return None;
    }
    let mut abs = path.to_string_lossy().replace('\\', "/");
    if !abs.starts_with('/') {
        abs.insert(0, '/');
    }
    let encoded = utf8_percent_encode(&abs, PATH).to_string();
    Some(
        template
            .replace("{path}", &encoded)
            .replace("{line}", &line.unwrap_or(1).to_string())
            .replace("{column}", &column.unwrap_or(1).to_string()),
    )
}

/// The warnings the terminal has shown, so a save prints what is new rather than
/// the same thousands of lines again; the rest is counted in one line. Only new ones
/// are told in words: telling all of a large site's thousands took CPU from the next
/// save. Warnings are known by a digest (a save compares thousands; a collision would
/// at worst count a new warning as shown).
struct Shown<T = u64>(crate::model::digest::FastSet<T>);

impl<T> Default for Shown<T> {
    fn default() -> Self {
        Shown(Default::default())
    }
}

impl Shown {
    fn print(&mut self, m: &Messages, warnings: &Diagnostics) {
        let (new, again) = self.fresh(warnings);
        for d in new {
            eprintln!("{}", m.render(d));
        }
        if again > 0 {
            eprintln!(
                "{}",
                m.text(
                    &Key::new("serve-warnings-again")
                        .sub("warnings", Key::new("count-warnings").num("n", again))
                )
            );
        }
    }

    /// The warnings not shown last time, in their order, and how many were.
    fn fresh<'w>(
        &mut self,
        warnings: &'w Diagnostics,
    ) -> (Vec<&'w crate::model::diagnostics::Diagnostic>, usize) {
        self.sift(warnings.iter().collect(), |d| {
            crate::model::digest::digest(d)
        })
    }
}

impl<T: std::hash::Hash + Eq> Shown<T> {
    /// The items whose key was not shown last time, in the order given, and how many
    /// were; the keys shown from now on are exactly these (one fixed and back again is
    /// new).
    fn sift<I>(&mut self, items: Vec<I>, key: impl Fn(&I) -> T) -> (Vec<I>, usize) {
        let keyed: Vec<(T, I)> = items.into_iter().map(|i| (key(&i), i)).collect();
        let (again, new): (Vec<_>, Vec<_>) =
            keyed.into_iter().partition(|(k, _)| self.0.contains(k));
        let count = again.len();
        let mut shown: crate::model::digest::FastSet<T> =
            again.into_iter().map(|(k, _)| k).collect();
        let new = new
            .into_iter()
            .map(|(k, i)| {
                shown.insert(k);
                i
            })
            .collect();
        self.0 = shown;
        (new, count)
    }
}

fn print_diags(m: &Messages, diags: &Diagnostics) {
    for d in diags.iter() {
        eprintln!("{}", m.render(d));
    }
}

/// Runs until Ctrl-C. `on_ready` receives the URL once the server listens (tests and
/// the CLI use it).
pub fn serve(mut opts: BuildOptions, serve: ServeOptions) -> Result<(), ServeError> {
    // The watcher reports absolute paths; compare them with an absolute root.
    opts.root = opts.root.canonicalize()?;
    let work = tempfile::Builder::new()
        .prefix("planpub-serve-")
        .tempdir()?;
    let out = work.path().join("site");
    opts.out = out.clone();
    let root = opts.root.clone();
    let mut session = Session::new(opts, out.clone());

    // Watch before the first build: a save during it is then rebuilt right after.
    let (tx, rx) = mpsc::channel::<Msg>();
    let stop_tx = tx.clone();
    // A second Ctrl-C while stopping should not be fatal; ignore the error of setting it twice.
    let _ = ctrlc::set_handler(move || {
        let _ = stop_tx.send(Msg::Stop);
    });
    let watch_tx = tx.clone();
    // An editor's save (write, or write-to-temp and rename) arrives within a few
    // milliseconds; 40 ms of quiet gathers it into one rebuild without adding much to
    // the save-to-reload time. A burst that is longer (a `git checkout`) just gives a
    // second rebuild, which re-reads every input anyway.
    let mut debouncer = new_debouncer(
        Duration::from_millis(40),
        None,
        move |res: DebounceEventResult| {
            if let Ok(events) = res {
                // Reading a file is an event too (inotify reports opens and closes); only
                // real changes count, or every rebuild would trigger the next.
                let mut paths: Vec<PathBuf> = events
                    .into_iter()
                    .filter(|e| is_change(&e.event.kind))
                    .flat_map(|e| e.event.paths)
                    .filter(|p| !ignored(p))
                    .collect();
                paths.sort();
                paths.dedup();
                if !paths.is_empty() {
                    let _ = watch_tx.send(Msg::Changed(paths));
                }
            }
        },
    )?;
    for dir in WATCHED_DIRS {
        let p = root.join(dir);
        if p.is_dir() {
            debouncer.watch(&p, RecursiveMode::Recursive)?;
        }
    }
    if let Ok(cfg) = crate::model::config::SiteConfig::load(&root)
        && let Some(theme) = cfg.theme
    {
        let p = root.join(theme);
        if p.is_dir() {
            debouncer.watch(&p, RecursiveMode::Recursive)?;
        }
    }
    // The root itself, not recursively: catches site.yaml and folders created later.
    debouncer.watch(&root, RecursiveMode::NonRecursive)?;
    let started = Instant::now();
    let first = session.rebuild(&[]);
    let follow = serve.follow_clock;
    let tick_of = |r: &RebuildReport| {
        follow
            .then(|| next_tick(&r.moment, r.next_change.as_ref()))
            .flatten()
    };
    let mut tick = first.as_ref().ok().and_then(tick_of);
    let m = messages::of(serve.lang);
    let server = start_server(serve.bind, serve.port, out, serve.lang)?;
    let mut shown = Shown::default();
    match &first {
        Ok(r) => {
            shown.print(m, &r.warnings);
            let key = Key::new("serve-built")
                .arg("pages", r.rendered_pages.to_string())
                .arg("ms", started.elapsed().as_millis().to_string());
            println!("{}", m.text(&key));
        }
        Err(d) => {
            print_diags(m, d);
            eprintln!("{}", m.get("serve-problems"));
            server.set_problems(problems(d, m, &root));
        }
    }

    // Announce the address only once changes are watched, so no early save is lost.
    println!(
        "{}",
        m.text(&Key::new("serve-url").arg("url", server.url()))
    );
    if serve.open {
        open_browser(&server.url(), m);
    }

    if let Some((at, what)) = &tick {
        let key = Key::new("serve-keeps-time")
            .arg("at", clock::timestamp(at))
            .sub("what", what.clone());
        println!("{}", m.text(&key));
    }
    loop {
        let mut changed = match wait(&rx, tick.as_ref().map(|t| &t.0)) {
            Next::Closed | Next::Msg(Msg::Stop) => break,
            Next::Msg(Msg::Changed(p)) => p,
            Next::Tick => {
                let Some((at, what)) = tick.take() else {
                    continue;
                };
                // Never before the moment itself, though the wait may end a little early.
                let now = Utc::now().trunc_subsecs(0).max(at.with_timezone(&Utc));
                session.set_now(Moment::Exact(now));
                let key = Key::new("serve-tick")
                    .arg("at", clock::timestamp(&now.with_timezone(&at.timezone())))
                    .sub("what", what);
                println!("{}", m.text(&key));
                tick = rebuild(&mut session, &server, &[], m, &root, &mut shown)
                    .as_ref()
                    .and_then(tick_of);
                continue;
            }
        };
        // Gather everything that arrived meanwhile into one rebuild.
        while let Ok(more) = rx.try_recv() {
            match more {
                Msg::Stop => {
                    server.shutdown();
                    return Ok(());
                }
                Msg::Changed(p) => changed.extend(p),
            }
        }
        // The source folders themselves classify as their kind, so a folder created
        // after start counts too.
        let relevant: Vec<PathBuf> = changed
            .into_iter()
            .filter(|p| session.classify(p) != Input::Other)
            .collect();
        if relevant.is_empty() {
            continue;
        }
        // A folder created after start (e.g. templates/) must be watched too.
        for dir in WATCHED_DIRS {
            let p = root.join(dir);
            if relevant.contains(&p) && p.is_dir() {
                let _ = debouncer.watch(&p, RecursiveMode::Recursive);
            }
        }
        if follow {
            session.set_now(clock::clock_moment());
        }
        if let Some(r) = rebuild(&mut session, &server, &relevant, m, &root, &mut shown) {
            tick = tick_of(&r);
        }
    }
    drop(debouncer);
    server.shutdown();
    println!("{}", m.get("serve-stopped"));
    Ok(())
}

/// Rebuilds, reports in the terminal and updates the open tabs: the last good pages
/// and the list of problems when the sources have errors.
fn rebuild(
    session: &mut Session,
    server: &Server,
    changed: &[PathBuf],
    m: &Messages,
    root: &Path,
    shown: &mut Shown,
) -> Option<RebuildReport> {
    let t = Instant::now();
    match session.rebuild(changed) {
        Ok(r) => {
            let ms = t.elapsed().as_millis();
            // The tabs first, the terminal after: printing thousands of warnings must
            // not delay what the editor is waiting to see.
            // Clearing problems reloads open tabs by itself; otherwise reload only
            // when a file the browser may show has changed.
            server.set_problems(Vec::new());
            if r.written > 0 || r.removed > 0 {
                server.reload();
            }
            shown.print(m, &r.warnings);
            let key = Key::new("serve-rebuilt")
                .arg("ms", ms.to_string())
                .arg("parsed", r.parsed.to_string())
                .arg("rendered", r.rendered_pages.to_string())
                .arg("written", r.written.to_string())
                .arg("removed", r.removed.to_string());
            println!("{}", m.text(&key));
            Some(r)
        }
        Err(d) => {
            print_diags(m, &d);
            eprintln!("{}", m.get("serve-change-problems"));
            server.set_problems(problems(&d, m, root));
            None
        }
    }
}

fn open_browser(url: &str, m: &Messages) {
    let cmd = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(cmd).arg(url).spawn().is_err() {
        eprintln!("{}", m.text(&Key::new("serve-no-browser").arg("url", url)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_are_told_once_each_by_their_digest() {
        use crate::model::diagnostics::Diagnostic;
        let list = |xs: &[(&str, &str)]| {
            let mut d = Diagnostics::new();
            d.extend(xs.iter().map(|(f, m)| Diagnostic::warning(*f, *m)));
            d
        };
        let files = |v: Vec<&Diagnostic>| v.iter().map(|d| d.file.clone()).collect::<Vec<_>>();
        let mut shown = Shown::default();
        let first = list(&[("a.md", "x"), ("b.md", "y")]);
        let (new, again) = shown.fresh(&first);
        assert_eq!((files(new), again), (vec!["a.md".into(), "b.md".into()], 0));
        let second = list(&[("b.md", "y"), ("a.md", "z")]);
        let (new, again) = shown.fresh(&second);
        assert_eq!((files(new), again), (vec!["a.md".to_string()], 1));
    }

    #[test]
    fn a_save_prints_only_the_warnings_it_did_not_print_before() {
        let v = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let mut shown = Shown::default();
        assert_eq!(
            shown.sift(v(&["a", "b"]), String::clone),
            (v(&["a", "b"]), 0)
        );
        assert_eq!(
            shown.sift(v(&["a", "b", "c"]), String::clone),
            (v(&["c"]), 2)
        );
        // `a` fixed: nothing new; then `a` back: it is new again.
        assert_eq!(shown.sift(v(&["b", "c"]), String::clone), (v(&[]), 2));
        assert_eq!(
            shown.sift(v(&["c", "a", "b"]), String::clone),
            (v(&["a"]), 2)
        );
    }

    fn at(s: &str) -> DateTime<Tz> {
        DateTime::parse_from_rfc3339(s)
            .unwrap()
            .with_timezone(&chrono_tz::Europe::Copenhagen)
    }

    fn change(s: &str, what: &str) -> Change {
        Change {
            at: at(s),
            public: true,
            key: Key::new("value-raw").arg("value", what),
            page: "hoeringer/x/".into(),
        }
    }

    #[test]
    fn the_next_tick_is_the_next_change_when_it_comes_before_midnight() {
        let c = change("2008-06-20T12:00:01+02:00", "the hearing closes");
        let (when, what) = next_tick(&at("2008-06-20T09:30:00+02:00"), Some(&c)).unwrap();
        assert_eq!(when, c.at);
        assert_eq!(crate::messages::english(&what).0, "the hearing closes");
    }

    #[test]
    fn the_next_tick_is_midnight_in_the_sites_time_zone_otherwise() {
        let c = change("2008-06-25T00:00:00+02:00", "a meeting");
        // 23:30 UTC on 20 June is already 21 June in Copenhagen: the next midnight there
        // is the one starting 22 June.
        let now = at("2008-06-20T23:30:00+00:00");
        let (when, what) = next_tick(&now, Some(&c)).unwrap();
        assert_eq!(clock::timestamp(&when), "2008-06-22T00:00:00+02:00");
        assert_eq!(crate::messages::english(&what).0, "a new day begins");
        let (when, _) = next_tick(&at("2008-10-25T12:00:00+02:00"), None).unwrap();
        // The night the clocks go back: midnight is still +02:00.
        assert_eq!(clock::timestamp(&when), "2008-10-26T00:00:00+02:00");
    }

    #[test]
    fn waiting_ends_with_a_message_or_when_the_tick_has_passed() {
        let (tx, rx) = mpsc::channel();
        let past = Utc::now().with_timezone(&chrono_tz::Europe::Copenhagen);
        assert!(matches!(wait(&rx, Some(&past)), Next::Tick));
        tx.send(Msg::Stop).unwrap();
        let later = past + chrono::Duration::hours(1);
        assert!(matches!(wait(&rx, Some(&later)), Next::Msg(Msg::Stop)));
        drop(tx);
        assert!(matches!(wait(&rx, None), Next::Closed));
    }
}
