//! One file per visible part of the page.

pub mod search_box;
pub mod study_list;
