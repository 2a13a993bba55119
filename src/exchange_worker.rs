//! The import/export worker's wasm: one function, [`handle`], that `public/exchange-worker.js`
//! calls with each message from the app (see `src/exchange/protocol.rs`). It has none of the
//! app's UI, and the app has none of its file formats.

/// Answers one encoded request from the app with an encoded reply.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn handle(message: &[u8]) -> Vec<u8> {
    immunotimeline::exchange::protocol::handle(message)
}

fn main() {}
