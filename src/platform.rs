//! The one place that touches browser APIs directly (web-sys / gloo): panic banner, keyboard
//! shortcuts, theme, clipboard, scrolling, measuring, printing.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

const THEME_KEY: &str = "immunotimeline.theme";
/// Where the user's imported records are kept on this device (the text carries its own schema
/// version, see `exchange::encode_stored`).
const IMPORTS_KEY: &str = "immunotimeline.imports";

fn window() -> web_sys::Window {
    // Invariant: this module only runs in a browser page, which always has a window.
    web_sys::window().expect("running in a browser window")
}

fn document() -> web_sys::Document {
    // Invariant: a page's window always has a document.
    window().document().expect("the window has a document")
}

/// On a Rust panic, show a banner with a Reload button instead of leaving a dead page.
pub fn install_panic_banner() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("{info}").into());
        show_panic_banner();
    }));
}

/// The recovery banner: plain DOM, because the Leptos runtime may be unusable after a panic.
/// Reloading keeps the URL, so the user's view comes back.
pub fn show_panic_banner() {
    let document = document();
    if document.get_element_by_id("panic-banner").is_some() {
        return;
    }
    let (Ok(banner), Ok(text), Ok(button)) = (
        document.create_element("div"),
        document.create_element("p"),
        document.create_element("button"),
    ) else {
        return;
    };
    banner.set_id("panic-banner");
    banner.set_class_name("panic-banner");
    let _ = banner.set_attribute("role", "alert");
    text.set_text_content(Some(
        "Something went wrong and the timeline stopped working. Reloading keeps your current view.",
    ));
    button.set_text_content(Some("Reload"));
    let _ = button.set_attribute("type", "button");
    let reload = Closure::<dyn Fn()>::new(|| {
        let _ = window().location().reload();
    });
    let _ = button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
    // The listener must live as long as the page; the page is about to be reloaded anyway.
    reload.forget();
    let _ = banner.append_child(&text);
    let _ = banner.append_child(&button);
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&banner);
    }
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

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Applies the theme the user chose earlier on this device, if any.
pub fn apply_saved_theme() {
    if let Some(theme) = storage().and_then(|s| s.get_item(THEME_KEY).ok().flatten()) {
        set_theme_attribute(&theme);
    }
}

fn set_theme_attribute(theme: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-theme", theme);
    }
}

/// Shows the page in `theme` ("light" or "dark") without remembering it (a link asked for it).
pub fn show_theme(theme: &str) {
    set_theme_attribute(theme);
}

/// `text` percent-encoded as one URI component.
pub fn encode_component(text: &str) -> String {
    js_sys::encode_uri_component(text).into()
}

/// Marks the page as the compact view inside another page's frame (`embed=1`): the stylesheet
/// hides the page's own header, which `index.html` painted before the app knew.
pub fn mark_embedded() {
    if let Some(root) = document().document_element() {
        let _ = root.class_list().add_1("embedded");
    }
}

/// Whether the page is dark now: the saved choice, else the system setting.
pub fn is_dark() -> bool {
    match document()
        .document_element()
        .and_then(|root| root.get_attribute("data-theme"))
    {
        Some(theme) => theme == "dark",
        None => window()
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches()),
    }
}

/// Switches to `theme` ("light" or "dark") and remembers it.
pub fn set_theme(theme: &str) {
    set_theme_attribute(theme);
    if let Some(storage) = storage() {
        let _ = storage.set_item(THEME_KEY, theme);
    }
}

/// The query string of the address bar, with its `?` (empty when there is none).
pub fn location_search() -> String {
    window().location().search().unwrap_or_default()
}

/// The page's address without query or fragment (origin and path).
pub fn page_address() -> String {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}")
}

/// Writes `search` (`?…`, or empty for none) into the address bar, as a new history entry
/// (`push`) or in place of the current one. Never reloads the page.
pub fn write_address(search: &str, push: bool) {
    let location = window().location();
    let url = if search.is_empty() {
        location.pathname().unwrap_or_default()
    } else {
        search.to_owned()
    };
    let Ok(history) = window().history() else {
        return;
    };
    let _ = if push {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}

/// Copies `text` to the clipboard and reports whether it worked.
pub fn copy_text(text: String, done: impl FnOnce(bool) + 'static) {
    let clipboard = window().navigator().clipboard();
    let promise = clipboard.write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        done(ok);
    });
}

/// Runs `f` once after `ms` milliseconds.
pub fn after_ms(ms: u32, f: impl FnOnce() + 'static) {
    gloo::timers::callback::Timeout::new(ms, f).forget();
}

