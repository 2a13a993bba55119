//! "Download image": the view the user is looking at (the timeline, or bench to bedside) as an
//! SVG file, or as a PNG at twice its size for slides, with a caption that links back to it.
//!
//! The component describes what its view has drawn (`exchange::picture::describe`); the
//! import/export worker writes the SVG, fetched the first time it is needed, so the first load
//! carries no drawing code. The PNG is drawn from that SVG on this page (`platform`).

use super::ctx;
use super::data_panel::{PREPARING, ask_and_offer};
use super::toolbar::filters_in_words;
use crate::exchange::picture::{Body, Caption, Picture};
use crate::exchange::protocol::Request;
use crate::platform;
use leptos::prelude::*;
use std::sync::Arc;

/// What a view is drawn as now, for a picture of it.
pub type Describe = Arc<dyn Fn() -> Body + Send + Sync>;

/// Two buttons, "Download SVG" and "Download PNG", and a line saying how it went. `body`
/// describes the view as it is drawn when a button is pressed (a `dyn` function: generic, the
/// whole control was compiled once per view); `name` goes into the file's name ("timeline" or
/// "bench-to-bedside").
pub fn image_download(name: &'static str, body: Describe) -> impl IntoView {
    let ctx = ctx();
    let (message, set_message) = signal(String::new());
    let make = move |png: bool| {
        if ctx.results.with_untracked(|r| r.pending) {
            return set_message.set(PREPARING.into());
        }
        let caption = Caption {
            link: ctx.permalink(),
            dataset_version: ctx.library.with_untracked(|l| l.version().to_owned()),
            date: platform::today(),
            shown: ctx.results.with_untracked(|r| r.hits.len()),
            matching: filters_in_words(&ctx.state.get_untracked()),
        };
        let request = Request::Picture(Picture {
            caption,
            body: body(),
        });
        set_message.set(if platform::helper_loaded() {
            "Making the image…".into()
        } else {
            "Loading the image maker (once)…".into()
        });
        let (mime, extension) = if png {
            (None, "png")
        } else {
            (Some("image/svg+xml"), "svg")
        };
        let file = format!("immunotherapy-{name}-{}.{extension}", platform::today());
        let done = format!("Downloaded {file}.");
        ask_and_offer(request, file, mime, ("Making the image", done), set_message);
    };
    let svg = make.clone();
    view! {
        <div class="image-download">
            <button type="button" class="button" on:click=move |_| svg(false) title="A vector image: its text stays text, for print and editing">
                "Download SVG"
            </button>
            <button type="button" class="button" on:click=move |_| make(true) title="A picture at twice the screen's size, for slides">
                "Download PNG"
            </button>
            <span class="data-status" role="status">{message}</span>
        </div>
    }
}
