//! Bundled plus imported records: stored imports survive a restart, bad ones are reported and
//! left out, and each "hide" choice gives the matching searchable set.
// Native only: runs on the host like the rest of the pure core's tests.
#![cfg(not(target_arch = "wasm32"))]

use immunotimeline::data::Dataset;
use immunotimeline::data::Study;
use immunotimeline::exchange::protocol::{self, Reply, Request};
use immunotimeline::exchange::{self, StoredError};
use immunotimeline::library::Library;
use immunotimeline::search::Query;
use immunotimeline::view_state::RecordSet;

fn bundled() -> Dataset {
    let (dataset, problems) = Dataset::bundled();
    assert!(problems.is_empty(), "{problems:?}");
    dataset
}

/// Stored imports read back as the app reads them: through the worker's message handler.
fn read_back(text: &str) -> Option<Result<Vec<Study>, StoredError>> {
    let request = Request::DecodeStored { text: text.into() };
    match protocol::decode_reply(&protocol::handle(&protocol::encode_request(&request))) {
        Ok(Reply::DecodeStored(decoded)) => Some(decoded),
        other => panic!("not an answer to DecodeStored: {other:?}"),
    }
}

/// Two valid records of the user's own, as an import would have stored them.
fn own_records() -> Vec<immunotimeline::data::Study> {
    let csv = "id,title,date,approaches,stage,summary,status,sources\n\
        my-lab-notes-2023,My lab's CAR-T notes,2023,car-t,preclinical,Notes from our own mouse work.,unverified,Lab notebook\n\
        my-reading-2024,A paper I am reading,2024-03,checkpoint-inhibitor,phase-2,A trial summary in my words.,unverified,Journal club\n";
    let report = exchange::import("mine.csv", csv.as_bytes(), &|_| false);
    assert!(
        report.is_clean(),
        "{:?}",
        report.problems().collect::<Vec<_>>()
    );
    report.valid
}

#[test]
fn without_a_stored_import_the_library_is_the_bundled_data() {
    let data = bundled();
    let count = data.studies.len();
    let library = Library::new(data, None, Vec::new());
    assert!(library.problems.is_empty());
    assert_eq!(library.catalog(None).dataset.studies.len(), count);
    assert!(library.imported().is_empty());
}

/// 100k bundled records are held once: every catalog without imports is the bundled dataset
/// itself, and importing makes a new library without copying it.
#[test]
fn catalogs_of_the_bundled_records_alone_share_them() {
    let library = Library::new(bundled(), None, Vec::new());
    let all = library.catalog(None);
    let bundled_only = library.catalog(Some(RecordSet::Imported));
    assert!(std::sync::Arc::ptr_eq(&all.dataset, &bundled_only.dataset));

    let with_mine = library.with_imported(own_records()).expect("new ids");
    let merged = with_mine.catalog(None);
    assert_eq!(merged.dataset.studies.len(), all.dataset.studies.len() + 2);
    let again = with_mine.catalog(Some(RecordSet::Imported));
    assert!(std::sync::Arc::ptr_eq(&again.dataset, &all.dataset));
}

#[test]
fn a_stored_import_comes_back_marked_and_searchable() {
    let first = Library::new(bundled(), None, Vec::new())
        .with_imported(own_records())
        .expect("new ids");
    let stored = exchange::encode_stored(first.imported());
    let library = Library::new(bundled(), read_back(&stored), Vec::new());
    assert!(library.problems.is_empty(), "{:?}", library.problems);
    assert_eq!(library.imported().len(), 2);
    let catalog = library.catalog(None);
    let position = catalog
        .dataset
        .index_of("my-lab-notes-2023")
        .expect("imported record is there");
    assert!(catalog.is_imported(position));
    let bundled_position = catalog
        .dataset
        .index_of("kottke-2017-mrd-recurrence")
        .unwrap();
    assert!(!catalog.is_imported(bundled_position));
    let hits = catalog
        .index
        .search(&Query {
            text: "lab notes".into(),
            ..Query::default()
        })
        .hits;
    assert_eq!(hits, vec![position as u32]);
}

#[test]
fn hiding_a_record_set_leaves_only_the_other() {
    let library = Library::new(bundled(), None, Vec::new())
        .with_imported(own_records())
        .expect("new ids");
    let all = library.catalog(None).dataset.studies.len();
    let bundled_only = library
        .catalog(Some(RecordSet::Imported))
        .dataset
        .studies
        .len();
    let imported_only = library
        .catalog(Some(RecordSet::Bundled))
        .dataset
        .studies
        .len();
    assert_eq!(imported_only, 2);
    assert_eq!(bundled_only + imported_only, all);
    assert!(library.catalog(Some(RecordSet::Bundled)).is_imported(0));
}

#[test]
fn a_corrupted_stored_import_is_reported_and_the_app_still_opens() {
    for stored in [
        "{\"schema\": \"immunotimeline/import\", \"vers",
        "not json at all",
        "[]",
    ] {
        let library = Library::new(bundled(), read_back(stored), Vec::new());
        assert_eq!(
            library.problems.len(),
            1,
            "{stored}: {:?}",
            library.problems
        );
        assert!(
            library.problems[0].message.contains("not loaded"),
            "{:?}",
            library.problems
        );
        assert!(library.imported().is_empty());
        assert!(library.catalog(None).dataset.studies.len() >= 80);
        assert!(
            !library.stored_unread(),
            "nothing readable is left to keep, so a new import may replace it"
        );
    }
}