/// Runs the latest of a burst of calls (a keystroke each) once they pause: each
/// [`AfterPause::schedule`] replaces the one before it if it comes within `ms`.
#[derive(Clone, Copy)]
pub struct AfterPause {
    turn: StoredValue<u32>,
    ms: u32,
}

impl AfterPause {
    pub fn new(ms: u32) -> Self {
        Self {
            turn: StoredValue::new(0),
            ms,
        }
    }

    /// Runs `f` in `ms` milliseconds unless this is scheduled again first, or its owner is gone.
    pub fn schedule(self, f: impl FnOnce() + 'static) {
        let turn = self.turn.get_value().wrapping_add(1);
        self.turn.set_value(turn);
        after_ms(self.ms, move || {
            if self.turn.try_get_value() == Some(turn) {
                f();
            }
        });
    }
}

/// Milliseconds since the epoch, for spreading work over time.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Runs `f` in a task of its own as soon as the browser has handled what is waiting (input,
/// rendering). Unlike a zero-delay timeout, which browsers hold back 4 ms once timeouts nest,
/// a message to the page's own channel is not delayed, so work split into many slices does not
/// idle between them. Falls back to a timeout where the channel cannot be made.
pub fn soon(f: impl FnOnce() + 'static) {
    let f: Box<dyn FnOnce()> = Box::new(f);
    let refused = SOON.with(|soon| {
        let mut soon = soon.borrow_mut();
        if soon.is_none() {
            *soon = Soon::new();
        }
        match soon.as_mut() {
            Some(soon) => {
                soon.queue.push_back(f);
                // Only fails for a message that cannot be cloned; null can.
                let _ = soon
                    .channel
                    .port2()
                    .post_message(&wasm_bindgen::JsValue::NULL);
                None
            }
            None => Some(f),
        }
    });
    if let Some(f) = refused {
        after_ms(0, f);
    }
}

/// The page's channel for [`soon`]: each message runs the oldest queued callback.
struct Soon {
    channel: web_sys::MessageChannel,
    queue: std::collections::VecDeque<Box<dyn FnOnce()>>,
    _on_message: Closure<dyn FnMut()>,
}

thread_local! {
    static SOON: std::cell::RefCell<Option<Soon>> = const { std::cell::RefCell::new(None) };
}

impl Soon {
    fn new() -> Option<Self> {
        let channel = web_sys::MessageChannel::new().ok()?;
        let on_message = Closure::<dyn FnMut()>::new(|| {
            let next = SOON.with(|soon| soon.borrow_mut().as_mut()?.queue.pop_front());
            if let Some(next) = next {
                next();
            }
        });
        channel
            .port1()
            .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Some(Self {
            channel,
            queue: Default::default(),
            _on_message: on_message,
        })
    }
}

/// Runs `f` in a task of its own once the browser has painted the next frame, so what changed
/// before it is on screen first. A hidden page paints no frames; there it runs `f` [`soon`].
pub fn after_paint(f: impl FnOnce() + 'static) {
    if document().hidden() {
        soon(f);
    } else {
        // The frame's callbacks run just before it is painted; a task queued there runs after.
        request_animation_frame(move || soon(f));
    }
}

/// Whether the screen is wide enough to show the filters open beside the results.
pub fn is_wide() -> bool {
    window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w >= 900.0)
}

/// This year, from the device's clock.
pub fn current_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
}

/// Height of one card in the list, in pixels; cards clamp their text to fit it.
pub fn card_height() -> f64 {
    let width = window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .unwrap_or(1024.0);
    if width < 640.0 { 196.0 } else { 148.0 }
}

/// The part of `element` inside the viewport, as (top offset within the element, viewport
/// height), updated on scroll and resize at most once a frame.
pub fn scroll_window(element: NodeRef<leptos::html::Div>) -> ReadSignal<(f64, f64)> {
    let (window_signal, set_window) = signal((0.0, viewport_height()));
    let measure = move || {
        if let Some(el) = element.get_untracked() {
            let top = -el.get_bounding_client_rect().top();
            let next = (top, viewport_height());
            if window_signal.get_untracked() != next {
                set_window.set(next);
            }
        }
    };
    let pending = StoredValue::new(false);
    let schedule = move || {
        if pending.get_value() {
            return;
        }
        pending.set_value(true);
        request_animation_frame(move || {
            pending.set_value(false);
            measure();
        });
    };
    let scroll = window_event_listener(leptos::ev::scroll, move |_| schedule());
    let resize = window_event_listener(leptos::ev::resize, move |_| schedule());
    Effect::new(move |_| {
        if element.get().is_some() {
            schedule();
        }
    });
    on_cleanup(move || {
        scroll.remove();
        resize.remove();
    });
    window_signal
}

