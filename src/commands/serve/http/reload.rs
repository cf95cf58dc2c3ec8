//! Server-sent events hub behind `/__planpub/events`.
//!
//! One `Mutex<State>` + one `Condvar`. Every broadcast bumps `version` and
//! appends an [`Event`] (with that version as its SSE `id`) to a short log;
//! each connected client runs on its own thread, sleeps on the condvar with a
//! timeout equal to the keep-alive interval, and on waking sends every logged
//! event newer than the last one it sent (or a keep-alive comment if nothing
//! happened). A client that fell further behind than the log reaches is sent
//! a single `reload`. A write error (client gone) ends that client's thread
//! only. Shutdown sets a flag and wakes everyone.

use std::collections::VecDeque;
use std::io::{self, Write};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use super::Problem;

/// How many past events are kept for clients that were busy writing.
const LOG_CAPACITY: usize = 32;

/// Upper bound on simultaneously open event streams (one thread each).
pub(crate) const MAX_CLIENTS: usize = 64;

/// Default interval between keep-alive comments.
pub(crate) const KEEPALIVE: Duration = Duration::from_secs(15);

/// Milliseconds a browser waits before reconnecting a dropped stream.
const RETRY_MS: u32 = 1000;

#[derive(Debug, Clone)]
struct Event {
    id: u64,
    name: &'static str,
    data: String,
}

impl Event {
    fn encode(&self, out: &mut String) {
        // `data` is compact JSON or a number: never contains a newline.
        out.push_str(&format!(
            "id: {}\nevent: {}\ndata: {}\n\n",
            self.id, self.name, self.data
        ));
    }
}

#[derive(Debug, Default)]
struct State {
    version: u64,
    log: VecDeque<Event>,
    problems: Arc<Vec<Problem>>,
    shutdown: bool,
    clients: usize,
}

/// Shared broadcast state; see the module docs.
#[derive(Debug)]
pub(crate) struct Hub {
    state: Mutex<State>,
    changed: Condvar,
    keepalive: Duration,
}

/// Proof that a client slot was taken; frees it (and wakes shutdown) on drop.
pub(crate) struct ClientSlot {
    hub: Arc<Hub>,
}

impl Drop for ClientSlot {
    fn drop(&mut self) {
        let mut st = self.hub.lock();
        st.clients = st.clients.saturating_sub(1);
        drop(st);
        self.hub.changed.notify_all();
    }
}

