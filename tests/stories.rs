//! Guided stories: the build checks each one against the records (ids exist, dated, none twice,
//! steps in time order or saying why not); links name a story and a step; following one limits
//! the results to its records.
// Native only: runs on the host like the rest of the pure core's tests.
#![cfg(not(target_arch = "wasm32"))]

use immunotimeline::data::source::read_file;
use immunotimeline::data::validate::validate_stories;
use immunotimeline::data::{Dataset, PartialDate, Story};
use immunotimeline::library::Library;
use immunotimeline::search::Query;
use immunotimeline::view_state::{self, UrlProblem};

fn dataset() -> Dataset {
    let (dataset, problems) = Dataset::bundled();
    assert!(problems.is_empty(), "{problems:?}");
    dataset
}

/// The stories of `toml`, checked against the bundled records: the valid ones and every
/// problem, as text.
fn check(toml: &str) -> (Vec<Story>, Vec<String>) {
    let (parsed, problems) = read_file("stories.toml", toml);
    assert!(problems.is_empty(), "{problems:?}");
    let raw: Vec<_> = parsed
        .story
        .into_iter()
        .map(|s| ("stories.toml".to_owned(), s))
        .collect();
    let (stories, problems) = validate_stories(&raw, &dataset().studies);
    (stories, problems.iter().map(ToString::to_string).collect())
}

/// A story's TOML with the given `(record, text)` steps (and an optional extra line per step).
fn story(id: &str, steps: &[(&str, &str)]) -> String {
    let mut toml =
        format!("[[story]]\nid = \"{id}\"\ntitle = \"A story\"\nsummary = \"What it follows.\"\n");
    for (record, extra) in steps {
        toml.push_str(&format!(
            "[[story.step]]\nrecord = \"{record}\"\ntext = \"What this step says.\"\n{extra}\n"
        ));
    }
    toml
}

const IN_ORDER: [(&str, &str); 3] = [
    ("coley-first-successful-treatment-1893", ""),
    ("ctla4-blockade-1996", ""),
    ("ipilimumab-approval-2011", ""),
];

#[test]
fn the_bundled_stories_are_at_least_six_and_each_walks_forward_through_real_records() {
    let data = dataset();
    assert!(data.stories.len() >= 6, "{} stories", data.stories.len());
    for story in &data.stories {
        assert!(
            story.steps.len() >= 5,
            "{}: {} steps",
            story.id,
            story.steps.len()
        );
        let mut previous: Option<PartialDate> = None;
        for step in &story.steps {
            let record = data
                .get(&step.record)
                .unwrap_or_else(|| panic!("{}: `{}` is no record", story.id, step.record));
            let date = record.date.expect("a story's records are dated");
            if let Some(before) = previous {
                assert!(
                    !date.surely_before(&before) || step.out_of_order.is_some(),
                    "{}: `{}` goes back in time without saying why",
                    story.id,
                    step.record
                );
            }
            previous = Some(date);
        }
    }
}

#[test]
fn a_valid_story_passes_as_written() {
    let (stories, problems) = check(&story("checkpoint-test", &IN_ORDER));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0].steps.len(), 3);
    assert_eq!(stories[0].steps[1].record, "ctla4-blockade-1996");
}

#[test]
fn each_wrong_step_is_named_with_its_story_step_and_reason() {
    let cases: [(&[(&str, &str)], &str); 5] = [
        (
            &[IN_ORDER[0], ("no-such-record-2020", ""), IN_ORDER[2]],
            "field `step 2.record`: `no-such-record-2020` is not the id of any record",
        ),
        (
            &[IN_ORDER[0], IN_ORDER[1], IN_ORDER[1]],
            "field `step 3.record`: `ctla4-blockade-1996` is already an earlier step",
        ),
        (
            &[IN_ORDER[0], IN_ORDER[2], IN_ORDER[1]],
            "field `step 3.record`: `ctla4-blockade-1996` (",
        ),
        (
            &[IN_ORDER[0], ("co-star-cells-undated", ""), IN_ORDER[2]],
            "is undated",
        ),
        (
            &[
                IN_ORDER[0],
                ("ctla4-blockade-1996", "out_of_order = \"Because.\""),
                IN_ORDER[2],
            ],
            "field `step 2.out_of_order`: is set, but this step is not dated before",
        ),
    ];
    for (steps, expected) in cases {
        let (stories, problems) = check(&story("broken", steps));
        assert!(stories.is_empty(), "{expected}: the story is left out");
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("stories.toml: record `broken`") && p.contains(expected)),
            "{expected}\n{problems:#?}"
        );
    }
    // Going back in time is fine when the step says why.
    let (stories, problems) = check(&story(
        "back-in-time",
        &[
            IN_ORDER[0],
            IN_ORDER[2],
            (
                "ctla4-blockade-1996",
                "out_of_order = \"The mouse work behind it.\"",
            ),
        ],
    ));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(stories.len(), 1);
}