fn viewport_height() -> f64 {
    window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0)
}

/// The header `index.html` shows from the first paint, if the page has it.
pub fn static_header() -> Option<web_sys::HtmlElement> {
    document()
        .get_element_by_id("site-header")
        .and_then(|el| el.dyn_into().ok())
}

/// Removes the "Loading" line `index.html` shows until the app starts.
pub fn remove_loading_note() {
    if let Some(note) = document().get_element_by_id("loading-note") {
        note.remove();
    }
}

/// Sets attribute `name` of `el` to `value`, or removes it for `None`.
pub fn set_attribute(el: &web_sys::Element, name: &str, value: Option<&str>) {
    let _ = match value {
        Some(value) => el.set_attribute(name, value),
        None => el.remove_attribute(name),
    };
}

/// Sets CSS property `name` of `el`'s inline style, or removes it for `None` (through the
/// CSSOM, which the CSP's `style-src 'self'` allows, unlike a `style` attribute).
pub fn set_style(el: &web_sys::HtmlElement, name: &str, value: Option<&str>) {
    let style = el.style();
    let _ = match value {
        Some(value) => style.set_property(name, value),
        None => style.remove_property(name).map(drop),
    };
}

/// Marks (or unmarks) with class `linked` every element under `scope` (a CSS selector) whose
/// `data-id` is `id`: a record's marker and its row in the match list light up together.
pub fn mark_linked(scope: &str, id: &str, on: bool) {
    // Ids are slugs (lowercase letters, digits, hyphens), so they need no escaping in a selector.
    if !id
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return;
    }
    let Ok(list) = document().query_selector_all(&format!("{scope} [data-id=\"{id}\"]")) else {
        return;
    };
    for i in 0..list.length() {
        if let Some(el) = list
            .item(i)
            .and_then(|node| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(node).ok())
        {
            let _ = if on {
                el.class_list().add_1("linked")
            } else {
                el.class_list().remove_1("linked")
            };
        }
    }
}

/// Gives the class `story-past` to exactly the timeline's markers of `past` (record ids): the
/// steps of a story already taken; and `story-now` to the marker of the step shown (`now`).
pub fn mark_story_path(past: &[String], now: Option<&str>) {
    let Ok(list) = document().query_selector_all(".timeline [data-id]") else {
        return;
    };
    for i in 0..list.length() {
        if let Some(el) = list
            .item(i)
            .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
        {
            let id = el.get_attribute("data-id").unwrap_or_default();
            let classes = el.class_list();
            for (class, on) in [
                ("story-past", past.contains(&id)),
                ("story-now", now == Some(id.as_str())),
            ] {
                // Only a real change: even removing an absent class rewrites the attribute, a
                // mutation and a restyle of every marker after every keystroke.
                if classes.contains(class) != on {
                    let _ = if on {
                        classes.add_1(class)
                    } else {
                        classes.remove_1(class)
                    };
                }
            }
        }
    }
}

/// Whether a key press belongs to what has focus: typing in a field, or the timeline (which
/// pans and zooms with arrows and + −).
pub fn keys_are_taken(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.closest(".timeline-area").ok().flatten().is_some()
        })
}

/// The `data-id` of the nearest element at or above an event's target that has one.
pub fn data_id_of(ev: &web_sys::Event) -> Option<String> {
    ev.target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        .and_then(|el| el.closest("[data-id]").ok().flatten())
        .and_then(|el| el.get_attribute("data-id"))
}

/// Replaces `el`'s text, changing its text node in place when it has one (twice as fast as
/// replacing the node, measured on the timeline's badges).
pub fn set_text(el: &web_sys::Element, text: &str) {
    match el.first_child() {
        Some(node) => node.set_node_value(Some(text)),
        None => el.set_text_content(Some(text)),
    }
}

