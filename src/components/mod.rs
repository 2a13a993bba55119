//! One file per visible part of the page. Each reads the shared [`crate::app::Ctx`].

pub mod bench;
pub mod data_panel;
pub mod detail;
pub mod empty;
pub mod facets;
pub mod header;
pub mod marked;
pub mod notices;
pub mod overview;
pub mod search_box;
pub mod study_list;
pub mod timeline;
pub mod toolbar;

use crate::app::Ctx;
use leptos::prelude::*;

/// The shared context; every component is rendered inside the shell that provides it.
pub fn ctx() -> Ctx {
    expect_context::<Ctx>()
}
