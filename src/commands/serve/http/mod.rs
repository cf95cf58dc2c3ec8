//! Live-preview HTTP server behind `planpub serve`.
//!
//! Serves the built output directory (`ServeConfig::root`) over HTTP for
//! communications staff, and keeps open tabs up to date:
//!
//! * [`Server::reload`] makes every open tab reload (server-sent event
//!   `reload` on `/__planpub/events`);
//! * [`Server::set_problems`] shows an overlay listing build problems on
//!   every HTML page — rendered into the HTML itself (works without
//!   JavaScript) and pushed to open tabs (event `problems`) — while the page
//!   below keeps showing the last good build.
//!
//! ```no_run
//! use planpub::commands::serve::http::{Server, ServeConfig};
//! let srv = Server::start(ServeConfig::new("public")).unwrap();
//! println!("Forhåndsvisning på {}", srv.url());
//! // … after each successful build:
//! srv.set_problems(Vec::new());
//! srv.reload();
//! // … on Ctrl-C:
//! srv.shutdown();
//! ```
//!
//! # Requests
//! * `GET`/`HEAD` only; anything else is `405` with `Allow: GET, HEAD`.
//! * The target is percent-decoded segment by segment; `..`, `.`, encoded
//!   slashes, backslashes, NUL/control characters, drive prefixes and empty
//!   segments are refused with `404`, and the resolved file is canonicalized
//!   and must lie inside the canonical root (no symlinks out). Query strings
//!   are ignored. Non-origin-form targets get `400`.
//! * `/dir/` serves `dir/index.html`; `/dir` redirects (`301`) to `/dir/`.
//! * Missing files get the output's `404.html` with status `404` (plain text
//!   if there is none).
//! * All responses carry `Cache-Control: no-store`.
//! * The root is re-resolved on every request, so builds may replace the
//!   directory's contents or rename a new directory into place.
//!
//! # Events
//! `/__planpub/events` is a `text/event-stream`. Every event has an `id:`
//! equal to the server's version counter. On connect a client gets
//! `event: hello` with the current version; the injected script reloads the
//! page if it was rendered at another version (so changes that happened
//! between page load and connect are not missed). Then come `reload`,
//! `problems` (data: JSON list of [`Problem`]) and a `: keep-alive` comment
//! every 15 s. Each client has its own thread that sleeps on a condvar.
//!
//! # Threads and shutdown
//! tiny_http runs its own accept thread and per-connection reader threads.
//! On top of it [`Server::start`] spawns [`WORKERS`] request workers that
//! share `tiny_http::Server::recv`, plus one thread per event stream.
//! [`Server::shutdown`] (also run on drop) flags the hub (waking every event
//! stream, which writes its last chunk and ends), calls `unblock()` once per
//! worker, joins everything that finished within about one second (a thread
//! stuck writing to a client that stopped reading is left detached rather
//! than blocking shutdown), then drops the tiny_http server and waits, also
//! bounded, until the port no longer accepts, so a restart can rebind it.
//!
//! Each open tab holds one HTTP/1.1 connection for its event stream;
//! browsers allow about six per host, so very many preview tabs in one
//! browser will stall further page loads (a limit of SSE over HTTP/1.1).

mod files;
mod inject;
mod reload;
#[cfg(test)]
mod tests;

use std::fs::{self, File};
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpStream};
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use serde::Serialize;
use tiny_http::{HTTPVersion, Header, Method, Request, Response, StatusCode};

use self::files::Target;
use self::reload::{Hub, SseWriter};

/// Path of the server-sent events endpoint.
pub const EVENTS_PATH: &str = "/__planpub/events";

/// Number of threads answering ordinary requests.
pub const WORKERS: usize = 4;

/// How long [`Server::shutdown`] waits for threads before leaving them.
const SHUTDOWN_GRACE: Duration = Duration::from_millis(1000);

