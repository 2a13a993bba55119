//! The search engine as plain JavaScript functions, for the in-browser search comparison of
//! `make bench` (scripts/bench/search-page.html) only.
//!
//! Compiled only into benchmark builds (`--features bench-data`) for wasm32, never into the app
//! people use. Trunk exposes these exports as `window.wasmBindings`; the page calls them from JS
//! so each measured query includes the cost of crossing the JS ↔ wasm boundary, as the other
//! engines' queries include their own overheads.

use crate::data::{Approach, Dataset, Study};
use crate::search::{Filters, Query, SearchIndex};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// The records and the index the last [`bench_load`] built, in the same order, so a hit (a
/// position) names the same record for every engine.
struct Loaded {
    studies: Vec<Study>,
    index: SearchIndex,
}

thread_local! {
    static LOADED: RefCell<Option<Loaded>> = const { RefCell::new(None) };
    static DETAILS: RefCell<Option<Vec<u8>>> = const { RefCell::new(None) };
}

/// The name of the bundled records' details file, beside the app.
#[wasm_bindgen]
pub fn bench_details_file() -> String {
    crate::data::DETAILS_FILE.to_owned()
}

/// Keeps the details file's bytes for [`bench_load`] of the bundled records.
#[wasm_bindgen]
pub fn bench_set_details(bytes: &[u8]) {
    DETAILS.with(|details| *details.borrow_mut() = Some(bytes.to_vec()));
}

/// Replaces the loaded records with `count` synthetic ones from `seed` (or, with `count` 0, the
/// bundled dataset) in date order, as the app holds them, and indexes them. Returns the number
/// of records loaded.
#[wasm_bindgen]
pub fn bench_load(count: u32, seed: u32) -> u32 {
    let dataset = if count == 0 {
        let bundled = Dataset::bundled().0;
        // Whole records, as the app searches them once their details are in.
        DETAILS.with(|details| {
            details
                .borrow()
                .as_deref()
                .and_then(|bytes| bundled.with_details(bytes).ok())
                .unwrap_or(bundled)
        })
    } else {
        let studies = crate::synthetic::generate(count as usize, u64::from(seed));
        Dataset::new(format!("synthetic-{count}"), studies)
    };
    // Dropped first, so two copies never coexist in linear memory.
    LOADED.with(|loaded| loaded.borrow_mut().take());
    let studies = dataset.studies;
    let index = SearchIndex::build(&studies);
    let len = studies.len() as u32;
    LOADED.with(|loaded| *loaded.borrow_mut() = Some(Loaded { studies, index }));
    len
}

/// Only generates `count` synthetic records from `seed` and sorts them as the app does, then
/// drops them: the part of a `?records=N` start-up that stands in for data arriving, so the
/// start-up benchmark can leave it out of "interactive after the data is available".
#[wasm_bindgen]
pub fn bench_generate(count: u32, seed: u32) -> u32 {
    let studies = crate::synthetic::generate(count as usize, u64::from(seed));
    Dataset::new(format!("synthetic-{count}"), studies)
        .studies
        .len() as u32
}

/// The loaded records as a JSON array, in hit order, for indexing by the JS engines (and as the
/// raw size the memory budget is measured against).
#[wasm_bindgen]
pub fn bench_records_json() -> String {
    LOADED.with(|loaded| {
        let loaded = loaded.borrow();
        let studies = loaded.as_ref().map_or(&[][..], |l| l.studies.as_slice());
        // Invariant: `Study` derives `Serialize` with string map keys only, so this cannot fail.
        serde_json::to_string(studies).unwrap_or_else(|_| unreachable!("studies serialise"))
    })
}

/// How many bytes the loaded records take in the bundle's own format (postcard).
#[wasm_bindgen]
pub fn bench_records_postcard_len() -> u32 {
    LOADED.with(|loaded| {
        let loaded = loaded.borrow();
        let studies = loaded.as_ref().map_or(&[][..], |l| l.studies.as_slice());
        postcard::to_allocvec(studies).map_or(0, |bytes| bytes.len() as u32)
    })
}

/// Runs one whole search (matching, ranking, facet counts, histogram) as the app does for a
/// view, with `approach` (a slug, or empty for none) as the only filter. Returns the hit count.
#[wasm_bindgen]
pub fn bench_search(text: &str, approach: &str) -> u32 {
    let query = Query {
        text: text.to_owned(),
        filters: Filters {
            approaches: Approach::from_slug(approach).into_iter().collect(),
            ..Filters::default()
        },
        ..Query::default()
    };
    LOADED.with(|loaded| {
        loaded
            .borrow()
            .as_ref()
            .map_or(0, |l| l.index.search(&query).hits.len() as u32)
    })
}
