//! planpub: a static site generator for municipal plans, public hearings and decisions.
// Diagnostics are returned on the error path only, where their size costs nothing.
#![allow(clippy::result_large_err)]

pub mod api;
pub mod archive;
pub mod checks;
pub mod clock;
pub mod commands;
pub mod config;
pub mod content;
pub mod dates;
pub mod diagnostics;
pub mod events;
pub mod feeds;
pub mod format;
pub mod incremental;
pub mod ledger;
pub mod markdown;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod scaffold;
pub mod schedule;
pub mod search;
pub mod serve;
pub mod server;
pub mod site;
pub mod slug;
pub mod snapshot;
pub mod state;
pub mod structured;
pub mod syndication;
pub mod theme;
pub mod timings;
pub mod urls;
pub mod yaml;
