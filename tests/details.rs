//! The bundled records' details (summaries, sources, notes, drugs, trials, lineage…) travel in a file of their own that
//! the app fetches after its first paint: put back, they give exactly the records the build
//! validated; a file that does not fit is refused with the reason and changes nothing; until
//! they are in, a search with text waits rather than answer from titles alone.
// Native only: runs on the host like the rest of the pure core's tests.
#![cfg(not(target_arch = "wasm32"))]

use immunotimeline::data::{DETAILS_FILE, Dataset, Details, DetailsState, model};
use immunotimeline::library::Library;
use immunotimeline::search::Query;

fn without_details() -> Dataset {
    let (dataset, problems) = Dataset::bundled_without_details();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(dataset.details, DetailsState::Loading);
    dataset
}

fn complete() -> Dataset {
    let (dataset, problems) = Dataset::bundled();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(dataset.details, DetailsState::Complete);
    dataset
}

fn details() -> Details {
    postcard::from_bytes(Dataset::bundled_details_file()).expect("the build's details file")
}

fn text(words: &str) -> Query {
    Query {
        text: words.into(),
        ..Query::default()
    }
}

#[test]
fn the_details_file_completes_every_record_as_the_data_files_have_it() {
    let immunotimeline::data::source::Loaded {
        studies,
        redirects,
        problems,
        ..
    } = immunotimeline::data::source::load_dir(std::path::Path::new("data"), true);
    assert!(problems.is_empty(), "{problems:?}");
    let version = model::Bundle::new(studies.clone(), redirects).version;
    let source = Dataset::new(version, studies);
    let loaded = without_details()
        .with_details(Dataset::bundled_details_file())
        .expect("the build's own details fit its records");
    assert_eq!(loaded.version, source.version);
    assert_eq!(loaded.studies, source.studies);
    assert_eq!(loaded.details, DetailsState::Complete);
    // The links between records came with the details too.
    for index in 0..source.studies.len() {
        assert_eq!(loaded.built_upon_by(index), source.built_upon_by(index));
    }
    assert!((0..source.studies.len()).any(|i| !loaded.built_upon_by(i).is_empty()));
}

#[test]
fn the_wasm_carries_no_full_title_summary_source_or_note() {
    let dataset = without_details();
    assert!(dataset.studies.len() >= 350);
    for study in &dataset.studies {
        assert!(study.summary.is_empty(), "{}", study.id);
        assert!(study.sources.is_empty(), "{}", study.id);
        assert!(
            study.drugs.is_empty() && study.trials.is_empty(),
            "{}",
            study.id
        );
        assert!(study.builds_on.is_empty(), "{}", study.id);
        assert!(
            study.note.is_none() && study.publication.is_none(),
            "{}",
            study.id
        );
        // The full title comes with the details; the first screen draws the short label, and
        // a list card or the detail panel shows it in the title's place meanwhile.
        assert!(study.title.is_empty(), "{}", study.id);
        let label = study
            .label
            .as_deref()
            .expect("every bundled record has a label");
        assert_eq!(study.shown_title(), label, "{}", study.id);
    }
}

/// `scripts/precache.mjs` copies the file the wasm names from `target/dataset/`: it is there,
/// and its name is the hash of its bytes, so a changed file always gets a new address.
#[test]
fn the_details_file_is_named_by_its_content_and_written_where_the_build_hook_looks() {
    let bytes = Dataset::bundled_details_file();
    assert_eq!(
        DETAILS_FILE,
        format!("details-{:016x}.postcard", model::fnv1a(bytes))
    );
    let written = std::fs::read(std::path::Path::new("target/dataset").join(DETAILS_FILE))
        .expect("build.rs writes the details file to target/dataset/");
    assert_eq!(written, bytes);
}

