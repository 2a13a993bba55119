//! The one place that touches browser APIs directly (web-sys / gloo): panic banner, keyboard
//! shortcuts, storage, clipboard.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// On a Rust panic, show a banner with a Reload button instead of leaving a dead page. The
/// banner is plain DOM (the Leptos runtime may be unusable after a panic) and keeps the URL.
pub fn install_panic_banner() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("{info}").into());
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if document.get_element_by_id("panic-banner").is_some() {
            return;
        }
        let Ok(banner) = document.create_element("div") else {
            return;
        };
        banner.set_id("panic-banner");
        banner.set_class_name("panic-banner");
        let _ = banner.set_attribute("role", "alert");
        let text = document.create_element("p").ok();
        if let Some(text) = &text {
            text.set_text_content(Some(
                "Something went wrong and the timeline stopped working. Reloading keeps your current view.",
            ));
            let _ = banner.append_child(text);
        }
        if let Ok(button) = document.create_element("button") {
            button.set_text_content(Some("Reload"));
            let _ = button.set_attribute("type", "button");
            let reload = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().reload();
                }
            });
            let _ =
                button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
            // The page is about to be reloaded; the listener lives as long as the page.
            reload.forget();
            let _ = banner.append_child(&button);
        }
        if let Some(body) = document.body() {
            let _ = body.prepend_with_node_1(&banner);
        }
    }));
}

/// Pressing `/` anywhere outside a text field focuses `input` (the search box).
pub fn on_slash_focus(input: NodeRef<leptos::html::Input>) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            .is_some_and(|el| {
                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || el.is_content_editable()
            });
        if typing {
            return;
        }
        if let Some(input) = input.get_untracked() {
            ev.prevent_default();
            let _ = input.focus();
        }
    });
    on_cleanup(move || handle.remove());
}
