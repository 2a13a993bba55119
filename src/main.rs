//! Entry point: mount the app (in the browser) or explain how to run it (anywhere else).

#[cfg(target_arch = "wasm32")]
fn main() {
    immunotimeline::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is a browser app. Run `make serve` and open http://127.0.0.1:8080");
}
