//! The app and its import/export worker talk in postcard messages: every request gets, through
//! `protocol::handle`, the answer the exchange function itself gives, and a message from another
//! version or plain garbage gets an error in words, never a panic.

use super::{FIXTURES, bundled};
use immunotimeline::data::Dataset;
use immunotimeline::exchange::protocol::{
    self, ExportFormat, PROTOCOL, Reply, Request, decode_reply, encode_request,
};
use immunotimeline::exchange::{self, StoredError};
use immunotimeline::library::Library;

/// What the worker answers, as the app decodes it.
fn ask(request: &Request) -> Result<Reply, String> {
    decode_reply(&protocol::handle(&encode_request(request)))
}

#[test]
fn each_export_format_is_the_exchange_functions_text() {
    let studies = bundled().studies[..12].to_vec();
    for (format, expected) in [
        (ExportFormat::Csv, exchange::export_csv(&studies)),
        (
            ExportFormat::Json,
            exchange::export_json(&studies, "abc123"),
        ),
        (ExportFormat::Bibtex, exchange::bibtex(&studies).text),
        (ExportFormat::Ris, exchange::ris(&studies).text),
    ] {
        let request = Request::Export {
            format,
            studies: studies.clone(),
            dataset_version: "abc123".into(),
        };
        assert_eq!(ask(&request), Ok(Reply::Export(expected)), "{format:?}");
    }
}

#[test]
fn a_picture_is_the_svg_the_picture_module_writes() {
    use immunotimeline::exchange::picture::{self, Body, Caption, Picture};
    let picture = Picture {
        caption: Caption {
            link: "https://example.org/?q=car-t&v=abc123".into(),
            dataset_version: "abc123".into(),
            date: "2026-12-04".into(),
            shown: 0,
            matching: String::new(),
        },
        body: Body::Bedside(Vec::new()),
    };
    let expected = picture::svg(&picture);
    assert!(expected.contains("<svg"));
    assert_eq!(
        ask(&Request::Picture(picture)),
        Ok(Reply::Picture(expected))
    );
}

#[test]
fn an_import_is_checked_against_the_ids_the_app_sends() {
    let library = Library::new(bundled(), None, Vec::new());
    let taken_ids = library.taken_ids();
    assert!(taken_ids.is_sorted(), "the worker binary-searches the list");
    for fixture in ["partly-valid.csv", "truncated.json"] {
        let path = format!("{FIXTURES}/{fixture}");
        let bytes = std::fs::read(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
        let direct = exchange::import(fixture, &bytes, &|id| library.has_id(id));
        let request = Request::Import {
            file_name: fixture.into(),
            bytes,
            taken_ids: taken_ids.clone(),
        };
        assert_eq!(ask(&request), Ok(Reply::Import(direct)), "{fixture}");
    }
    // A bundled record sent back as an import is refused for its id.
    let export = exchange::export_csv(&bundled().studies[..1]);
    let request = Request::Import {
        file_name: "again.csv".into(),
        bytes: export.into_bytes(),
        taken_ids,
    };
    let Ok(Reply::Import(report)) = ask(&request) else {
        panic!("not an import report");
    };
    assert!(report.valid.is_empty());
    assert!(
        report.problems().any(|p| p.field == "id"),
        "{:?}",
        report.problems().collect::<Vec<_>>()
    );
}

#[test]
fn stored_imports_round_trip_through_the_worker() {
    let studies = bundled().studies[..5].to_vec();
    let Ok(Reply::EncodeStored(text)) = ask(&Request::EncodeStored {
        studies: studies.clone(),
    }) else {
        panic!("not stored text");
    };
    assert_eq!(text, exchange::encode_stored(&studies));
    assert_eq!(
        ask(&Request::DecodeStored { text }),
        Ok(Reply::DecodeStored(Ok(studies)))
    );
    match ask(&Request::DecodeStored {
        text: "not json".into(),
    }) {
        Ok(Reply::DecodeStored(Err(StoredError::Corrupted(_)))) => {}
        other => panic!("expected a corrupted store, got {other:?}"),
    }
}

#[test]
fn another_version_or_garbage_is_refused_in_words() {
    let request = Request::DecodeStored { text: "{}".into() };
    let other_version = postcard::to_allocvec(&(PROTOCOL + 1, &request)).unwrap();
    let refusal = decode_reply(&protocol::handle(&other_version)).unwrap_err();
    assert!(refusal.contains("another version"), "{refusal}");

    for garbage in [&[][..], &[1, 2, 3], &[PROTOCOL as u8, 200, 200, 200]] {
        let refusal = decode_reply(&protocol::handle(garbage)).unwrap_err();
        assert!(refusal.contains("could not read the request"), "{refusal}");
        let unreadable = decode_reply(garbage).unwrap_err();
        assert!(unreadable.contains("cannot read"), "{unreadable}");
    }
    let from_elsewhere =
        postcard::to_allocvec(&(PROTOCOL + 1, Ok::<_, String>(Reply::Export(String::new()))))
            .unwrap();
    assert!(
        decode_reply(&from_elsewhere)
            .unwrap_err()
            .contains("another version")
    );
}

#[test]
fn taken_ids_hold_bundled_and_imported_ids() {
    let (dataset, _) = Dataset::bundled();
    let bundled_count = dataset.studies.len();
    let mut mine = bundled().studies[..2].to_vec();
    mine[0].id = "zz-mine".into();
    mine[1].id = "aa-mine".into();
    let library = Library::new(dataset, None, Vec::new())
        .with_imported(mine)
        .expect("new ids");
    let ids = library.taken_ids();
    assert_eq!(ids.len(), bundled_count + 2);
    assert_eq!(ids.first().map(String::as_str), Some("aa-mine"));
    assert_eq!(ids.last().map(String::as_str), Some("zz-mine"));
    assert!(ids.is_sorted());
}

/// A change to the bytes of a message (a field or variant of `Request`, `Reply` or `Study`
/// added, removed or moved) must come with a new `PROTOCOL`, or a page and a worker from
/// different deployments would misread each other instead of refusing. This pins the bytes.
#[test]
fn the_message_bytes_change_only_with_the_protocol_version() {
    let csv = "id,title,date,approaches,stage,summary,status,sources\n\
        pin-2023,A pinned record,2023-05,car-t,phase-1,Short summary.,unverified,Notes\n";
    let report = exchange::import("pin.csv", csv.as_bytes(), &|_| false);
    assert_eq!(report.valid.len(), 1, "{report:?}");
    let request = Request::Export {
        format: ExportFormat::Ris,
        studies: report.valid,
        dataset_version: "v1".into(),
    };
    let hex: String = encode_request(&request)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(
        (PROTOCOL, hex.as_str()),
        (3, PINNED_V3),
        "the message format changed: raise PROTOCOL and pin the new bytes"
    );
}

const PINNED_V3: &str = "030103010870696e2d323032330f412070696e6e6564207265636f7264000107323032332d303500000101000000040000000000000000000e53686f72742073756d6d6172792e0000030001054e6f74657300027631";
