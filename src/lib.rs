//! planpub: a static site generator for municipal plans, public hearings and decisions.
//!
//! The code is layered the way data flows, and each layer only uses the ones above it:
//!
//! * [`model`] — the content model and its checks: site configuration, content files,
//!   fuzzy dates, the resolved site with its relations, and the rules of the build moment.
//! * [`build`] — loading, the render jobs, incremental rebuilds and the atomic writer.
//! * [`outputs`] — what the site publishes, one module per page family or output format.
//! * [`formats`] — pure writers of file formats (Atom, iCalendar, sitemaps, Markdown to
//!   HTML, BagIt, WARC) that know nothing about plans or hearings.
//! * [`commands`] — the commands beyond `build`: preview server, snapshots, scaffolding.
//! * [`cli`] — the command line, where typed errors become reports for people.
//! * [`messages`] — the Danish and English catalogues (Fluent) of every word staff read;
//!   diagnostics carry a message key, told in the reader's language at the edge.
//!
//! `docs/architecture.md` says where a new output, content type or date wording goes.
// Diagnostics are returned on the error path only, where their size costs nothing.
#![allow(clippy::result_large_err)]

pub mod build;
pub mod cli;
pub mod commands;
pub mod formats;
pub mod messages;
pub mod model;
pub mod outputs;
