//! "New since your last visit": the note of seen ids reads back what was written, refuses text
//! it did not write, and names exactly the records missing from it.
// Native only: runs on the host like the rest of the pure core's tests.
#![cfg(not(target_arch = "wasm32"))]

use immunotimeline::data::Dataset;
use immunotimeline::seen;

#[test]
fn the_note_names_exactly_the_records_added_since_in_their_order() {
    let (dataset, _) = Dataset::bundled();
    let studies = &dataset.studies;
    let note = seen::encode(studies);
    let all = seen::decode(&note).expect("its own note");
    assert_eq!(all.len(), studies.len());
    assert!(seen::added(&all, studies).is_empty());

    // A note from before three records were added.
    let older = seen::encode(
        &studies
            .iter()
            .enumerate()
            .filter(|(i, _)| ![3, 100, 200].contains(i))
            .map(|(_, s)| s.clone())
            .collect::<Vec<_>>(),
    );
    let added = seen::added(&seen::decode(&older).unwrap(), studies);
    assert_eq!(added, [3, 100, 200].map(|i| studies[i].id.clone()).to_vec());
}

#[test]
fn a_note_this_version_did_not_write_is_not_read() {
    for text in [
        "",
        "garbage",
        "immunotimeline/seen 2\nx-1",
        "x-1\nimmunotimeline/seen 1",
    ] {
        assert_eq!(seen::decode(text), None, "{text:?}");
    }
    assert_eq!(
        seen::decode("immunotimeline/seen 1\n").map(|ids| ids.len()),
        Some(0)
    );
}