impl Hub {
    pub(crate) fn new(keepalive: Duration) -> Hub {
        Hub {
            state: Mutex::new(State::default()),
            changed: Condvar::new(),
            keepalive,
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panicking client thread must not take the whole server down.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn push(&self, st: &mut State, name: &'static str, data: String) {
        st.version += 1;
        st.log.push_back(Event {
            id: st.version,
            name,
            data,
        });
        while st.log.len() > LOG_CAPACITY {
            st.log.pop_front();
        }
        self.changed.notify_all();
    }

    /// Broadcast `event: reload`.
    pub(crate) fn reload(&self) {
        let mut st = self.lock();
        if !st.shutdown {
            self.push(&mut st, "reload", String::new());
        }
    }

    /// Replace the problem list. Non-empty: broadcast `problems`. Empty after
    /// non-empty: broadcast `problems` (`[]`) and then `reload`. Empty after
    /// empty: nothing changes, nothing is sent.
    pub(crate) fn set_problems(&self, problems: Vec<Problem>) {
        let json = serde_json::to_string(&problems).unwrap_or_else(|_| "[]".to_owned());
        let mut st = self.lock();
        if st.shutdown {
            return;
        }
        let had = !st.problems.is_empty();
        let has = !problems.is_empty();
        st.problems = Arc::new(problems);
        if has {
            self.push(&mut st, "problems", json);
        } else if had {
            self.push(&mut st, "problems", json);
            self.push(&mut st, "reload", String::new());
        }
    }

    /// Current version and problem list, read together.
    pub(crate) fn snapshot(&self) -> (u64, Arc<Vec<Problem>>) {
        let st = self.lock();
        (st.version, Arc::clone(&st.problems))
    }

    pub(crate) fn is_shutdown(&self) -> bool {
        self.lock().shutdown
    }

    /// Stop accepting clients and wake every client thread so it can finish.
    pub(crate) fn shutdown(&self) {
        self.lock().shutdown = true;
        self.changed.notify_all();
    }

    /// Number of open event streams.
    #[cfg(test)]
    pub(crate) fn clients(&self) -> usize {
        self.lock().clients
    }

    /// Take a client slot, unless shutting down or full.
    pub(crate) fn register(self: &Arc<Self>) -> Option<ClientSlot> {
        let mut st = self.lock();
        if st.shutdown || st.clients >= MAX_CLIENTS {
            return None;
        }
        st.clients += 1;
        Some(ClientSlot {
            hub: Arc::clone(self),
        })
    }

    /// Run one event stream until the client goes away or the hub shuts
    /// down. The HTTP response head must already have been written.
    pub(crate) fn stream<W: Write>(&self, mut out: SseWriter<W>) -> io::Result<()> {
        let mut seen = {
            let st = self.lock();
            st.version
        };
        // `hello` carries the current version: a page rendered at another
        // version missed something and reloads itself.
        out.send(&format!(
            "retry: {RETRY_MS}\nid: {seen}\nevent: hello\ndata: {seen}\n\n"
        ))?;
        loop {
            let st = self.lock();
            let (st, _) = self
                .changed
                .wait_timeout_while(st, self.keepalive, |s| !s.shutdown && s.version == seen)
                .unwrap_or_else(|e| e.into_inner());
            if st.shutdown {
                drop(st);
                return out.finish();
            }
            let mut msg = String::new();
            if st.version == seen {
                msg.push_str(": keep-alive\n\n");
            } else if st.log.front().is_some_and(|e| e.id <= seen + 1) {
                for ev in st.log.iter().filter(|e| e.id > seen) {
                    ev.encode(&mut msg);
                }
            } else {
                // Missed more than the log holds: a reload resyncs everything.
                Event {
                    id: st.version,
                    name: "reload",
                    data: String::new(),
                }
                .encode(&mut msg);
            }
            seen = st.version;
            drop(st);
            out.send(&msg)?;
        }
    }
}

/// Writes SSE text either as HTTP/1.1 chunks (so the stream can be ended
/// cleanly with a last chunk) or raw (HTTP/1.0, ended by closing).
pub(crate) struct SseWriter<W: Write> {
    inner: W,
    chunked: bool,
}

impl<W: Write> SseWriter<W> {
    pub(crate) fn new(inner: W, chunked: bool) -> Self {
        SseWriter { inner, chunked }
    }

    /// Write the response head.
    pub(crate) fn head(&mut self) -> io::Result<()> {
        let head = if self.chunked {
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n\
             Cache-Control: no-store\r\nX-Accel-Buffering: no\r\n\
             Transfer-Encoding: chunked\r\n\r\n"
        } else {
            "HTTP/1.0 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n\
             Cache-Control: no-store\r\nConnection: close\r\n\r\n"
        };
        self.inner.write_all(head.as_bytes())?;
        self.inner.flush()
    }

    /// Send one piece of the stream and flush it out at once.
    pub(crate) fn send(&mut self, text: &str) -> io::Result<()> {
        if text.is_empty() {
            return Ok(());
        }
        if self.chunked {
            let mut buf = Vec::with_capacity(text.len() + 16);
            buf.extend_from_slice(format!("{:x}\r\n", text.len()).as_bytes());
            buf.extend_from_slice(text.as_bytes());
            buf.extend_from_slice(b"\r\n");
            self.inner.write_all(&buf)?;
        } else {
            self.inner.write_all(text.as_bytes())?;
        }
        self.inner.flush()
    }

    /// End the stream.
    pub(crate) fn finish(mut self) -> io::Result<()> {
        if self.chunked {
            self.inner.write_all(b"0\r\n\r\n")?;
        }
        self.inner.flush()
    }
}