/// Width of `element` in pixels, kept up to date on resize.
pub fn element_width(element: NodeRef<leptos::html::Div>) -> ReadSignal<f64> {
    let (width, set_width) = signal(0.0);
    // Also called a frame later, when the component may be gone: then it does nothing.
    let measure = move || {
        if let Some(el) = element.try_get_untracked().flatten() {
            let w = f64::from(el.client_width());
            if width.try_get_untracked().is_some_and(|old| old != w) {
                let _ = set_width.try_set(w);
            }
        }
    };
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    Effect::new(move |_| {
        if element.get().is_some() {
            // At once, so what depends on the width (the list's card heights, the timeline's
            // labels) is right before the first paint instead of shifting a frame later; and
            // again after the frame, once the rest of the page has laid out around it.
            measure();
            request_animation_frame(measure);
        }
    });
    on_cleanup(move || resize.remove());
    width
}

/// Whether `element` is on screen or within half a screen of it, from an `IntersectionObserver`
/// (false until the browser first reports, and while the element has no box). Work for what is
/// far below the fold can wait until the person scrolls towards it.
pub fn near_viewport(element: NodeRef<leptos::html::Div>) -> ReadSignal<bool> {
    let (near, set_near) = signal(false);
    let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        // The newest report is the last one.
        if let Some(entry) = entries.iter().last() {
            let entry: web_sys::IntersectionObserverEntry = entry.unchecked_into();
            let _ = set_near.try_set(entry.is_intersecting());
        }
    });
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin("50% 0px");
    let Ok(observer) = web_sys::IntersectionObserver::new_with_options(
        on_change.as_ref().unchecked_ref(),
        &options,
    ) else {
        // No observer (a very old browser): treat the element as always near.
        set_near.set(true);
        return near;
    };
    // The callback lives as long as the observer, which the element keeps while it is
    // observed: once the element is gone, both can be collected (the callback's few bytes on
    // the Rust side stay).
    on_change.forget();
    Effect::new(move |_| {
        if let Some(el) = element.get() {
            observer.observe(&el);
        }
    });
    near
}

/// True while the browser prepares to print (the list then renders every row).
pub fn printing() -> ReadSignal<bool> {
    let (printing, set_printing) = signal(false);
    let before = window_event_listener_untyped("beforeprint", move |_| set_printing.set(true));
    let after = window_event_listener_untyped("afterprint", move |_| set_printing.set(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    printing
}

/// `aria-posinset` of the feed article that has focus (or contains it).
pub fn focused_posinset() -> Option<u32> {
    let active = document().active_element()?;
    let article = active.closest("article[aria-posinset]").ok()??;
    article.get_attribute("aria-posinset")?.parse().ok()
}

/// Scrolls the window so that the feed row starting `row_top` pixels into the feed is in view.
pub fn scroll_feed_row_into_view(feed: NodeRef<leptos::html::Div>, row_top: f64, row_height: f64) {
    let Some(el) = feed.get_untracked() else {
        return;
    };
    let feed_top = el.get_bounding_client_rect().top();
    let row_in_viewport = feed_top + row_top;
    let height = viewport_height();
    if row_in_viewport < 0.0 || row_in_viewport + row_height > height {
        let y = window().scroll_y().unwrap_or(0.0) + row_in_viewport - height / 3.0;
        window().scroll_to_with_x_and_y(0.0, y.max(0.0));
    }
}

/// Focuses the feed article at `posinset` once it has been rendered (after a scroll).
pub fn focus_posinset_soon(posinset: u32) {
    let selector = format!("article[aria-posinset=\"{posinset}\"]");
    let attempt = move || {
        document()
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            .map(|el| el.focus())
            .is_some()
    };
    if !attempt() {
        request_animation_frame(move || {
            request_animation_frame(move || {
                attempt();
            });
        });
    }
}

/// `?records=N` in a benchmark build: how many synthetic records to load instead of the data.
#[cfg(feature = "bench-data")]
pub fn bench_record_count() -> Option<usize> {
    let search = window().location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("records="))
        .and_then(|n| n.parse().ok())
        .filter(|&n| n > 0 && n <= 1_000_000)
}

/// The text this device keeps under `key`, if any (and if the browser lets the page store).
pub fn load_text(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Keeps `text` under `key` on this device; quietly does nothing where the browser refuses.
pub fn save_text(key: &str, text: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, text);
    }
}

/// The stored import, if this device has one.
pub fn load_stored_imports() -> Option<String> {
    storage()?.get_item(IMPORTS_KEY).ok().flatten()
}

/// Keeps `text` as this device's import (or forgets it when `None`). Fails when storage is
/// unavailable or full, and then nothing was changed.
pub fn save_stored_imports(text: Option<&str>) -> Result<(), String> {
    let storage = storage().ok_or("this browser does not allow storing data for this page")?;
    match text {
        Some(text) => storage.set_item(IMPORTS_KEY, text).map_err(|_| {
            "the browser refused to store the records (storage may be full)".to_owned()
        }),
        None => storage
            .remove_item(IMPORTS_KEY)
            .map_err(|_| "the browser refused to remove the stored records".to_owned()),
    }
}

