//! Bench to bedside (`bedside`): the earliest record of each step per approach, and gaps told in
//! words whichever way they run.

use immunotimeline::bedside::{firsts, gap_words, lab_to_approval};
use immunotimeline::data::{Approach, Dataset, Stage};

#[test]
fn gaps_are_words_and_say_which_way_they_run() {
    let table: &[(i32, (i32, &str), &str)] = &[
        (
            2005,
            (1996, "the basic discovery"),
            "9 years after the basic discovery",
        ),
        (
            1985,
            (1996, "the lab and animal work"),
            "11 years before the lab and animal work",
        ),
        (
            2001,
            (2000, "the first human study"),
            "1 year after the first human study",
        ),
        (
            2010,
            (2010, "the first approval"),
            "the same year as the first approval",
        ),
    ];
    for &(year, earlier, expected) in table {
        let words = gap_words(year, earlier);
        assert_eq!(words, expected);
        assert!(!words.contains("+-") && !words.contains('-'), "{words}");
    }
    assert_eq!(lab_to_approval(Some(1992), Some(2014)), "22 years");
    assert_eq!(lab_to_approval(None, Some(2014)), "—");
    assert!(!lab_to_approval(Some(2014), Some(2010)).contains('-'));
}

#[test]
fn first_in_humans_is_the_earliest_human_study_of_the_approach() {
    let (dataset, _) = Dataset::bundled();
    let hits: Vec<u32> = (0..dataset.studies.len() as u32).collect();
    let rows = firsts(&dataset.studies, &hits);
    for (approach, steps) in &rows {
        if let Some(first) = steps[2] {
            let year = dataset.studies[first].date.expect("dated").year;
            let earliest = dataset
                .studies
                .iter()
                .filter(|s| s.approaches.contains(approach))
                .filter(|s| {
                    matches!(
                        s.stage,
                        Stage::Clinical | Stage::Phase1 | Stage::Phase2 | Stage::Phase3
                    )
                })
                .filter_map(|s| s.date.map(|d| d.year))
                .min()
                .expect("a human study");
            assert_eq!(year, earliest, "{approach:?}");
        }
    }
    let checkpoint = rows
        .iter()
        .find(|(a, _)| *a == Approach::CheckpointInhibitor)
        .expect("checkpoint inhibitors have several steps");
    assert!(
        checkpoint.1[3].is_some(),
        "checkpoint inhibitors were approved"
    );
}

/// The page's table and its picture say the same words: each gap runs from the nearest step
/// before that is there, and the whole way from the first step to the approval.
#[test]
fn a_rows_words_skip_missing_steps() {
    use immunotimeline::bedside::row_words;
    let (gaps, total) = row_words([Some(1992), None, Some(2006), Some(2014)]);
    assert_eq!(
        gaps,
        [
            None,
            None,
            Some("14 years after the basic discovery".to_owned()),
            Some("8 years after the first human study".to_owned()),
        ]
    );
    assert_eq!(total, "22 years");
    let (gaps, total) = row_words([None, Some(1990), None, None]);
    assert_eq!(gaps, [None, None, None, None]);
    assert_eq!(total, "—");
}
