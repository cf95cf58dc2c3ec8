//! The commands beyond `build`: the preview server, archival snapshots, the
//! scaffolding of new sites and content files, and importing process plans.

pub mod import;
pub mod scaffold;
pub mod serve;
pub mod snapshot;
