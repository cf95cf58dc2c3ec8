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
//! every 15 s.
//!
//! # Connections, timeouts and shutdown
//! The server is `hyper` 1.x (HTTP/1.1 with keep-alive) on a small tokio runtime of
//! two worker threads, so a connection costs a task, not a thread: clients that stop
//! reading cannot use up workers and stop it answering others. Every connection has
//! `TCP_NODELAY` (a keep-alive response goes out at once instead of waiting for the
//! client's delayed ACK), a header read timeout (a client must send its request head
//! within [`READ_TIMEOUT`]; it also closes idle keep-alive connections) and a write
//! timeout (a response that makes no progress for [`WRITE_TIMEOUT`] closes the
//! connection). At most [`MAX_CONNECTIONS`] connections are served at once; more wait
//! in the listen queue.
//!
//! [`Server::shutdown`] (also run on drop) flags the hub (every event stream ends its
//! body, which writes the last chunk), stops accepting (the listening socket closes),
//! asks every connection to finish its response and close, waits for them for about a
//! second, then stops the runtime, which drops whatever is still open.
//!
//! Each open tab holds one HTTP/1.1 connection for its event stream;
//! browsers allow about six per host, so very many preview tabs in one
//! browser will stall further page loads (a limit of SSE over HTTP/1.1).

mod files;
mod inject;
pub use inject::OverlayLabels;
mod reload;
#[cfg(test)]
mod tests;

use std::convert::Infallible;
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use hyper::body::{Bytes, Frame, Incoming, SizeHint};
use hyper::header::{ALLOW, CACHE_CONTROL, CONTENT_TYPE, HeaderValue, LOCATION};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use serde::Serialize;
use tokio::io::{AsyncRead, ReadBuf};
use tokio::sync::{mpsc, watch};

use self::files::Target;
use self::reload::Hub;

/// Path of the server-sent events endpoint.
pub const EVENTS_PATH: &str = "/__planpub/events";

/// A client must send its request head within this time (also the idle time after
/// which a keep-alive connection is closed).
pub const READ_TIMEOUT: Duration = Duration::from_secs(30);

/// A response that makes no progress for this long (the client stopped reading) is
/// abandoned and its connection closed.
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(20);

/// Connections served at once; more wait in the listen queue.
pub const MAX_CONNECTIONS: usize = 256;

/// How long [`Server::shutdown`] waits for connections before dropping them.
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
    /// The overlay's words, in the site's language.
    pub labels: inject::OverlayLabels,
}

impl ServeConfig {
    /// Loopback, free port, serving `root`.
    pub fn new(root: impl Into<PathBuf>) -> ServeConfig {
        ServeConfig {
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: None,
            root: root.into(),
            labels: inject::OverlayLabels::default(),
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
    /// What to do about it; lines starting with `- ` are a list.
    pub help: Option<String>,
    /// A link that opens the file at the line in the author's editor.
    pub editor: Option<String>,
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

impl ServerError {
    /// The catalogue message: which address or port, and what to do about it.
    pub fn key(&self) -> crate::messages::Key {
        use crate::messages::Key;
        match self {
            ServerError::Bind { addr, source } => {
                let io = source.downcast_ref::<io::Error>();
                let at = |id| Key::new(id).arg("addr", addr.to_string());
                match io.map(io::Error::kind) {
                    Some(io::ErrorKind::AddrInUse) => Key::new("serve-port-in-use")
                        .arg("port", addr.port().to_string())
                        .arg("next", addr.port().saturating_add(1).to_string()),
                    Some(io::ErrorKind::PermissionDenied) => at("serve-bind-denied"),
                    Some(io::ErrorKind::AddrNotAvailable) => at("serve-bind-unavailable"),
                    Some(_) => at("serve-bind-failed").sub(
                        "reason",
                        crate::messages::io_reason(io.expect("an I/O error")),
                    ),
                    None => at("serve-bind-failed").sub(
                        "reason",
                        Key::new("io-other").arg("reason", source.to_string()),
                    ),
                }
            }
            ServerError::Thread(e) => {
                Key::new("serve-thread").sub("reason", crate::messages::io_reason(e))
            }
        }
    }
}

/// Tuning that only tests change.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Options {
    pub(crate) keepalive: Duration,
    pub(crate) read_timeout: Duration,
    pub(crate) write_timeout: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            keepalive: reload::KEEPALIVE,
            read_timeout: READ_TIMEOUT,
            write_timeout: WRITE_TIMEOUT,
        }
    }
}

