//! Where the timeline puts records (`timeline_plot`): nothing is lost, crowded lanes become a
//! fixed grid whose buckets keep their places and years while the query changes, and targets
//! never overlap.

use immunotimeline::data::Dataset;
use immunotimeline::library::{Catalog, Library};
use immunotimeline::timeline_plot::{DENSE_BUCKET_PX, Item, Plot, plot, points};
use immunotimeline::view_state::ViewState;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

const WIDTH: f64 = 900.0;
/// The axis the app shows for these records (the earliest year to this year).
const SPAN: (i32, i32) = (1891, 2026);

/// 10k synthetic records: enough to crowd several lanes at [`WIDTH`]; built once.
fn catalog() -> Arc<Catalog> {
    static CATALOG: OnceLock<Arc<Catalog>> = OnceLock::new();
    Arc::clone(CATALOG.get_or_init(|| {
        let studies = immunotimeline::synthetic::generate(10_000, 7);
        let library = Library::new(Dataset::new("test".into(), studies), None, Vec::new());
        // So many records' text is indexed separately (`Library::index_text`).
        assert!(library.catalog(None).index.text_pending());
        while library.index_text(None, || true).is_some() {}
        let catalog = library.catalog(None);
        assert!(!catalog.index.text_pending());
        catalog
    }))
}

fn plot_for(catalog: &Catalog, q: &str) -> (Plot, usize) {
    let state = ViewState {
        q: q.to_owned(),
        ..ViewState::default()
    };
    let hits = catalog.index.search(&state.to_query()).hits;
    let points = points(&catalog.dataset.studies);
    (
        plot(catalog, &points.0, None, &state, &hits, WIDTH, SPAN),
        hits.len(),
    )
}

fn left_px(item: &Item) -> f64 {
    match item {
        Item::Single { left, .. } | Item::Cluster { left, .. } => left / 100.0 * WIDTH,
    }
}

fn count(item: &Item) -> usize {
    match item {
        Item::Single { .. } => 1,
        Item::Cluster { count, .. } => *count,
    }
}

/// Whether a lane is drawn as the crowded lanes' grid: no more items than buckets at least
/// [`DENSE_BUCKET_PX`] wide, and every cluster at a bucket's centre.
fn is_grid(items: &[Item]) -> bool {
    let buckets = (WIDTH / DENSE_BUCKET_PX).floor();
    let bucket_px = WIDTH / buckets;
    items.len() as f64 <= buckets
        && items.iter().all(|item| match item {
            Item::Cluster { left, .. } => {
                let centre = left / 100.0 * WIDTH / bucket_px - 0.5;
                (centre - centre.round()).abs() < 1e-6
            }
            Item::Single { .. } => true,
        })
}

#[test]
fn every_hit_is_drawn_once_or_counted_as_undated_or_outside() {
    let catalog = catalog();
    for q in ["", "p", "pembrolizumab", "melanoma cell"] {
        let (plot, hits) = plot_for(&catalog, q);
        assert!(hits > 0, "query {q:?} matches records");
        let drawn: usize = plot.lanes.iter().flat_map(|l| &l.items).map(count).sum();
        assert_eq!(drawn + plot.undated + plot.outside, hits, "query {q:?}");
    }
}

#[test]
fn crowded_lanes_keep_each_buckets_place_and_years_while_the_query_changes() {
    let catalog = catalog();
    let (broad, _) = plot_for(&catalog, "p");
    let (narrower, _) = plot_for(&catalog, "pe");
    let crowded: Vec<_> = broad.lanes.iter().filter(|l| is_grid(&l.items)).collect();
    assert!(
        !crowded.is_empty(),
        "10k records crowd some lane at {WIDTH} px"
    );
    let mut compared = 0;
    for lane in crowded {
        let Some(other) = narrower.lanes.iter().find(|l| l.label == lane.label) else {
            continue;
        };
        let years: HashMap<u64, (i32, i32)> = other
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Cluster { left, from, to, .. } => Some((left.to_bits(), (*from, *to))),
                Item::Single { .. } => None,
            })
            .collect();
        for item in &lane.items {
            if let Item::Cluster { left, from, to, .. } = item
                && let Some(&same) = years.get(&left.to_bits())
            {
                assert_eq!(same, (*from, *to), "bucket at {left}% in {}", lane.label);
                compared += 1;
            }
        }
    }
    assert!(compared > 10, "only {compared} buckets in both plots");
}

#[test]
fn targets_in_a_lane_never_overlap() {
    let catalog = catalog();
    for q in ["", "p", "car t", "pembrolizumab"] {
        let (plot, _) = plot_for(&catalog, q);
        for lane in &plot.lanes {
            for pair in lane.items.windows(2) {
                let gap = left_px(&pair[1]) - left_px(&pair[0]);
                // Markers are 24 px wide and drawn at their centres.
                assert!(
                    gap >= 24.0 - 1e-9,
                    "{gap} px apart in {} for {q:?}",
                    lane.label
                );
            }
        }
    }
}
