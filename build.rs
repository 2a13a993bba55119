//! Validates the dataset source files (`data/*.toml`) and bundles them into the app.
//!
//! Any problem stops the build with messages naming the file, the record id and the field. The
//! validated records are written with postcard to `$OUT_DIR/studies.postcard`, which
//! `src/data/mod.rs` includes, so the browser never parses text at start-up.

// These modules are shared with the library; the build script uses only part of each.
#[allow(dead_code)]
#[path = "src/data/model.rs"]
mod model;
#[allow(dead_code)]
#[path = "src/data/source.rs"]
mod source;
#[allow(dead_code)]
#[path = "src/data/validate.rs"]
mod validate;

use std::path::Path;

fn main() {
    for path in [
        "data",
        "src/data/model.rs",
        "src/data/source.rs",
        "src/data/validate.rs",
    ] {
        println!("cargo:rerun-if-changed={path}");
    }
    for entry in std::fs::read_dir("data").into_iter().flatten().flatten() {
        println!("cargo:rerun-if-changed={}", entry.path().display());
    }
    let (studies, redirects, problems) = source::load_dir(Path::new("data"), true);
    if !problems.is_empty() {
        eprintln!("The dataset has {} problem(s):", problems.len());
        for problem in &problems {
            eprintln!("  {problem}");
        }
        std::process::exit(1);
    }

    let bundle = model::Bundle::new(studies, redirects);
    let bytes = postcard::to_allocvec(&bundle).expect("serialising the dataset");
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("studies.postcard");
    std::fs::write(&out, &bytes).expect("writing the bundled dataset");
}
