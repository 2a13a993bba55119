//! `cargo run --example check-data [folder]`: validates the dataset (default `data/`) with the
//! build's own rules and prints every problem, without building the app. Exit status 1 when
//! there is any problem. Data editors run it while they work; `build.rs` applies the same checks.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let folder = std::env::args().nth(1).unwrap_or_else(|| "data".to_owned());
    let immunotimeline::data::source::Loaded {
        studies,
        redirects,
        stories,
        problems,
    } = immunotimeline::data::source::load_dir(std::path::Path::new(&folder), true);
    for problem in &problems {
        println!("{problem}");
    }
    println!(
        "{} valid records, {} redirects, {} stories, {} problem(s)",
        studies.len(),
        redirects.len(),
        stories.len(),
        problems.len()
    );
    if !problems.is_empty() {
        std::process::exit(1);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
