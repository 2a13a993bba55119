//! Stored imports: a round trip, and damaged or foreign text as error values, never panics.

use super::bundled;
use immunotimeline::exchange::{self, StoredError};

#[test]
fn stored_imports_round_trip_and_an_empty_list_is_fine() {
    let studies = bundled().studies;
    let text = exchange::encode_stored(&studies);
    assert!(text.starts_with(r#"{"schema":"immunotimeline/import","version":1,"#));
    assert_eq!(exchange::decode_stored(&text), Ok(studies));
    assert_eq!(
        exchange::decode_stored(&exchange::encode_stored(&[])),
        Ok(vec![])
    );
}

#[test]
fn corrupted_stored_text_is_an_error_not_a_panic() {
    let text = exchange::encode_stored(&bundled().studies);
    for broken in [
        &text[..text.len() / 2],
        "",
        "not json",
        "[]",
        r#"{"studies": []}"#,
    ] {
        match exchange::decode_stored(broken) {
            Err(StoredError::Corrupted(problem)) => assert!(!problem.message.is_empty()),
            other => panic!("{broken:.40}: expected Corrupted, got {other:?}"),
        }
    }
}

#[test]
fn stored_text_from_an_unknown_version_says_so() {
    let text = exchange::encode_stored(&[]).replace(r#""version":1"#, r#""version":7"#);
    match exchange::decode_stored(&text) {
        Err(error @ StoredError::UnknownVersion(_)) => {
            assert!(error.to_string().contains("version 7"), "{error}");
        }
        other => panic!("expected UnknownVersion, got {other:?}"),
    }
}

#[test]
fn stored_records_that_no_longer_validate_are_reported_and_the_rest_kept() {
    let studies = bundled().studies;
    let text = exchange::encode_stored(&studies[..2]).replacen(
        &format!(r#""id":"{}""#, studies[1].id),
        r#""id":"Not A Slug""#,
        1,
    );
    match exchange::decode_stored(&text) {
        Err(StoredError::Invalid { problems, kept }) => {
            assert_eq!(kept, studies[..1]);
            assert!(
                problems
                    .iter()
                    .any(|p| p.field == "id" && p.message.contains("not a valid id"))
            );
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn the_invalid_stored_records_message_counts_each_record_once() {
    let problem = |record: &str| immunotimeline::data::Problem {
        file: "stored imports".to_owned(),
        record: record.to_owned(),
        field: "id".to_owned(),
        message: "not a valid id".to_owned(),
    };
    let error = StoredError::Invalid {
        problems: ["b", "a", "b", "c", "a"].map(problem).to_vec(),
        kept: bundled().studies[..2].to_vec(),
    };
    assert_eq!(
        error.to_string(),
        "3 saved imported record(s) no longer pass the checks (5 problem(s)); 2 still do"
    );
}