/// How to run the preview server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServeConfig {
    /// Address to bind; loopback (`127.0.0.1`) unless told otherwise.
    pub bind: IpAddr,
    /// Port to bind; `None` picks a free one (see [`Server::addr`]).
    pub port: Option<u16>,
    /// The built output directory. Re-resolved on every request.
    pub root: PathBuf,
}

impl ServeConfig {
    /// Loopback, free port, serving `root`.
    pub fn new(root: impl Into<PathBuf>) -> ServeConfig {
        ServeConfig {
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: None,
            root: root.into(),
        }
    }
}

/// One build problem, shown in the overlay as `file:line:column`, field and
/// message. Serialized as JSON for the `problems` event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Source file, as the author knows it (e.g. `indhold/nyheder/x.md`).
    pub file: String,
    /// 1-based line, if known.
    pub line: Option<usize>,
    /// 1-based column, if known (only shown together with a line).
    pub column: Option<usize>,
    /// Front-matter or config field concerned, if any.
    pub field: Option<String>,
    /// What is wrong, in words for the author.
    pub message: String,
}

/// Errors from [`Server::start`].
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The address could not be bound (in use, not permitted, …).
    #[error("kunne ikke lytte på {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync + 'static>,
    },
    /// A worker thread could not be started.
    #[error("kunne ikke starte tråd: {0}")]
    Thread(#[source] io::Error),
}

/// Tuning that only tests change.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Options {
    pub(crate) keepalive: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            keepalive: reload::KEEPALIVE,
        }
    }
}

/// Counts live threads so shutdown can wait for them without spinning.
#[derive(Debug, Default)]
struct Tracker {
    live: Mutex<usize>,
    done: Condvar,
}

/// Held by a tracked thread; decrements the count when the thread ends.
struct Alive(Arc<Tracker>);

impl Tracker {
    fn lock(&self) -> MutexGuard<'_, usize> {
        self.live.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn enter(self: &Arc<Self>) -> Alive {
        *self.lock() += 1;
        Alive(Arc::clone(self))
    }

    fn wait_idle(&self, deadline: Instant) {
        let mut live = self.lock();
        while *live > 0 {
            let now = Instant::now();
            if now >= deadline {
                return;
            }
            live = self
                .done
                .wait_timeout(live, deadline - now)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }
}

impl Drop for Alive {
    fn drop(&mut self) {
        let mut live = self.0.lock();
        *live = live.saturating_sub(1);
        drop(live);
        self.0.done.notify_all();
    }
}

/// State shared by all threads.
struct Shared {
    root: PathBuf,
    hub: Arc<Hub>,
    tracker: Arc<Tracker>,
    streams: Mutex<Vec<JoinHandle<()>>>,
}

/// A running preview server. Dropping it stops it like [`Server::shutdown`].
pub struct Server {
    addr: SocketAddr,
    http: Option<Arc<tiny_http::Server>>,
    shared: Arc<Shared>,
    workers: Vec<JoinHandle<()>>,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server")
            .field("addr", &self.addr)
            .field("root", &self.shared.root)
            .finish_non_exhaustive()
    }
}

impl Server {
    /// Bind, spawn the worker threads and return at once.
    pub fn start(cfg: ServeConfig) -> Result<Server, ServerError> {
        Self::start_with(cfg, Options::default())
    }

    pub(crate) fn start_with(cfg: ServeConfig, opts: Options) -> Result<Server, ServerError> {
        let wanted = SocketAddr::new(cfg.bind, cfg.port.unwrap_or(0));
        let http = tiny_http::Server::http(wanted).map_err(|source| ServerError::Bind {
            addr: wanted,
            source,
        })?;
        let addr = http.server_addr().to_ip().unwrap_or(wanted);
        let http = Arc::new(http);
        let shared = Arc::new(Shared {
            root: cfg.root,
            hub: Arc::new(Hub::new(opts.keepalive)),
            tracker: Arc::new(Tracker::default()),
            streams: Mutex::new(Vec::new()),
        });
        let mut server = Server {
            addr,
            http: Some(Arc::clone(&http)),
            shared: Arc::clone(&shared),
            workers: Vec::with_capacity(WORKERS),
        };
        for i in 0..WORKERS {
            let http = Arc::clone(&http);
            let shared = Arc::clone(&shared);
            let alive = shared.tracker.enter();
            let handle = thread::Builder::new()
                .name(format!("planpub-serve-{i}"))
                .spawn(move || {
                    let _alive = alive;
                    worker(&http, &shared);
                })
                .map_err(ServerError::Thread)?; // `server` drops and stops
            server.workers.push(handle);
        }
        Ok(server)
    }

