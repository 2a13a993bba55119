//! A searchable, filterable timeline of cancer-immunotherapy studies that runs in the browser.
//!
//! The pure core (`data`, `search`, `view_state`, `synthetic`) compiles on every target and is
//! tested natively; the user interface (`app`, `components`, `platform`) exists only on wasm32.

pub mod data;
pub mod exchange;
pub mod library;
pub mod search;
pub mod synthetic;
pub mod view_state;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(all(target_arch = "wasm32", feature = "bench-data"))]
pub mod bench_api;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod platform;
