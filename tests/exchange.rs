//! Export and import: round trips of the bundled dataset through CSV and JSON, one specific error
//! for each malformed file in `tests/fixtures/import/`, exact BibTeX and RIS output, and the
//! stored-imports envelope. Shared helpers live here; each concern has its own file in
//! `tests/exchange/`.
// Native only: reads fixture files from disk.
#![cfg(not(target_arch = "wasm32"))]

// A test crate root looks for modules beside it, so the paths name the folder.
#[path = "exchange/citations.rs"]
mod citations;
#[path = "exchange/malformed.rs"]
mod malformed;
#[path = "exchange/protocol.rs"]
mod protocol;
#[path = "exchange/round_trip.rs"]
mod round_trip;
#[path = "exchange/stored.rs"]
mod stored;

use immunotimeline::data::Dataset;
use immunotimeline::exchange::{self, ImportReport};
use std::collections::HashSet;

/// The malformed (and a few well-formed) files the import tests read.
const FIXTURES: &str = "tests/fixtures/import";

/// The bundled dataset, which must load without problems.
fn bundled() -> Dataset {
    let (dataset, problems) = Dataset::bundled();
    assert!(problems.is_empty(), "{problems:#?}");
    dataset
}

/// Imports `bytes` as `name`, with the bundled ids as the ids already taken.
fn import_against_bundled(name: &str, bytes: &[u8]) -> ImportReport {
    let dataset = bundled();
    let taken: HashSet<String> = dataset.studies.iter().map(|s| s.id.clone()).collect();
    exchange::import(name, bytes, &|id| taken.contains(id))
}

/// For round trips of the bundled records themselves, whose ids are of course all taken.
fn no_ids_taken(_: &str) -> bool {
    false
}

/// Imports one file of [`FIXTURES`] against the bundled ids.
fn import_fixture(fixture: &str) -> ImportReport {
    let path = format!("{FIXTURES}/{fixture}");
    let bytes = std::fs::read(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    import_against_bundled(fixture, &bytes)
}