#[test]
fn a_details_file_that_does_not_fit_is_refused_with_the_reason() {
    let dataset = without_details();
    let refuse = |bytes: &[u8]| {
        dataset
            .with_details(bytes)
            .expect_err("refused")
            .to_string()
    };

    let truncated = &Dataset::bundled_details_file()[..1000];
    assert!(
        refuse(truncated).contains("could not be read"),
        "{}",
        refuse(truncated)
    );

    let mut other_version = details();
    other_version.version = "00000000".into();
    let message = refuse(&postcard::to_allocvec(&other_version).unwrap());
    assert!(message.contains("version 00000000"), "{message}");
    assert!(message.contains(DETAILS_FILE), "{message}");

    let mut missing = details();
    missing.records.pop();
    let message = refuse(&postcard::to_allocvec(&missing).unwrap());
    assert!(
        message.contains(&format!("not {}", dataset.studies.len())),
        "{message}"
    );

    let mut twice = details();
    twice.records[1].0 = twice.records[0].0.clone();
    let message = refuse(&postcard::to_allocvec(&twice).unwrap());
    assert!(message.contains(&twice.records[0].0), "{message}");

    let mut unknown = details();
    unknown.records[0].0 = "no-such-record-1999".into();
    let message = refuse(&postcard::to_allocvec(&unknown).unwrap());
    assert!(message.contains("no-such-record-1999"), "{message}");

    // Nothing was changed by any of it.
    assert_eq!(dataset.details, DetailsState::Loading);
    assert!(dataset.studies.iter().all(|s| s.summary.is_empty()));
}

/// A word found only in a summary: the search waits for the details instead of saying "no
/// matches", and finds it once they are in. If they cannot be had, the search answers from
/// what the records carry.
#[test]
fn a_search_waits_for_the_details_and_then_covers_them() {
    let full = complete();
    let (word, record) = summary_only_word(&full);

    let waiting = Library::new(without_details(), None, Vec::new());
    let catalog = waiting.catalog(None);
    assert!(catalog.index.text_pending());
    assert!(catalog.index.search(&text(&word)).pending);
    // Filters and the timeline do not wait.
    let everything = catalog.index.search(&Query::default());
    assert!(!everything.pending);
    assert_eq!(everything.hits.len(), full.studies.len());

    let loaded = waiting
        .with_details(Dataset::bundled_details_file())
        .expect("fits");
    assert_eq!(*loaded.details(), DetailsState::Complete);
    let catalog = loaded.catalog(None);
    let found = catalog.index.search(&text(&word));
    assert!(!found.pending);
    let ids: Vec<&str> = found
        .hits
        .iter()
        .map(|&i| catalog.dataset.studies[i as usize].id.as_str())
        .collect();
    assert!(ids.contains(&record.as_str()), "{word}: {ids:?}");

    let failed = waiting.without_details("the network could not be reached".into());
    assert_eq!(
        *failed.details(),
        DetailsState::Failed("the network could not be reached".into())
    );
    let catalog = failed.catalog(None);
    assert!(!catalog.index.search(&text(&word)).pending);
    // Without the details a search still finds records by their short titles.
    let label = full.studies[0].label.as_deref().unwrap();
    let label_word = label.split_whitespace().max_by_key(|w| w.len()).unwrap();
    let found = catalog.index.search(&text(label_word));
    assert!(found.hits.contains(&0), "{label_word}");
}

/// Records imported while the details were on their way are kept when they arrive.
#[test]
fn imports_made_while_the_details_load_are_kept() {
    let waiting = Library::new(without_details(), None, Vec::new());
    let mut mine = complete().studies[0].clone();
    mine.id = "my-own-record-2024".into();
    let imported = waiting.with_imported(vec![mine]).expect("a new id");
    let loaded = imported
        .with_details(Dataset::bundled_details_file())
        .expect("fits");
    assert_eq!(loaded.imported().len(), 1);
    assert_eq!(
        loaded.catalog(None).dataset.studies.len(),
        complete().studies.len() + 1
    );
}

/// A lowercase word of at least 8 letters that is in some record's summary and in no record's
/// title, label, drugs, targets or trials, with that record's id.
fn summary_only_word(dataset: &Dataset) -> (String, String) {
    let elsewhere: std::collections::HashSet<String> = dataset
        .studies
        .iter()
        .flat_map(|s| {
            let mut text = format!("{} {}", s.title, s.label.clone().unwrap_or_default());
            for part in s.drugs.iter().chain(&s.targets).chain(&s.institutions) {
                text.push(' ');
                text.push_str(part);
            }
            for trial in &s.trials {
                text.push(' ');
                text.push_str(trial.name.as_deref().unwrap_or_default());
            }
            text.to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    dataset
        .studies
        .iter()
        .find_map(|s| {
            s.summary
                .split(|c: char| !c.is_alphabetic())
                .find(|w| {
                    w.len() >= 8
                        && w.chars().all(|c| c.is_ascii_lowercase())
                        && !elsewhere.iter().any(|e| e.starts_with(&w[..6]))
                })
                .map(|w| (w.to_owned(), s.id.clone()))
        })
        .expect("some summary has a word of its own")
}
