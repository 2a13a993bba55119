//! Each malformed file is refused, or its record rejected, with its own specific error: one table,
//! one helper, and a check that every fixture on disk is in the table.

use super::{FIXTURES, import_fixture, no_ids_taken};
use immunotimeline::data::Problem;
use immunotimeline::exchange::{self, ImportReport, MAX_IMPORT_BYTES, MAX_IMPORT_RECORDS};
use std::collections::BTreeSet;

/// What importing a fixture must produce.
enum Expect {
    /// The file is refused as a whole with a problem naming this record, field and message part.
    Refused(&'static str, &'static str, &'static str),
    /// A record is invalid with a problem naming this record, field and message part.
    Rejected(&'static str, &'static str, &'static str),
    /// The whole file imports cleanly with this many records and a note containing this text
    /// (empty: no note).
    Clean(usize, &'static str),
}
use Expect::{Clean, Refused, Rejected};

const MALFORMED: &[(&str, Expect)] = &[
    (
        "unknown-outcome-and-regulator.json",
        Rejected(
            "odd-outcome-2020",
            "outcome",
            "`so-so` is not allowed; use one of: positive, mixed, negative, halted, withdrawn, rejected",
        ),
    ),
    (
        "unknown-outcome-and-regulator.json",
        Rejected(
            "odd-regulator-2021",
            "regulator",
            "`atlantis` is not allowed; use one of: us, eu",
        ),
    ),
    (
        "unknown-regulator.csv",
        Rejected("odd-2022", "regulator", "`mars` is not allowed"),
    ),
    (
        "truncated.json",
        Refused("line 22", "", "ends before the JSON does"),
    ),
    (
        "wrong-types.json",
        Rejected(
            "wrong-types-2020",
            "date",
            "invalid type: integer `2020`, expected a string",
        ),
    ),
    (
        "wrong-types.json",
        Rejected("wrong-types-2020", "milestone", "expected a boolean"),
    ),
    ("bom.csv", Clean(1, "byte-order mark")),
    ("mixed-line-endings.csv", Clean(2, "")),
    ("bare-array.json", Clean(1, "")),
    (
        "unknown-column.csv",
        Refused("row 1", "", "unknown column(s) `colour`, `size`"),
    ),
    (
        "duplicate-ids.json",
        Rejected(
            "same-id-2020",
            "id",
            "is used twice in this file (first in record 1)",
        ),
    ),
    (
        "clashing-id.json",
        Rejected(
            "ipilimumab-approval-2011",
            "id",
            "is already the id of a record in the timeline",
        ),
    ),
    ("binary.bin", Refused("", "", "contains NUL bytes")),
    ("utf16.csv", Refused("", "", "UTF-16")),
    (
        "invalid-utf8.csv",
        Refused("", "", "line 2 has bytes that are not valid UTF-8"),
    ),
    (
        "script-in-title.csv",
        Rejected("script-title-2020", "title", "looks like script or markup"),
    ),
    (
        "bad-date.csv",
        Rejected("bad-date-2021", "date", "2021-02 has no day 30"),
    ),
    (
        "unknown-approach.json",
        Rejected(
            "unknown-approach-2020",
            "approaches",
            "`telepathy` is not allowed",
        ),
    ),
    (
        "javascript-url.csv",
        Rejected(
            "script-url-2020",
            "sources.url",
            "`javascript:alert(1)` is not an http(s) link",
        ),
    ),
    ("empty.csv", Refused("", "", "the file is empty")),
    ("whitespace-only.json", Refused("", "", "the file is empty")),
    (
        "header-only.csv",
        Refused("", "", "header row but no records"),
    ),
    (
        "not-an-object.json",
        Rejected("record 1", "", "is a number, not a study object"),
    ),
    (
        "missing-required.csv",
        Rejected("missing-title-2020", "title", "is required"),
    ),
    ("no-id.csv", Rejected("row 2", "id", "is required")),
    (
        "wrong-schema.json",
        Refused(
            "",
            "schema",
            "`zotero/library` is not a file this app reads",
        ),
    ),
    (
        "newer-version.json",
        Refused(
            "",
            "version",
            "version 2 of `immunotimeline/studies` is not one",
        ),
    ),
    (
        "too-many-columns.csv",
        Rejected("row 2", "", "has 9 cells but the header has 8 columns"),
    ),
    (
        "unknown-field.json",
        Rejected(
            "unknown-field-2020",
            "colour",
            "unknown field `colour` (not part of a study)",
        ),
    ),
    (
        "nested-wrong-type.json",
        Rejected(
            "nested-type-2020",
            "publication",
            "invalid type: integer `12345`",
        ),
    ),
    (
        "empty-studies.json",
        Refused("", "studies", "holds no studies"),
    ),
    (
        "top-level-text.json",
        Refused("", "", "the file holds text, not an object"),
    ),
    (
        "syntax-error.json",
        Refused("line 17", "", "is not valid JSON"),
    ),
    (
        "unknown-envelope-key.json",
        Refused("", "", "unknown key(s) `comment` in the file's envelope"),
    ),
    (
        "dangling-builds-on.csv",
        Rejected(
            "dangling-link-2020",
            "builds_on",
            "`no-such-study-1999` is not the id of any record",
        ),
    ),
    (
        "bad-boolean.csv",
        Rejected("bad-flag-2020", "milestone", "`maybe` is not true or false"),
    ),
    (
        "bad-field-status.csv",
        Rejected(
            "bad-field-status-2020",
            "field_status",
            "`date:verified` should be written field=status",
        ),
    ),
    (
        "unclosed-source-link.csv",
        Rejected(
            "unclosed-link-2020",
            "sources",
            "has a `<` without a closing `>`",
        ),
    ),
    (
        "missing-column.csv",
        Refused("row 1", "", "missing column(s) `status`"),
    ),
    (
        "duplicate-column.csv",
        Refused("row 1", "", "the column `title` appears twice"),
    ),
    (
        "partly-valid.csv",
        Rejected(
            "partial-two-2020",
            "approaches",
            "`telepathy` is not allowed",
        ),
    ),
];

/// Asserts that `report` (of the file `name`) is what `expect` says, with a readable failure.
fn assert_outcome(name: &str, report: &ImportReport, expect: &Expect) {
    fn matches<'a>(
        mut problems: impl Iterator<Item = &'a Problem>,
        name: &str,
        (record, field, message): (&str, &str, &str),
    ) -> bool {
        problems.any(|p| {
            p.file == name && p.record == record && p.field == field && p.message.contains(message)
        })
    }
    let all: Vec<_> = report.problems().collect();
    match *expect {
        Refused(record, field, message) => {
            assert!(
                matches(report.refused.iter(), name, (record, field, message)),
                "{name}: expected the file refused with record `{record}`, field `{field}`, \
                 message containing {message:?}; got {all:#?}"
            );
            assert!(
                report.valid.is_empty() && !report.can_import_valid_part(),
                "{name}"
            );
        }
        Rejected(record, field, message) => {
            assert!(
                report.refused.is_empty(),
                "{name}: refused as a whole: {all:#?}"
            );
            let invalid = report.invalid.iter().flat_map(|r| &r.problems);
            assert!(
                matches(invalid, name, (record, field, message)),
                "{name}: expected a problem with record `{record}`, field `{field}`, message \
                 containing {message:?}; got {all:#?}"
            );
            assert!(!report.is_clean(), "{name}");
        }
        Clean(count, note) => {
            assert!(report.is_clean(), "{name}: {all:#?}");
            assert_eq!(report.valid.len(), count, "{name}");
            if note.is_empty() {
                assert!(report.notes.is_empty(), "{name}: {:?}", report.notes);
            } else {
                assert!(
                    report.notes.iter().any(|n| n.contains(note)),
                    "{name}: {:?}",
                    report.notes
                );
            }
        }
    }
}

#[test]
fn each_malformed_file_yields_its_specific_error() {
    for (fixture, expect) in MALFORMED {
        assert_outcome(fixture, &import_fixture(fixture), expect);
    }
}

#[test]
fn every_import_fixture_on_disk_is_listed_in_the_table() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(FIXTURES)
        .expect("the import fixtures folder exists")
        .map(|entry| entry.expect("a readable folder entry").file_name())
        .map(|name| name.to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .collect();
    let listed: BTreeSet<String> = MALFORMED.iter().map(|(f, _)| f.to_string()).collect();
    assert_eq!(on_disk, listed);
}

#[test]
fn a_file_over_the_size_cap_is_refused_before_it_is_read() {
    let bytes = vec![b'a'; MAX_IMPORT_BYTES + 1];
    let report = exchange::import("huge.csv", &bytes, &no_ids_taken);
    assert_outcome(
        "huge.csv",
        &report,
        &Refused("", "", "files over 5 MB are refused"),
    );
    assert_eq!(report.format, None);
}

#[test]
fn a_file_over_the_record_cap_is_refused() {
    let mut csv = String::from("id,title,approaches,stage,summary,status\n");
    for n in 0..=MAX_IMPORT_RECORDS {
        csv.push_str(&format!("r-{n},t,other,basic-discovery,s,verified\n"));
    }
    assert!(csv.len() < MAX_IMPORT_BYTES);
    let report = exchange::import("many.csv", csv.as_bytes(), &no_ids_taken);
    assert_outcome(
        "many.csv",
        &report,
        &Refused("", "", "more than 10000 rows"),
    );

    let record = r#"{"id": "r"}"#;
    let json = format!("[{}]", vec![record; MAX_IMPORT_RECORDS + 1].join(","));
    let report = exchange::import("many.json", json.as_bytes(), &no_ids_taken);
    assert_outcome(
        "many.json",
        &report,
        &Refused("", "studies", "the limit is 10000"),
    );
}
