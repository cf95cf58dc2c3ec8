//! The commands beyond `build`: the preview server, archival snapshots, the
//! scaffolding of new sites and content files, the editor support files, and importing
//! process plans.

pub mod editor;
pub mod import;
pub mod scaffold;
pub mod serve;
pub mod snapshot;
