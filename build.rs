//! Validates the dataset source files (`data/*.toml`) and bundles them into the app.
//!
//! Any problem stops the build with messages naming the file, the record id and the field. The
//! validated records are written with postcard to `$OUT_DIR/studies.postcard`, which
//! `src/data/mod.rs` includes, so the browser never parses text at start-up; their details
//! (summaries, sources, notes…) to `target/dataset/details-<hash>.postcard`, which
//! `scripts/precache.mjs` copies into `dist/` for the app to fetch after its first paint.

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

use std::path::{Path, PathBuf};

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
    let source::Loaded {
        studies,
        redirects,
        stories,
        problems,
    } = source::load_dir(Path::new("data"), true);
    if !problems.is_empty() {
        eprintln!("The dataset has {} problem(s):", problems.len());
        for problem in &problems {
            eprintln!("  {problem}");
        }
        std::process::exit(1);
    }

    // The records go into the wasm without their details (summaries, sources, notes…), which
    // go with the guided stories into a file named by its content hash: the app fetches it
    // after its first paint.
    let (bundle, details) = model::Bundle::new(studies, redirects).split(stories);
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let bytes = postcard::to_allocvec(&bundle).expect("serialising the dataset");
    std::fs::write(out.join("studies.postcard"), &bytes).expect("writing the bundled dataset");
    let bytes = postcard::to_allocvec(&details).expect("serialising the details");
    let name = format!("details-{:016x}.postcard", model::fnv1a(&bytes));
    std::fs::write(out.join("details.postcard"), &bytes).expect("writing the details");
    println!("cargo:rustc-env=IMMUNOTIMELINE_DETAILS_FILE={name}");
    // Where Trunk's post-build hook (scripts/precache.mjs) picks it up for `dist/`: one file per
    // content, so builds of different data side by side never overwrite each other's.
    let shared = Path::new("target").join("dataset");
    std::fs::create_dir_all(&shared).expect("creating target/dataset");
    let staged = shared.join(format!("{name}.partial-{}", std::process::id()));
    std::fs::write(&staged, &bytes).expect("writing the details file");
    std::fs::rename(&staged, shared.join(&name)).expect("writing the details file");
}
