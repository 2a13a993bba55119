//! A searchable, filterable timeline of cancer-immunotherapy studies that runs in the browser.
//!
//! The pure core (`data`, `number`, `search`, `view_state`, `timeline_plot`, `bedside`, `order`, `synthetic`)
//! compiles on every target and is tested natively; the user interface (`app`, `components`,
//! `platform`) exists only on wasm32.

/// The page's heading and tagline. `index.html` shows the same two lines while the app loads
/// (a test keeps them in step), so a slow connection gets the page's title at once, not a blank
/// page.
pub const TITLE: &str = "Cancer immunotherapy timeline";
pub const TAGLINE: &str =
    "From Coley's toxins to CAR-T: studies, approvals and discoveries, each with its sources.";

pub mod bedside;
pub mod data;
pub mod exchange;
pub mod library;
pub mod number;
pub mod order;
pub mod search;
pub mod seen;
pub mod synthetic;
pub mod timeline_plot;
pub mod view_state;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(all(target_arch = "wasm32", feature = "bench-data"))]
pub mod bench_api;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod platform;