    /// The address actually bound (with the real port when `port` was None).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// URL to open in a browser, e.g. `http://127.0.0.1:4000/`. When bound
    /// to an unspecified address (`0.0.0.0`/`::`) the loopback URL is given.
    pub fn url(&self) -> String {
        browse_url(self.addr)
    }

    /// Tell every open tab to reload (SSE event `reload`).
    pub fn reload(&self) {
        self.shared.hub.reload();
    }

    /// Replace the build problems. Non-empty: every HTML page served carries
    /// the overlay, and open tabs get a `problems` event that shows it in
    /// place. Empty after non-empty: the overlay is gone and open tabs get
    /// `problems` (`[]`) and `reload`. Empty after empty: no event.
    pub fn set_problems(&self, problems: Vec<Problem>) {
        self.shared.hub.set_problems(problems);
    }

    /// Stop: end event streams, unblock and join the workers, close the
    /// listening socket. Returns within about a second.
    pub fn shutdown(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        let Some(http) = self.http.take() else {
            return;
        };
        self.shared.hub.shutdown();
        for _ in 0..self.workers.len() {
            http.unblock();
        }
        self.shared
            .tracker
            .wait_idle(Instant::now() + SHUTDOWN_GRACE);
        for handle in self.workers.drain(..) {
            if handle.is_finished() {
                let _ = handle.join();
            }
        }
        let streams = std::mem::take(&mut *lock(&self.shared.streams));
        for handle in streams {
            if handle.is_finished() {
                let _ = handle.join();
            }
        }
        // Last reference once the workers are gone: tiny_http's Drop tells
        // its accept thread to stop; the listener closes when that thread
        // ends, which tiny_http does not let us join. Wait (briefly, bounded)
        // until connecting is refused, so a restart can rebind the port.
        let sole = Arc::strong_count(&http) == 1;
        drop(http);
        if sole {
            wait_listener_closed(self.addr, Instant::now() + SHUTDOWN_GRACE);
        }
    }