#[test]
fn a_stored_import_from_another_version_is_reported_and_kept() {
    let stored = "{\"schema\": \"immunotimeline/import\", \"version\": 99, \"studies\": []}";
    let library = Library::new(bundled(), read_back(stored), Vec::new());
    assert_eq!(library.problems.len(), 1);
    assert!(
        library.problems[0].message.contains("99")
            && library.problems[0].message.contains("kept as they are"),
        "{:?}",
        library.problems
    );
    assert!(
        library.stored_unread(),
        "the version that wrote them may read them, so a new import is not saved over them"
    );
}

#[test]
fn a_stored_record_whose_id_is_now_bundled_is_left_out_and_named() {
    let mut clash = own_records();
    clash[0].id = "kottke-2017-mrd-recurrence".into();
    let stored = exchange::encode_stored(&clash);
    let library = Library::new(bundled(), read_back(&stored), Vec::new());
    assert_eq!(library.imported().len(), 1);
    assert_eq!(library.problems.len(), 1);
    assert_eq!(library.problems[0].record, "kottke-2017-mrd-recurrence");
    assert_eq!(library.problems[0].field, "id");
}

#[test]
fn removing_imports_gives_back_the_bundled_data() {
    let library = Library::new(bundled(), None, Vec::new())
        .with_imported(own_records())
        .expect("new ids");
    let cleared = library.without_imported();
    assert!(cleared.imported().is_empty());
    assert!(!cleared.has_id("my-lab-notes-2023"));
    assert!(library.has_id("my-lab-notes-2023"));
}

/// Many records: the catalog comes at once without its text (filters work, a search says it is
/// pending), `index_text` completes it in as many slices as it is given, and then the catalog
/// answers as one indexed in one go. Another "hide" choice is not disturbed.
#[test]
fn a_large_catalog_is_searchable_once_its_text_is_indexed_in_slices() {
    use immunotimeline::library::INDEX_AT_ONCE;
    use immunotimeline::search::SearchIndex;
    let studies = immunotimeline::synthetic::generate(INDEX_AT_ONCE + 500, 3);
    let dataset = Dataset::new("synthetic".into(), studies);
    let library = Library::new(dataset, None, Vec::new());
    let text = Query {
        text: "tumour".into(),
        ..Query::default()
    };

    let early = library.catalog(None);
    assert!(early.index.text_pending());
    let pending = early.index.search(&text);
    assert!(pending.pending && pending.hits.is_empty());
    assert_eq!(
        early.index.search(&Query::default()).hits.len(),
        INDEX_AT_ONCE + 500,
        "browsing works before the text is indexed"
    );
    assert!(
        library
            .index_text(Some(RecordSet::Imported), || true)
            .is_none()
    );

    let mut slices = 0;
    let mut last = 0;
    while let Some(percent) = library.index_text(None, || false) {
        assert!(percent >= last);
        last = percent;
        slices += 1;
    }
    assert!(slices > 10, "{slices} slices");
    let complete = library.catalog(None);
    assert!(!std::sync::Arc::ptr_eq(&early, &complete));
    assert!(!complete.index.text_pending());
    assert!(std::sync::Arc::ptr_eq(&early.dataset, &complete.dataset));
    let once = SearchIndex::build(&complete.dataset.studies);
    let results = complete.index.search(&text);
    assert!(!results.pending && !results.hits.is_empty());
    assert_eq!(results, once.search(&text));
    assert!(
        library.index_text(None, || true).is_none(),
        "nothing left to do"
    );
}

#[test]
fn a_small_catalog_is_indexed_at_once() {
    let library = Library::new(
        bundled(),
        read_back(&exchange::encode_stored(&own_records())),
        Vec::new(),
    );
    for hide in [None, Some(RecordSet::Bundled), Some(RecordSet::Imported)] {
        assert!(!library.catalog(hide).index.text_pending());
        assert!(library.index_text(hide, || true).is_none());
    }
}

#[test]
fn a_stored_import_that_could_not_be_read_is_reported_and_guarded() {
    let unread = Some(Err(StoredError::Unread("the helper did not load".into())));
    let library = Library::new(bundled(), unread, Vec::new());
    assert!(library.stored_unread(), "saving over it is refused");
    assert!(library.imported().is_empty());
    assert_eq!(library.problems.len(), 1);
    assert!(
        library.problems[0]
            .message
            .contains("the helper did not load")
            && library.problems[0].message.contains("still saved"),
        "{:?}",
        library.problems
    );
    assert!(
        !library.without_imported().stored_unread(),
        "after removing them"
    );
    let read = Library::new(
        bundled(),
        read_back(&exchange::encode_stored(&[])),
        Vec::new(),
    );
    assert!(!read.stored_unread());
}

#[test]
fn records_whose_ids_were_taken_since_the_file_was_read_are_refused_by_name() {
    let library = Library::new(bundled(), None, Vec::new())
        .with_imported(own_records())
        .expect("new ids");
    let mut again = own_records();
    again.truncate(1);
    let taken = again[0].id.clone();
    assert_eq!(library.with_imported(again).err(), Some(vec![taken]));
    let mut bundled_one = own_records();
    bundled_one[0].id = bundled().studies[0].id.clone();
    bundled_one.truncate(1);
    assert_eq!(
        library.with_imported(bundled_one).err(),
        Some(vec![bundled().studies[0].id.clone()])
    );
}
