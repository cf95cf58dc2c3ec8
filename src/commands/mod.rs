//! Commands that do more than build: each in its own folder.

pub mod import;
