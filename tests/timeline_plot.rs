//! Where the timeline puts records (`timeline_plot`): nothing is lost, crowded lanes become a
//! fixed grid whose buckets keep their places and years while the query changes, and targets
//! never overlap.

use immunotimeline::data::Dataset;
use immunotimeline::library::{Catalog, Library};
use immunotimeline::timeline_plot::{DENSE_BUCKET_PX, Item, Lane, Plot, lane_labels, plot, points};
use immunotimeline::view_state::{Lanes, ViewState};
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

fn count(item: &Item) -> usize {
    match item {
        Item::Single { .. } => 1,
        Item::Cluster { count, .. } => *count,
    }
}

/// Whether a lane is drawn as the crowded lanes' grid: no more items than buckets at least
/// [`DENSE_BUCKET_PX`] wide, and every cluster at a bucket's centre.
fn is_grid(items: &[Item]) -> bool {
    is_grid_at(items, WIDTH)
}

fn is_grid_at(items: &[Item], width: f64) -> bool {
    let buckets = (width / DENSE_BUCKET_PX).floor();
    let bucket_px = width / buckets;
    items.len() as f64 <= buckets
        && items.iter().all(|item| match item {
            Item::Cluster { left, .. } => {
                let centre = left / 100.0 * width / bucket_px - 0.5;
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

/// The timeline keeps a lane for each of `lane_labels` and hides the empty ones, so every lane
/// the plot draws must be among them, in the same order.
#[test]
fn every_lane_drawn_is_one_of_the_lanes_kept_in_their_order() {
    let catalog = catalog();
    let hits: Vec<u32> = (0..catalog.dataset.studies.len() as u32).collect();
    let points = points(&catalog.dataset.studies);
    for lanes in [
        Lanes::Approach,
        Lanes::CancerType,
        Lanes::Stage,
        Lanes::None,
    ] {
        let state = ViewState {
            lanes,
            ..ViewState::default()
        };
        let plot = plot(&catalog, &points.0, None, &state, &hits, WIDTH, SPAN);
        let kept = lane_labels(lanes);
        let places: Vec<Option<usize>> = plot
            .lanes
            .iter()
            .map(|lane| kept.iter().position(|label| *label == lane.label))
            .collect();
        assert!(places.iter().all(Option::is_some), "{lanes:?}: {places:?}");
        assert!(places.is_sorted(), "{lanes:?}: lanes out of order");
        assert!(plot.lanes.len() > 1 || lanes == Lanes::None, "{lanes:?}");
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

/// Each item's (row, left, right) box on a track `width` pixels wide: marker and label.
fn boxes(lane: &Lane, width: f64) -> Vec<(u16, f64, f64)> {
    lane.items
        .iter()
        .map(|item| {
            let (a, b) = item.extent(width);
            (item.row(), a, b)
        })
        .collect()
}

/// Asserts that no two items of a lane share a row where their boxes (marker and label) meet,
/// that every box stays on the track, and that rows stay within the lane's count.
fn assert_no_overlap(plot: &Plot, context: &str) {
    assert_no_overlap_at(plot, WIDTH, context);
}

fn assert_no_overlap_at(plot: &Plot, width: f64, context: &str) {
    for lane in &plot.lanes {
        let mut boxes = boxes(lane, width);
        for &(row, a, b) in &boxes {
            assert!(
                row < lane.rows,
                "row {row} of {} in {}",
                lane.rows,
                lane.label
            );
            if let Some(label) = lane.items.iter().find_map(|i| i.label()) {
                assert!(label.px >= 56.0);
            }
            assert!(
                a >= -12.0 - 1e-9 && b <= width + 12.0 + 1e-9,
                "{a}..{b} off the track"
            );
        }
        boxes.sort_by(|x, y| (x.0, x.1).partial_cmp(&(y.0, y.1)).expect("no NaN"));
        for pair in boxes.windows(2) {
            let ((r1, _, end), (r2, start, _)) = (pair[0], pair[1]);
            assert!(
                r1 != r2 || start >= end - 1e-9,
                "{context}: boxes overlap in row {r1} of {} ({end} > {start})",
                lane.label
            );
        }
    }
}

#[test]
fn targets_and_labels_in_a_lane_never_overlap() {
    let catalog = catalog();
    for q in ["", "p", "car t", "pembrolizumab", "melanoma cell"] {
        let (plot, _) = plot_for(&catalog, q);
        assert_no_overlap(&plot, q);
        let labelled = plot
            .lanes
            .iter()
            .flat_map(|l| &l.items)
            .filter(|i| i.label().is_some())
            .count();
        assert!(labelled > 0, "{q:?}: nothing is labelled");
    }
}

/// The bundled records zoomed to 2014–2019 on a desktop's track (600–900 px): at most of these
/// widths so many checkpoint-inhibitor records that the lane is drawn as the crowded grid. Its
/// counts carry their lead records' labels (a row of bare numbers told a reader nothing),
/// staggered over the lane's rows without overlapping.
#[test]
fn a_crowded_lane_of_the_bundled_records_names_its_clusters() {
    use immunotimeline::view_state::YearSpan;
    let library = Library::new(Dataset::bundled().0, None, Vec::new());
    let catalog = library.catalog(None);
    let state = ViewState {
        zoom: Some(YearSpan {
            start: 2014,
            end: 2019,
        }),
        ..ViewState::default()
    };
    let hits: Vec<u32> = (0..catalog.dataset.studies.len() as u32).collect();
    let points = points(&catalog.dataset.studies);
    let mut crowded = 0;
    for width in (600..=900).step_by(10).map(f64::from) {
        let plot = plot(
            &catalog,
            &points.0,
            None,
            &state,
            &hits,
            width,
            (2014, 2019),
        );
        assert_no_overlap_at(&plot, width, &format!("bundled, 2014–2019, {width} px"));
        let lane = plot
            .lanes
            .iter()
            .find(|l| l.label == "Checkpoint inhibitor")
            .expect("a checkpoint-inhibitor lane");
        if !is_grid_at(&lane.items, width) {
            continue;
        }
        crowded += 1;
        let named = lane
            .items
            .iter()
            .filter(|i| matches!(i, Item::Cluster { .. }) && i.label().is_some())
            .count();
        assert!(named >= 4, "{width} px: {named} clusters named");
        assert!(lane.rows <= 4, "{width} px: {} rows", lane.rows);
    }
    assert!(
        crowded >= 10,
        "the lane is crowded at only {crowded} widths"
    );
}

/// Plots `n` synthetic records (no text index needed) with every record a hit.
fn plot_of_all(n: usize, seed: u64, width: f64) -> Plot {
    let studies = immunotimeline::synthetic::generate(n, seed);
    let library = Library::new(Dataset::new("test".into(), studies), None, Vec::new());
    let catalog = library.catalog(None);
    let hits: Vec<u32> = (0..catalog.dataset.studies.len() as u32).collect();
    let points = points(&catalog.dataset.studies);
    plot(
        &catalog,
        &points.0,
        None,
        &ViewState::default(),
        &hits,
        width,
        SPAN,
    )
}

#[test]
fn labels_never_overlap_from_ten_to_a_hundred_thousand_records() {
    for (n, seed) in [
        (10, 1),
        (25, 2),
        (31, 3),
        (200, 4),
        (2_000, 5),
        (100_000, 6),
    ] {
        let plot = plot_of_all(n, seed, WIDTH);
        assert_no_overlap(&plot, &format!("{n} records"));
        let items: usize = plot.lanes.iter().map(|l| l.items.len()).sum();
        // The DOM holds a button per item: bounded whatever the record count.
        assert!(items <= 600, "{n} records drew {items} items");
        // Lanes grow for labels up to three rows, and only rarely by a row more for markers.
        assert!(
            plot.lanes.iter().all(|l| l.rows <= 5),
            "{n} records: a lane grew too tall"
        );
    }
}

#[test]
fn thirty_matches_or_fewer_are_each_drawn_and_labelled() {
    for (n, seed) in [(5, 11), (18, 12), (30, 13)] {
        let plot = plot_of_all(n, seed, WIDTH);
        let items: Vec<&Item> = plot.lanes.iter().flat_map(|l| &l.items).collect();
        assert!(
            items.iter().all(|i| matches!(i, Item::Single { .. })),
            "{n}: clustered"
        );
        let labelled = items.iter().filter(|i| i.label().is_some()).count();
        assert_eq!(labelled + plot.undated, n, "{n} records");
    }
}

// proptest is a native-only dev-dependency.
#[cfg(not(target_arch = "wasm32"))]
proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]
    #[test]
    fn no_two_boxes_intersect_for_any_record_count_and_width(
        n in 10usize..3_000,
        seed in 0u64..1_000,
        width in 320.0f64..1_600.0,
    ) {
        let plot = plot_of_all(n, seed, width);
        for lane in &plot.lanes {
            let mut boxes = boxes(lane, width);
            boxes.sort_by(|x, y| (x.0, x.1).partial_cmp(&(y.0, y.1)).expect("no NaN"));
            for pair in boxes.windows(2) {
                proptest::prop_assert!(pair[0].0 != pair[1].0 || pair[1].1 >= pair[0].2 - 1e-9);
            }
        }
    }
}

#[test]
fn the_window_fits_the_matches_until_the_user_zooms_or_filters_years() {
    use immunotimeline::timeline_plot::{extent, window_of};
    use immunotimeline::view_state::YearSpan;
    let catalog = catalog();
    let state = ViewState {
        q: "pembrolizumab".into(),
        ..ViewState::default()
    };
    let hits = catalog.index.search(&state.to_query()).hits;
    let points = points(&catalog.dataset.studies);
    let fit = extent(&points.0, &hits, catalog.dataset.studies.len()).expect("dated hits");
    let years: Vec<i32> = hits
        .iter()
        .filter_map(|&i| catalog.dataset.studies[i as usize].date.map(|d| d.year))
        .collect();
    assert_eq!(
        fit,
        (*years.iter().min().unwrap(), *years.iter().max().unwrap())
    );
    let (from, to) = window_of(&state, SPAN.0, SPAN.1, Some(fit));
    assert!(from <= fit.0 && to >= fit.1 && from >= SPAN.0 && to <= SPAN.1);
    // A margin of a twentieth of the span (at least a year) each side, and never narrower
    // than the narrowest zoom.
    assert_eq!(
        window_of(&state, SPAN.0, SPAN.1, Some((2010, 2020))),
        (2009, 2021)
    );
    assert_eq!(
        window_of(&state, SPAN.0, SPAN.1, Some((1900, 2000))),
        (1891, 2010)
    );
    // Snapped on wide spans: a year more or less of matches leaves the window as it was.
    assert_eq!(
        window_of(&state, SPAN.0, SPAN.1, Some((1963, 2017))),
        window_of(&state, SPAN.0, SPAN.1, Some((1962, 2018)))
    );
    assert_eq!(
        window_of(&state, SPAN.0, SPAN.1, Some((2000, 2000))),
        (1999, 2001)
    );
    // The user's zoom wins, and so does a year filter.
    let zoomed = ViewState {
        zoom: Some(YearSpan {
            start: 1950,
            end: 1960,
        }),
        ..state.clone()
    };
    assert_eq!(window_of(&zoomed, SPAN.0, SPAN.1, Some(fit)), (1950, 1960));
    let filtered = ViewState {
        year_from: Some(1990),
        ..state.clone()
    };
    assert_eq!(
        window_of(&filtered, SPAN.0, SPAN.1, Some(fit)),
        (1990, SPAN.1)
    );
    // No dated match: the whole axis.
    assert_eq!(window_of(&state, SPAN.0, SPAN.1, None), SPAN);
    assert_eq!(extent(&points.0, &[], catalog.dataset.studies.len()), None);
}

#[test]
fn a_clusters_label_names_one_of_its_own_records() {
    let catalog = catalog();
    for q in ["", "p", "melanoma cell"] {
        let (plot, _) = plot_for(&catalog, q);
        let mut checked = 0;
        for lane in &plot.lanes {
            for item in &lane.items {
                if let Item::Cluster { lead, from, to, .. } = item {
                    let study = &catalog.dataset.studies[*lead as usize];
                    let first = study.approaches.first().map(|a| a.label());
                    assert_eq!(
                        first,
                        Some(lane.label.as_str()),
                        "lead of a cluster in {}",
                        lane.label
                    );
                    let year = study.date.expect("plotted records are dated").year;
                    assert!((*from..=*to).contains(&year), "{year} outside {from}–{to}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 0, "{q:?} has clusters");
    }
}

/// The approach key's colours: the first approaches of exactly the hits, read from the
/// catalog's table as from the records themselves.
#[test]
fn approaches_among_hits_are_the_hits_first_approaches() {
    use immunotimeline::data::Approach;
    use immunotimeline::timeline_plot::approaches_among;
    let catalog = catalog();
    let studies = &catalog.dataset.studies;
    let firsts = catalog.first_approaches();
    assert_eq!(firsts.len(), studies.len());
    let every = (0..studies.len() as u32).collect::<Vec<_>>();
    let hit_sets: Vec<Vec<u32>> = vec![
        Vec::new(),
        vec![0],
        every.iter().copied().step_by(997).collect(),
        every.iter().copied().filter(|i| i % 3 == 1).collect(),
        every.clone(),
    ];
    for hits in hit_sets {
        let expected: Vec<Approach> = Approach::ALL
            .iter()
            .copied()
            .filter(|a| {
                hits.iter()
                    .any(|&i| studies[i as usize].approaches.first() == Some(a))
            })
            .collect();
        assert_eq!(
            approaches_among(firsts, &hits),
            expected,
            "{} hits",
            hits.len()
        );
    }
    // A record without an approach adds none; an index past the records is ignored.
    let none = vec![u8::MAX, Approach::ALL[2] as u8];
    assert_eq!(approaches_among(&none, &[0, 5]), Vec::<Approach>::new());
    assert_eq!(approaches_among(&none, &[0, 1]), vec![Approach::ALL[2]]);
}
