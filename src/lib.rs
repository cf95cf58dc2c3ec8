//! planpub: a static site generator for municipal plans, public hearings and decisions.
// Diagnostics are returned on the error path only, where their size costs nothing.
#![allow(clippy::result_large_err)]

pub mod config;
pub mod content;
pub mod dates;
pub mod diagnostics;
pub mod slug;
pub mod yaml;