#[test]
fn a_story_needs_an_id_of_its_own_three_steps_and_short_texts() {
    let twice = format!("{}{}", story("same", &IN_ORDER), story("same", &IN_ORDER));
    let (stories, problems) = check(&twice);
    assert_eq!(stories.len(), 1);
    assert!(
        problems[0].contains("`same` is the id of another story too"),
        "{problems:?}"
    );

    let (_, problems) = check(&story("short", &IN_ORDER[..2]));
    assert!(
        problems[0].contains("has 2 steps; a story has 3 to 40"),
        "{problems:?}"
    );

    let long = story("long", &IN_ORDER).replacen("What this step says.", &"word ".repeat(60), 1);
    let (_, problems) = check(&long);
    assert!(
        problems[0].contains("step 1.text") && problems[0].contains("at most 240"),
        "{problems:?}"
    );
}

#[test]
fn a_date_is_surely_before_another_only_where_both_say_so() {
    let d = |text: &str| PartialDate::parse(text).unwrap();
    assert!(d("1996").surely_before(&d("1997-01")));
    assert!(d("1996-03").surely_before(&d("1996-04")));
    assert!(d("1996-03-01").surely_before(&d("1996-03-22")));
    assert!(!d("1996").surely_before(&d("1996-05")));
    assert!(!d("1996-05").surely_before(&d("1996")));
    assert!(!d("1996-03").surely_before(&d("1996-03-22")));
    assert!(!d("1996-03-22").surely_before(&d("1996-03-22")));
}

#[test]
fn a_link_names_a_story_and_a_step_and_writes_the_first_step_as_the_story_alone() {
    let (state, problems) = view_state::parse("?story=car-t&step=3");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(state.story.as_deref(), Some("car-t"));
    assert_eq!(state.step, Some(3));
    assert_eq!(view_state::write(&state), "story=car-t&step=3");

    let (first, _) = view_state::parse("?story=car-t&step=1");
    assert_eq!(view_state::write(&first), "story=car-t");
    // A step without a story says nothing.
    let (alone, _) = view_state::parse("?step=4");
    assert_eq!(view_state::write(&alone), "");

    for bad in [
        "?story=car-t&step=0",
        "?story=car-t&step=x",
        "?story=car-t&step=1000",
    ] {
        let (state, problems) = view_state::parse(bad);
        assert_eq!(state.step, None, "{bad}");
        assert!(
            problems
                .iter()
                .any(|p| matches!(p, UrlProblem::Malformed { .. })
                    && p.message().contains("a step number from 1")),
            "{bad}: {problems:?}"
        );
    }
    let (state, problems) = view_state::parse("?story=Not%20A%20Slug");
    assert_eq!(state.story, None);
    assert!(problems[0].message().contains("a story id"), "{problems:?}");
}

#[test]
fn following_a_story_limits_the_results_and_their_counts_to_its_records() {
    let library = Library::new(dataset(), None, Vec::new());
    let catalog = library.catalog(None);
    let only: Vec<u32> = IN_ORDER
        .iter()
        .map(|(id, _)| catalog.dataset.index_of(id).unwrap() as u32)
        .collect();
    let results = catalog.index.search(&Query {
        only: Some(only.clone()),
        ..Query::default()
    });
    let mut hits = results.hits.clone();
    hits.sort_unstable();
    let mut expected = only.clone();
    expected.sort_unstable();
    assert_eq!(hits, expected);
    let counted: u32 = results.facets.stages.iter().map(|(_, n)| n).sum();
    assert_eq!(counted, 3, "the facets count only the story's records");

    // With text too, both must hold.
    let results = catalog.index.search(&Query {
        text: "Coley".into(),
        only: Some(only),
        ..Query::default()
    });
    let ids: Vec<&str> = results
        .hits
        .iter()
        .map(|&i| catalog.dataset.studies[i as usize].id.as_str())
        .collect();
    assert_eq!(ids, ["coley-first-successful-treatment-1893"]);
}
