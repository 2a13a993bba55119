//! Search benchmark: index build time, index memory and query latency at 1k, 10k and 100k
//! synthetic records, printed as one table. Run with `cargo bench --bench search`.
//!
//! Memory is the growth in live heap bytes while the index is built and kept, counted by a
//! wrapping global allocator. Latency is one whole `search` call (matching, facets, histogram,
//! ordering); each query of a fixed set runs several times and counts with its median, and the
//! table gives the 50th and 95th percentile of those over each class of queries.
// Native only: uses native-only dev-dependencies and runs on the host.
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

use cap::Cap;
use immunotimeline::data::{Approach, CancerType, Dataset, Stage, Study};
use immunotimeline::search::{Filters, Query, SearchIndex};
use immunotimeline::synthetic;
use std::alloc::System;
use std::hint::black_box;
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOCATOR: Cap<System> = Cap::new(System, usize::MAX);

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];
const SEED: u64 = 2024;

/// Words typed a keystroke at a time: every prefix of each is a query.
const TYPED: &[&str] = &[
    "pembrolizumab",
    "lymphocytes",
    "checkpoint",
    "melanoma",
    "interleukin",
];
/// Misspelt whole words (the trailing space ends the word) and misspelt words being typed.
const TYPO: &[&str] = &[
    "pembrolizomab ",
    "tisagenleucel ",
    "lymphocites ",
    "melanomma ",
    "checkpiont ",
    "imunotherapy ",
    "antibodys ",
    "ipilimumb ",
    "metastatis ",
    "checkpiont",
    "macrophags",
    "neoantgen ",
];
const MULTI_WORD: &[&str] = &[
    "pd-1 melanoma ",
    "car t cells leukemia ",
    "\"immune checkpoint\" blockade ",
    "tumor infiltrating lymphocytes ",
    "keytruda survival -mice ",
    "tnf alpha mice",
    "chimeric antigen receptor",
    "cd19 car-t relapse",
    "pembrolizumab nivolumab ",
    "interleukin 2 melanoma",
];

fn facet_queries() -> Vec<Query> {
    let filters = [
        Filters {
            approaches: vec![Approach::CheckpointInhibitor],
            ..Filters::default()
        },
        Filters {
            cancer_types: vec![CancerType::Melanoma, CancerType::Lung],
            ..Filters::default()
        },
        Filters {
            stages: vec![Stage::Phase3, Stage::Approval],
            ..Filters::default()
        },
        Filters {
            year_from: Some(2000),
            year_to: Some(2020),
            ..Filters::default()
        },
        Filters {
            institutions: vec!["Memorial Sloan Kettering Cancer Center".into()],
            ..Filters::default()
        },
        Filters {
            approaches: vec![Approach::CarT],
            cancer_types: vec![CancerType::Leukemia, CancerType::Lymphoma],
            year_from: Some(2010),
            ..Filters::default()
        },
        Filters::default(),
    ];
    filters
        .into_iter()
        .map(|filters| Query {
            filters,
            ..Query::default()
        })
        .collect()
}

/// The record counts to run: `SEARCH_BENCH_SIZES=1000,10000` narrows a run; the default is all.
fn sizes() -> Vec<usize> {
    std::env::var("SEARCH_BENCH_SIZES")
        .ok()
        .map(|list| {
            list.split(',')
                .filter_map(|n| n.trim().parse().ok())
                .collect()
        })
        .unwrap_or_else(|| SIZES.to_vec())
}

fn typed_queries() -> Vec<Query> {
    let prefixes = TYPED
        .iter()
        .flat_map(|word| (1..=word.len()).map(move |end| &word[..end]));
    prefixes
        .map(|text| Query {
            text: text.to_string(),
            ..Query::default()
        })
        .collect()
}