    /// Number of open event streams (for tests).
    #[cfg(test)]
    pub(crate) fn event_clients(&self) -> usize {
        self.shared.hub.clients()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Poll (every 10 ms, until `deadline`) until nothing accepts on `addr`.
fn wait_listener_closed(addr: SocketAddr, deadline: Instant) {
    let target = reachable(addr);
    while Instant::now() < deadline {
        match TcpStream::connect_timeout(&target, Duration::from_millis(100)) {
            Ok(_) => thread::sleep(Duration::from_millis(10)),
            Err(_) => return,
        }
    }
}

/// `addr`, with loopback in place of an unspecified address.
fn reachable(addr: SocketAddr) -> SocketAddr {
    let ip = match addr.ip() {
        IpAddr::V4(v4) if v4.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(v6) if v6.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    SocketAddr::new(ip, addr.port())
}

/// `http://ADDR/` for a browser on this machine.
fn browse_url(addr: SocketAddr) -> String {
    format!("http://{}/", reachable(addr))
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn worker(http: &tiny_http::Server, shared: &Arc<Shared>) {
    loop {
        match http.recv() {
            Ok(rq) => handle(shared, rq),
            Err(_) if shared.hub.is_shutdown() => return,
            // An accept error reported through the queue: keep serving.
            Err(_) => continue,
        }
    }
}

fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

fn respond<R: io::Read>(rq: Request, status: u16, headers: &[(&str, &str)], body: Response<R>) {
    let mut response = body.with_status_code(StatusCode(status));
    let common = [
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
    ];
    for (name, value) in common.iter().chain(headers) {
        if let Some(h) = header(name, value) {
            response.add_header(h);
        }
    }
    // A client that went away is not our problem.
    let _ = rq.respond(response);
}

fn respond_text(rq: Request, status: u16, text: &str, extra: &[(&str, &str)]) {
    let mut headers = vec![("Content-Type", "text/plain; charset=utf-8")];
    headers.extend_from_slice(extra);
    respond(
        rq,
        status,
        &headers,
        Response::from_data(text.as_bytes().to_vec()),
    );
}

fn handle(shared: &Arc<Shared>, rq: Request) {
    let method = rq.method().clone();
    if method != Method::Get && method != Method::Head {
        respond_text(
            rq,
            405,
            "405 Metoden er ikke tilladt\n",
            &[("Allow", "GET, HEAD")],
        );
        return;
    }
    let target = rq.url().to_owned();
    let path = target.split(['?', '#']).next().unwrap_or("");
    if path == EVENTS_PATH {
        if method == Method::Head {
            respond(
                rq,
                200,
                &[("Content-Type", "text/event-stream; charset=utf-8")],
                Response::empty(200),
            );
        } else {
            open_stream(shared, rq);
        }
        return;
    }
    match files::resolve(&shared.root, &target) {
        Target::File(path) => serve_file(shared, rq, path, 200),
        Target::Redirect(location) => respond_text(
            rq,
            301,
            "301 Flyttet permanent\n",
            &[("Location", &location)],
        ),
        Target::NotFound => not_found(shared, rq),
        Target::BadRequest => respond_text(rq, 400, "400 Ugyldig forespørgsel\n", &[]),
    }
}

fn not_found(shared: &Arc<Shared>, rq: Request) {
    match files::not_found_page(&shared.root) {
        Some(page) => serve_file(shared, rq, page, 404),
        None => respond_text(rq, 404, "404 Siden blev ikke fundet\n", &[]),
    }
}

fn serve_file(shared: &Arc<Shared>, rq: Request, path: PathBuf, status: u16) {
    let ctype = files::content_type(&path);
    let headers = [("Content-Type", ctype.as_str())];
    if files::is_html(&ctype) {
        let Ok(bytes) = fs::read(&path) else {
            // Vanished between resolving and reading (a build swapped it).
            return respond_text(rq, 404, "404 Siden blev ikke fundet\n", &[]);
        };
        let (version, problems) = shared.hub.snapshot();
        let body = inject::inject(&bytes, version, &problems);
        respond(rq, status, &headers, Response::from_data(body));
    } else {
        match File::open(&path) {
            Ok(file) => respond(rq, status, &headers, Response::from_file(file)),
            Err(_) => respond_text(rq, 404, "404 Siden blev ikke fundet\n", &[]),
        }
    }
}

/// Hand an event-stream request to its own thread.
fn open_stream(shared: &Arc<Shared>, rq: Request) {
    let Some(slot) = shared.hub.register() else {
        respond_text(
            rq,
            503,
            "503 Serveren lukker eller har for mange faner åbne\n",
            &[],
        );
        return;
    };
    let chunked = *rq.http_version() >= HTTPVersion(1, 1);
    let hub = Arc::clone(&shared.hub);
    let alive = shared.tracker.enter();
    let spawned = thread::Builder::new()
        .name("planpub-events".to_owned())
        .spawn(move || {
            let _alive = alive;
            let _slot = slot;
            let mut out = SseWriter::new(rq.into_writer(), chunked);
            if out.head().is_ok() {
                // Err means the client went away: just end this stream.
                let _ = hub.stream(out);
            }
        });
    if let Ok(handle) = spawned {
        let mut streams = lock(&shared.streams);
        // Reap streams that already ended so the list stays short.
        let (done, live): (Vec<_>, Vec<_>) = streams.drain(..).partition(JoinHandle::is_finished);
        *streams = live;
        streams.push(handle);
        drop(streams);
        for handle in done {
            let _ = handle.join();
        }
    }
}
