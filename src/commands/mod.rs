//! The commands beyond `build`: the preview server, archival snapshots, and the
//! scaffolding of new sites and content files.

pub mod scaffold;
pub mod serve;
pub mod snapshot;