/// Offers `text` as a file download named `file_name`; made in the browser, nothing is uploaded.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "could not prepare the file".to_owned())?;
    download_blob(file_name, &blob)
}

/// Offers the SVG document `svg` as a PNG file at twice its size (for slides), drawn on a
/// canvas on this page: a worker cannot draw an SVG. The SVG goes in as a `data:` address, the
/// only kind besides the app's own that the page's CSP allows for images.
pub async fn download_png(file_name: &str, svg: &str) -> Result<(), String> {
    use wasm_bindgen_futures::JsFuture;
    let image = web_sys::HtmlImageElement::new().map_err(|_| "could not make an image")?;
    let encoded = String::from(js_sys::encode_uri_component(svg));
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
    JsFuture::from(image.decode())
        .await
        .map_err(|_| "the browser could not read the picture")?;
    let (width, height) = (image.natural_width() * 2, image.natural_height() * 2);
    let canvas: web_sys::HtmlCanvasElement = document()
        .create_element("canvas")
        .map_err(|_| "could not make a canvas")?
        .unchecked_into();
    canvas.set_width(width);
    canvas.set_height(height);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or("the browser gave no canvas to draw on")?
        .unchecked_into();
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            &image,
            0.0,
            0.0,
            f64::from(width),
            f64::from(height),
        )
        .map_err(|_| "the picture could not be drawn")?;
    let png = js_sys::Promise::new(&mut |resolve, _reject| {
        let done = Closure::once_into_js(move |blob: wasm_bindgen::JsValue| {
            let _ = resolve.call1(&wasm_bindgen::JsValue::NULL, &blob);
        });
        if canvas
            .to_blob_with_type(done.unchecked_ref(), "image/png")
            .is_err()
        {
            let _ = done
                .unchecked_ref::<js_sys::Function>()
                .call1(&wasm_bindgen::JsValue::NULL, &wasm_bindgen::JsValue::NULL);
        }
    });
    let blob = JsFuture::from(png)
        .await
        .ok()
        .and_then(|blob| blob.dyn_into::<web_sys::Blob>().ok())
        .ok_or("the browser could not make the PNG (the picture may be too large)")?;
    download_blob(file_name, &blob)
}

/// Offers `blob` as a file download named `file_name`.
fn download_blob(file_name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob)
        .map_err(|_| "could not prepare the download".to_owned())?;
    let anchor: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .map_err(|_| "could not start the download".to_owned())?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Reads the bytes of a file the user picked or dropped.
pub async fn read_file(file: web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "the file could not be read".to_owned())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Fetches a file that sits beside the app (`name`, relative to the page) as bytes. `Err` says
/// why in words: offline and not cached, a missing file, a broken connection.
pub async fn fetch_beside(name: &str) -> Result<Vec<u8>, String> {
    use wasm_bindgen_futures::JsFuture;
    let response = JsFuture::from(window().fetch_with_str(name))
        .await
        .map_err(|_| "the network could not be reached".to_owned())?
        .dyn_into::<web_sys::Response>()
        .map_err(|_| "the answer was not a response".to_owned())?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let buffer = response
        .array_buffer()
        .map_err(|_| "its body could not be read".to_owned())?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|_| "the download broke off".to_owned())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Today's date as `YYYY-MM-DD`, from the device's clock.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// How long the import/export worker may take to load its wasm before requests are answered
/// with an error (a download that never ends must not leave the page waiting for ever).
const HELPER_LOAD_MS: u32 = 30_000;