/// Counts live tasks (the accept loop and each connection) so shutdown can wait for
/// them without spinning.
#[derive(Debug, Default)]
struct Tracker {
    live: Mutex<usize>,
    done: Condvar,
}

/// Held by a tracked task; decrements the count when the task ends or is dropped.
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

/// State shared by all tasks.
struct Shared {
    root: PathBuf,
    labels: inject::OverlayLabels,
    hub: Arc<Hub>,
    tracker: Arc<Tracker>,
    opts: Options,
}

/// A running preview server. Dropping it stops it like [`Server::shutdown`].
pub struct Server {
    addr: SocketAddr,
    shared: Arc<Shared>,
    stop: watch::Sender<bool>,
    runtime: Option<tokio::runtime::Runtime>,
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
    /// Bind, start serving in the background and return at once.
    pub fn start(cfg: ServeConfig) -> Result<Server, ServerError> {
        Self::start_with(cfg, Options::default())
    }

    pub(crate) fn start_with(cfg: ServeConfig, opts: Options) -> Result<Server, ServerError> {
        let wanted = SocketAddr::new(cfg.bind, cfg.port.unwrap_or(0));
        let bind_error = |source: io::Error| ServerError::Bind {
            addr: wanted,
            source: Box::new(source),
        };
        // Bound here, before any thread starts, so a port in use is reported at once.
        let listener = std::net::TcpListener::bind(wanted).map_err(bind_error)?;
        listener.set_nonblocking(true).map_err(bind_error)?;
        let addr = listener.local_addr().unwrap_or(wanted);
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("planpub-serve")
            .enable_all()
            .build()
            .map_err(ServerError::Thread)?;
        let listener = {
            let _in_runtime = runtime.enter();
            tokio::net::TcpListener::from_std(listener).map_err(bind_error)?
        };
        let shared = Arc::new(Shared {
            root: cfg.root,
            labels: cfg.labels,
            hub: Arc::new(Hub::new(opts.keepalive)),
            tracker: Arc::new(Tracker::default()),
            opts,
        });
        let (stop, stopped) = watch::channel(false);
        let alive = shared.tracker.enter();
        runtime.spawn(accept_loop(listener, Arc::clone(&shared), stopped, alive));
        Ok(Server {
            addr,
            shared,
            stop,
            runtime: Some(runtime),
        })
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

    /// Stop: end event streams, stop accepting, let connections finish, close the
    /// listening socket. Returns within about a second.
    pub fn shutdown(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        let Some(runtime) = self.runtime.take() else {
            return;
        };
        self.shared.hub.shutdown();
        self.stop.send_replace(true);
        self.shared
            .tracker
            .wait_idle(Instant::now() + SHUTDOWN_GRACE);
        // Whatever is still open (a client that never reads) is dropped here.
        runtime.shutdown_timeout(Duration::from_millis(200));
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

async fn accept_loop(
    listener: tokio::net::TcpListener,
    shared: Arc<Shared>,
    mut stopped: watch::Receiver<bool>,
    _alive: Alive,
) {
    let slots = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    loop {
        let Ok(permit) = Arc::clone(&slots).acquire_owned().await else {
            return;
        };
        let accepted = tokio::select! {
            _ = stopped.changed() => return, // drops the listener: the port closes
            accepted = listener.accept() => accepted,
        };
        match accepted {
            Ok((tcp, _)) => {
                // Small responses go out at once, not after the client's delayed ACK.
                let _ = tcp.set_nodelay(true);
                let alive = shared.tracker.enter();
                let conn = connection(tcp, Arc::clone(&shared), stopped.clone());
                tokio::spawn(async move {
                    let _alive = alive;
                    let _permit = permit;
                    conn.await;
                });
            }
            // Out of file descriptors and the like: wait a moment, keep serving.
            Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
        }
    }
}

/// Serves one connection until it closes, times out or the server stops.
async fn connection(
    tcp: tokio::net::TcpStream,
    shared: Arc<Shared>,
    mut stopped: watch::Receiver<bool>,
) {
    let mut io = tokio_io_timeout::TimeoutStream::new(tcp);
    io.set_write_timeout(Some(shared.opts.write_timeout));
    let io = TokioIo::new(Box::pin(io));
    let service_shared = Arc::clone(&shared);
    let service = hyper::service::service_fn(move |rq: Request<Incoming>| {
        let shared = Arc::clone(&service_shared);
        async move { Ok::<_, Infallible>(handle(&shared, &rq).await) }
    });
    let conn = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(shared.opts.read_timeout)
        .title_case_headers(true)
        .serve_connection(io, service);
    tokio::pin!(conn);
    let mut stopping = *stopped.borrow();
    if stopping {
        conn.as_mut().graceful_shutdown();
    }
    loop {
        tokio::select! {
            _ = conn.as_mut() => return,
            _ = stopped.changed(), if !stopping => {
                stopping = true;
                conn.as_mut().graceful_shutdown();
            }
        }
    }
}

/// A response body: bytes in memory, a file read as it is sent, or an event stream.
enum Body {
    Bytes(Option<Bytes>),
    File {
        file: tokio::fs::File,
        remaining: u64,
        buf: Vec<u8>,
    },
    Events(mpsc::Receiver<Bytes>),
}

impl Body {
    fn text(text: &str) -> Body {
        Body::Bytes(Some(Bytes::copy_from_slice(text.as_bytes())))
    }
}

impl hyper::body::Body for Body {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        match self.get_mut() {
            Body::Bytes(b) => Poll::Ready(b.take().map(|b| Ok(Frame::data(b)))),
            Body::Events(rx) => rx.poll_recv(cx).map(|b| b.map(|b| Ok(Frame::data(b)))),
            Body::File {
                file,
                remaining,
                buf,
            } => {
                if *remaining == 0 {
                    return Poll::Ready(None);
                }
                let want = (*remaining).min(buf.len() as u64) as usize;
                let mut read = ReadBuf::new(&mut buf[..want]);
                match Pin::new(file).poll_read(cx, &mut read) {
                    Poll::Pending => Poll::Pending,
                    Poll::Ready(Err(e)) => Poll::Ready(Some(Err(e))),
                    // The file shrank while being sent (a build replaced it).
                    Poll::Ready(Ok(())) if read.filled().is_empty() => Poll::Ready(Some(Err(
                        io::Error::new(io::ErrorKind::UnexpectedEof, "file shrank"),
                    ))),
                    Poll::Ready(Ok(())) => {
                        let n = read.filled().len();
                        *remaining -= n as u64;
                        Poll::Ready(Some(Ok(Frame::data(Bytes::copy_from_slice(&buf[..n])))))
                    }
                }
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        match self {
            Body::Bytes(b) => b.is_none(),
            Body::File { remaining, .. } => *remaining == 0,
            Body::Events(_) => false,
        }
    }

    fn size_hint(&self) -> SizeHint {
        match self {
            Body::Bytes(b) => SizeHint::with_exact(b.as_ref().map_or(0, |b| b.len() as u64)),
            Body::File { remaining, .. } => SizeHint::with_exact(*remaining),
            Body::Events(_) => SizeHint::default(),
        }
    }
}

/// A response with the headers every response carries.
fn respond(
    status: u16,
    content_type: &str,
    extra: &[(hyper::header::HeaderName, &str)],
    body: Body,
) -> Response<Body> {
    let mut r = Response::new(body);
    *r.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let h = r.headers_mut();
    h.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        hyper::header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if let Ok(v) = HeaderValue::from_str(content_type) {
        h.insert(CONTENT_TYPE, v);
    }
    for (name, value) in extra {
        if let Ok(v) = HeaderValue::from_str(value) {
            h.insert(name.clone(), v);
        }
    }
    r
}

fn respond_text(
    status: u16,
    text: &str,
    extra: &[(hyper::header::HeaderName, &str)],
) -> Response<Body> {
    respond(status, "text/plain; charset=utf-8", extra, Body::text(text))
}

const NOT_FOUND: &str = "404 Siden blev ikke fundet\n";

async fn handle(shared: &Arc<Shared>, rq: &Request<Incoming>) -> Response<Body> {
    let method = rq.method();
    if method != Method::GET && method != Method::HEAD {
        return respond_text(
            405,
            "405 Metoden er ikke tilladt\n",
            &[(ALLOW, "GET, HEAD")],
        );
    }
    // Only origin-form targets (`/…`); `http://host/…` and `*` are refused.
    let target = match (rq.uri().scheme(), rq.uri().path_and_query()) {
        (None, Some(pq)) => pq.as_str(),
        _ => return respond_text(400, "400 Ugyldig forespørgsel\n", &[]),
    };
    let path = target.split(['?', '#']).next().unwrap_or("");
    if path == EVENTS_PATH {
        return open_stream(shared, method == Method::HEAD);
    }
    match files::resolve(&shared.root, target) {
        Target::File(path) => serve_file(shared, path, 200).await,
        Target::Redirect(location) => {
            respond_text(301, "301 Flyttet permanent\n", &[(LOCATION, &location)])
        }
        Target::NotFound => match files::not_found_page(&shared.root) {
            Some(page) => serve_file(shared, page, 404).await,
            None => respond_text(404, NOT_FOUND, &[]),
        },
        Target::BadRequest => respond_text(400, "400 Ugyldig forespørgsel\n", &[]),
    }
}

async fn serve_file(shared: &Arc<Shared>, path: PathBuf, status: u16) -> Response<Body> {
    let ctype = files::content_type(&path);
    if files::is_html(&ctype) {
        let Ok(bytes) = tokio::fs::read(&path).await else {
            // Vanished between resolving and reading (a build swapped it).
            return respond_text(404, NOT_FOUND, &[]);
        };
        let (version, problems) = shared.hub.snapshot();
        let body = inject::inject(&bytes, version, &problems, &shared.labels);
        return respond(status, &ctype, &[], Body::Bytes(Some(Bytes::from(body))));
    }
    let opened = match tokio::fs::File::open(&path).await {
        Ok(file) => file.metadata().await.map(|m| (file, m.len())),
        Err(e) => Err(e),
    };
    match opened {
        Ok((file, len)) => respond(
            status,
            &ctype,
            &[],
            Body::File {
                file,
                remaining: len,
                buf: vec![0; 64 * 1024],
            },
        ),
        Err(_) => respond_text(404, NOT_FOUND, &[]),
    }
}

/// An event stream: its own task feeds the body through a small channel.
fn open_stream(shared: &Arc<Shared>, head: bool) -> Response<Body> {
    const EVENT_STREAM: &str = "text/event-stream; charset=utf-8";
    let buffering = (
        hyper::header::HeaderName::from_static("x-accel-buffering"),
        "no",
    );
    if head {
        return respond(200, EVENT_STREAM, &[buffering], Body::Bytes(None));
    }
    let Some(slot) = shared.hub.register() else {
        return respond_text(
            503,
            "503 Serveren lukker eller har for mange faner åbne\n",
            &[],
        );
    };
    let (tx, rx) = mpsc::channel(16);
    tokio::spawn(Arc::clone(&shared.hub).stream(slot, tx));
    respond(200, EVENT_STREAM, &[buffering], Body::Events(rx))
}