fn text_queries(texts: &[&str]) -> Vec<Query> {
    texts
        .iter()
        .map(|text| Query {
            text: text.to_string(),
            ..Query::default()
        })
        .collect()
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is not supported and not needed.
    let classes: [(&str, Vec<Query>); 4] = [
        ("prefix", typed_queries()),
        ("typo", text_queries(TYPO)),
        ("multi-word", text_queries(MULTI_WORD)),
        ("facet-only", facet_queries()),
    ];
    let mut header = String::from("| records | build | index memory | terms |");
    let mut rule = String::from("|---:|---:|---:|---:|");
    for (name, _) in &classes {
        header.push_str(&format!(" {name} p50 / p95 |"));
        rule.push_str("---:|");
    }
    header.push_str(" highlight 30 rows |");
    rule.push_str("---:|");
    let mut rows = Vec::new();
    for size in sizes() {
        // In date order, as `Dataset` hands records to the app.
        let studies = Dataset::new("bench".into(), synthetic::generate(size, SEED)).studies;
        let (index, build, memory) = build_index(&studies);
        let mut row = format!(
            "| {size} | {} | {:.1} MiB | {} |",
            ms(build),
            memory as f64 / (1024.0 * 1024.0),
            index.term_count(),
        );
        let repeats = (200_000 / size).clamp(5, 50);
        for (_, queries) in &classes {
            let mut times = latencies(&index, queries, repeats);
            row.push_str(&format!(
                " {} / {} |",
                ms(percentile(&mut times, 50)),
                ms(percentile(&mut times, 95))
            ));
        }
        row.push_str(&format!(" {} |", ms(highlight_time(&index, &studies))));
        rows.push(row);
    }
    println!("{header}\n{rule}");
    for row in rows {
        println!("{row}");
    }
}

/// Builds the index three times and keeps the last; reports the fastest build and the heap
/// growth of the kept index.
fn build_index(studies: &[Study]) -> (SearchIndex, Duration, usize) {
    let mut best = Duration::MAX;
    for _ in 0..2 {
        let start = Instant::now();
        black_box(SearchIndex::build(black_box(studies)));
        best = best.min(start.elapsed());
    }
    let before = ALLOCATOR.allocated();
    let start = Instant::now();
    let index = SearchIndex::build(studies);
    best = best.min(start.elapsed());
    let memory = ALLOCATOR.allocated().saturating_sub(before);
    (index, best, memory)
}

/// Each query's median time over `repeats` runs (so a scheduler hiccup on a busy machine does
/// not count as a slow query), one per query.
fn latencies(index: &SearchIndex, queries: &[Query], repeats: usize) -> Vec<Duration> {
    for query in queries {
        black_box(index.search(query));
    }
    let mut runs: Vec<Vec<Duration>> = vec![Vec::with_capacity(repeats); queries.len()];
    for _ in 0..repeats {
        for (query, runs) in queries.iter().zip(&mut runs) {
            let start = Instant::now();
            black_box(index.search(black_box(query)));
            runs.push(start.elapsed());
        }
    }
    runs.iter_mut().map(|runs| percentile(runs, 50)).collect()
}

/// Time to mark up the first 30 hits of a multi-word query, as the list does per render.
fn highlight_time(index: &SearchIndex, studies: &[Study]) -> Duration {
    let query = Query {
        text: "pd-1 melanoma keytruda".into(),
        ..Query::default()
    };
    let hits = index.search(&query).hits;
    let start = Instant::now();
    let highlighter = index.highlighter(&query);
    for &hit in hits.iter().take(30) {
        black_box(highlighter.highlights(&studies[hit as usize]));
    }
    start.elapsed()
}

fn percentile(times: &mut [Duration], percent: usize) -> Duration {
    times.sort_unstable();
    let at = (times.len() * percent).div_ceil(100).saturating_sub(1);
    times.get(at).copied().unwrap_or_default()
}

fn ms(duration: Duration) -> String {
    format!("{:.3} ms", duration.as_secs_f64() * 1000.0)
}