/// The import/export worker (`public/exchange-worker.js`), started on first use: the worker,
/// whether its wasm has loaded, the next request's id, and the `resolve` of each request still
/// waiting for its answer.
struct Helper {
    worker: web_sys::Worker,
    /// Tells this helper from the ones started before it (see [`HELPER_LOAD_MS`]).
    generation: u32,
    loaded: bool,
    next_id: u32,
    waiting: std::collections::HashMap<u32, js_sys::Function>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static HELPER: std::cell::RefCell<Option<Helper>> = const { std::cell::RefCell::new(None) };
    static HELPERS_STARTED: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Stops the worker and answers everything still waiting with `error`.
fn drop_helper(error: &str) {
    let Some(helper) = HELPER.with_borrow_mut(Option::take) else {
        return;
    };
    helper.worker.set_onmessage(None);
    helper.worker.set_onerror(None);
    helper.worker.terminate();
    for resolve in helper.waiting.values() {
        let _ = resolve.call1(&wasm_bindgen::JsValue::NULL, &error.into());
    }
}

/// What the worker posts: `"loaded"` once its wasm is ready, else `[id, answer]`.
fn on_helper_message(event: web_sys::MessageEvent) {
    let data = event.data();
    if data.as_string().as_deref() == Some("loaded") {
        HELPER.with_borrow_mut(|helper| helper.iter_mut().for_each(|h| h.loaded = true));
        return;
    }
    let Some(message) = data.dyn_ref::<js_sys::Array>() else {
        return;
    };
    let answer = message.get(1);
    let id = message.get(0).as_f64().map(|id| id as u32);
    let resolve = id.and_then(|id| HELPER.with_borrow_mut(|h| h.as_mut()?.waiting.remove(&id)));
    if let Some(resolve) = resolve {
        let _ = resolve.call1(&wasm_bindgen::JsValue::NULL, &answer);
    }
    // A text answer means the worker failed and has closed itself.
    if let Some(error) = answer.as_string() {
        drop_helper(&error);
    }
}

fn start_helper() -> Result<Helper, String> {
    let worker = web_sys::Worker::new("exchange-worker.js")
        .map_err(|_| "the import/export helper could not be started".to_owned())?;
    let on_message = Closure::<dyn FnMut(_)>::new(on_helper_message);
    // A script that fails to load fires a plain `Event`; an exception in it, an `ErrorEvent`.
    let on_error = Closure::<dyn FnMut(_)>::new(|event: web_sys::Event| {
        event.prevent_default();
        let detail = event
            .dyn_ref::<web_sys::ErrorEvent>()
            .map(web_sys::ErrorEvent::message)
            .unwrap_or_default();
        drop_helper(&if detail.is_empty() {
            "the import/export helper could not be loaded".to_owned()
        } else {
            format!("the import/export helper failed ({detail})")
        });
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let generation = HELPERS_STARTED.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    });
    after_ms(HELPER_LOAD_MS, move || {
        let stalled = HELPER.with_borrow(|helper| {
            helper
                .as_ref()
                .is_some_and(|h| h.generation == generation && !h.loaded)
        });
        if stalled {
            drop_helper("the import/export helper took too long to load");
        }
    });
    Ok(Helper {
        worker,
        generation,
        loaded: false,
        next_id: 0,
        waiting: Default::default(),
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// Whether the import/export worker is running with its wasm loaded, so a request is answered
/// without a download first.
pub fn helper_loaded() -> bool {
    HELPER.with_borrow(|helper| helper.as_ref().is_some_and(|h| h.loaded))
}

/// Sends `request` to the import/export worker, starting it (and so downloading its wasm) the
/// first time. `Err` says for people why there is no answer.
pub async fn exchange(
    request: &crate::exchange::protocol::Request,
) -> Result<crate::exchange::protocol::Reply, String> {
    let bytes = js_sys::Uint8Array::from(&crate::exchange::protocol::encode_request(request)[..]);
    let mut failed = None;
    let answer = js_sys::Promise::new(&mut |resolve, _reject| {
        let sent = HELPER.with_borrow_mut(|slot| {
            if slot.is_none() {
                *slot = Some(start_helper()?);
            }
            // Invariant: the slot was filled just above.
            let helper = slot.as_mut().expect("the helper was just started");
            let id = helper.next_id;
            helper.next_id = id.wrapping_add(1);
            let message = js_sys::Array::of2(&id.into(), &bytes);
            helper
                .worker
                .post_message_with_transfer(&message, &js_sys::Array::of1(&bytes.buffer()))
                .map_err(|_| "the request could not be sent to the import/export helper")?;
            helper.waiting.insert(id, resolve);
            Ok::<(), String>(())
        });
        if let Err(error) = sent {
            failed = Some(error);
        }
    });
    if let Some(error) = failed {
        return Err(error);
    }
    let answer = wasm_bindgen_futures::JsFuture::from(answer)
        .await
        .map_err(|_| "the import/export helper did not answer".to_owned())?;
    match answer.dyn_into::<js_sys::Uint8Array>() {
        Ok(bytes) => crate::exchange::protocol::decode_reply(&bytes.to_vec()),
        Err(error) => Err(error
            .as_string()
            .unwrap_or_else(|| "the import/export helper failed".to_owned())),
    }
}
