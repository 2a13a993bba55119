//! Entry point: mount the app (in the browser) or explain how to run it (anywhere else).

// In the browser the JS glue calls `start` once the wasm is instantiated. Without std's `main`
// the wasm carries none of its runtime set-up and tear-down (the main thread's handle, flushing
// stdout and the `io::Error` messages that come with it), which the app never needs.
#![cfg_attr(target_arch = "wasm32", no_main)]

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
fn start() {
    immunotimeline::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is a browser app. Run `make serve` and open http://127.0.0.1:8080");
}
