//! One file per visible part of the page. Each reads the shared [`crate::app::Ctx`].

pub mod bench;
pub mod data_panel;
pub mod detail;
pub mod embed;
pub mod empty;
pub mod facets;
pub mod header;
pub mod image;
pub mod marked;
pub mod notices;
pub mod overview;
pub mod search_box;
pub mod story;
pub mod study_list;
pub mod timeline;
pub mod toolbar;

use crate::app::Ctx;
use leptos::prelude::*;

/// The shared context; every component is rendered inside the shell that provides it.
pub fn ctx() -> Ctx {
    // Not `expect_context`: its panic message formats the caller's `Location` and the type's
    // name with `{:?}`, which brings string escaping and its Unicode tables into the wasm.
    use_context::<Ctx>()
        .expect("every component is rendered inside the shell, which provides the context")
}

/// A click handler for a link to a study: a plain click selects it in place (pushing a history
/// entry); modified or middle clicks are left to the browser (new tab, new window).
pub fn select_on_click(ctx: &Ctx, id: String) -> impl Fn(web_sys::MouseEvent) + Clone + use<> {
    let ctx = ctx.clone();
    move |ev: web_sys::MouseEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        ctx.update(crate::app::History::Push, |s| s.study = Some(id.clone()));
    }
}
