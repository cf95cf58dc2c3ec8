//! The content model and its checks: what authors write, read and validated, then
//! resolved into a [`site::Site`] as of one build moment.

pub mod attachments;
pub mod checks;
pub mod clock;
pub mod config;
pub mod content;
pub mod dates;
pub mod diagnostics;
pub mod digest;
pub mod events;
pub mod followon;
pub mod ledger;
pub mod links;
pub mod order;
pub mod schedule;
pub mod site;
pub mod slug;
pub mod state;
pub mod urls;
pub mod web;
pub mod yaml;
