//! Text analysis and the inverted index's build, the hot path of loading records: a crate of
//! its own so the release build can compile it at `opt-level = "s"` while the rest of the app is
//! at `z` (see ARCHITECTURE.md, "Release profile").
//!
//! [`fold`] and [`tokenize`] turn text into terms; [`build`] turns records' texts into terms,
//! postings and part sequences.

pub mod build;
pub mod fold;
pub mod tokenize;
