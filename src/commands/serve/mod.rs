//! `planpub serve`: build, serve over HTTP, watch the sources, rebuild on save and
//! reload every open tab. Problems are shown over the last good pages and printed in
//! the terminal; the server keeps running until Ctrl-C.

pub mod http;

use crate::build::BuildOptions;
use crate::build::incremental::{Input, Session};
use crate::commands::serve::http::{OverlayLabels, Problem, ServeConfig, Server};
use crate::messages::{self, Key, Messages};
use crate::model::config::Language;
use crate::model::diagnostics::Diagnostics;
use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, new_debouncer};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub struct ServeOptions {
    pub bind: IpAddr,
    /// A port the user asked for; `None` takes [`DEFAULT_PORT`] or the next free one.
    pub port: Option<u16>,
    pub open: bool,
    /// The language of the messages and the overlay.
    pub lang: Language,
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
    let mut debouncer = new_debouncer(
        Duration::from_millis(150),
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
    let m = messages::of(serve.lang);
    let server = start_server(serve.bind, serve.port, out, serve.lang)?;
    match &first {
        Ok(r) => {
            print_diags(m, &r.warnings);
            println!(
                "Built {} pages in {} ms.",
                r.rendered_pages,
                started.elapsed().as_millis()
            );
        }
        Err(d) => {
            print_diags(m, d);
            eprintln!("The site has problems; the preview shows them until they are fixed.");
            server.set_problems(problems(d, m, &root));
        }
    }

    // Announce the address only once changes are watched, so no early save is lost.
    println!("Serving the preview at {}  (Ctrl-C to stop)", server.url());
    if serve.open {
        open_browser(&server.url());
    }

    while let Ok(msg) = rx.recv() {
        let mut changed = match msg {
            Msg::Stop => break,
            Msg::Changed(p) => p,
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
        let t = Instant::now();
        match session.rebuild(&relevant) {
            Ok(r) => {
                print_diags(m, &r.warnings);
                println!(
                    "Rebuilt in {} ms: {} file(s) read, {} page(s) rendered, {} file(s) updated, {} removed",
                    t.elapsed().as_millis(),
                    r.parsed,
                    r.rendered_pages,
                    r.written,
                    r.removed
                );
                // Clearing problems reloads open tabs by itself; otherwise reload only
                // when a file the browser may show has changed.
                server.set_problems(Vec::new());
                if r.written > 0 || r.removed > 0 {
                    server.reload();
                }
            }
            Err(d) => {
                print_diags(m, &d);
                eprintln!(
                    "The change has problems; the preview shows the last good version with the list."
                );
                server.set_problems(problems(&d, m, &root));
            }
        }
    }
    drop(debouncer);
    server.shutdown();
    println!("Stopped.");
    Ok(())
}

fn open_browser(url: &str) {
    let cmd = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(cmd).arg(url).spawn().is_err() {
        eprintln!("Could not open a browser; open {url} yourself.");
    }
}
