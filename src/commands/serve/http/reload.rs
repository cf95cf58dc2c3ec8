//! Server-sent events hub behind `/__planpub/events`.
//!
//! One `Mutex<State>` holds the version counter, a short log of events and the current
//! problems; a `tokio::sync::watch` channel wakes the event streams whenever it changes.
//! Every broadcast bumps `version` and appends an [`Event`] (with that version as its SSE
//! `id`). Each connected client is a small task that waits for a change or the
//! keep-alive interval, then sends every logged event newer than the last one it sent
//! (or a keep-alive comment if nothing happened) into its response body. A client that
//! fell further behind than the log reaches is sent a single `reload`. A client that is
//! gone (or stopped reading, and so was cut off by the write timeout) ends its task
//! only. Shutdown sets a flag and wakes everyone; each stream then ends its body, which
//! closes the chunked response cleanly.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use hyper::body::Bytes;
use tokio::sync::{mpsc, watch};

use super::Problem;

/// How many past events are kept for clients that were busy writing.
const LOG_CAPACITY: usize = 32;

/// Upper bound on simultaneously open event streams.
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
    changed: watch::Sender<u64>,
    keepalive: Duration,
}

/// Proof that a client slot was taken; frees it on drop.
pub(crate) struct ClientSlot {
    hub: Arc<Hub>,
}

impl Drop for ClientSlot {
    fn drop(&mut self) {
        let mut st = self.hub.lock();
        st.clients = st.clients.saturating_sub(1);
    }
}

impl Hub {
    pub(crate) fn new(keepalive: Duration) -> Hub {
        Hub {
            state: Mutex::new(State::default()),
            changed: watch::Sender::new(0),
            keepalive,
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panicking stream task must not take the whole server down.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn wake(&self) {
        self.changed.send_modify(|n| *n = n.wrapping_add(1));
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
    }

    /// Broadcast `event: reload`.
    pub(crate) fn reload(&self) {
        let mut st = self.lock();
        if !st.shutdown {
            self.push(&mut st, "reload", String::new());
            drop(st);
            self.wake();
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
        drop(st);
        self.wake();
    }

    /// Current version and problem list, read together.
    pub(crate) fn snapshot(&self) -> (u64, Arc<Vec<Problem>>) {
        let st = self.lock();
        (st.version, Arc::clone(&st.problems))
    }

    /// Stop accepting clients and wake every stream so it can finish.
    pub(crate) fn shutdown(&self) {
        self.lock().shutdown = true;
        self.wake();
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

    /// What to send after `seen`: `None` when there is nothing new, or when shutting
    /// down (then `ended` is set).
    fn next(&self, seen: &mut u64, ended: &mut bool) -> Option<String> {
        let st = self.lock();
        if st.shutdown {
            *ended = true;
            return None;
        }
        if st.version == *seen {
            return None;
        }
        let mut msg = String::new();
        if st.log.front().is_some_and(|e| e.id <= *seen + 1) {
            for ev in st.log.iter().filter(|e| e.id > *seen) {
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
        *seen = st.version;
        Some(msg)
    }

    /// Run one event stream into `out` (the response body) until the client goes away
    /// or the hub shuts down.
    pub(crate) async fn stream(self: Arc<Self>, slot: ClientSlot, out: mpsc::Sender<Bytes>) {
        let _slot = slot;
        // Subscribe before reading the version, so no change can slip between the two.
        let mut changes = self.changed.subscribe();
        let mut seen = self.lock().version;
        // `hello` carries the current version: a page rendered at another version
        // missed something and reloads itself.
        let hello = format!("retry: {RETRY_MS}\nid: {seen}\nevent: hello\ndata: {seen}\n\n");
        if out.send(Bytes::from(hello)).await.is_err() {
            return;
        }
        let mut ended = false;
        loop {
            if let Some(msg) = self.next(&mut seen, &mut ended) {
                if out.send(Bytes::from(msg)).await.is_err() {
                    return;
                }
                continue;
            }
            if ended {
                return; // dropping `out` ends the body
            }
            tokio::select! {
                changed = changes.changed() => {
                    if changed.is_err() {
                        return;
                    }
                }
                _ = tokio::time::sleep(self.keepalive) => {
                    if out.send(Bytes::from_static(b": keep-alive\n\n")).await.is_err() {
                        return;
                    }
                }
                // The client went away: the body (and its receiver) was dropped.
                _ = out.closed() => return,
            }
        }
    }
}
