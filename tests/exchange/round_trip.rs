//! Records survive export and import unchanged, and partial imports happen only by choice.

use super::{bundled, import_against_bundled, import_fixture, no_ids_taken};
use immunotimeline::data::SourceRef;
use immunotimeline::exchange;
use proptest::prelude::*;

#[test]
fn the_bundled_dataset_survives_a_csv_round_trip_unchanged() {
    let dataset = bundled();
    let csv = exchange::export_csv(&dataset.studies);
    let report = exchange::import("timeline.csv", csv.as_bytes(), &no_ids_taken);
    assert_eq!(report.format, Some(exchange::Format::Csv));
    assert!(
        report.is_clean(),
        "{:#?}",
        report.problems().collect::<Vec<_>>()
    );
    assert_eq!(report.valid, dataset.studies);
}

#[test]
fn the_bundled_dataset_survives_a_json_round_trip_unchanged() {
    let dataset = bundled();
    let json = exchange::export_json(&dataset.studies, &dataset.version);
    // Named .txt so that the format is seen to come from the content.
    let report = exchange::import("timeline.txt", json.as_bytes(), &no_ids_taken);
    assert_eq!(report.format, Some(exchange::Format::Json));
    assert!(
        report.is_clean(),
        "{:#?}",
        report.problems().collect::<Vec<_>>()
    );
    assert_eq!(report.valid, dataset.studies);
}

#[test]
fn csv_export_has_the_documented_header_crlf_rows_and_no_byte_order_mark() {
    let csv = exchange::export_csv(&[]);
    assert_eq!(
        csv,
        "id,title,label,date,circa,end_date,approaches,targets,drugs,cancer_types,stage,\
         outcome,regulator,trials,scope,milestone,institutions,people,summary,note,builds_on,status,field_status,journal,\
         paper_title,citation,authors,doi,pmid,pmcid,nct,news_outlet,news_headline,news_date,\
         news_author,news_url,sources\r\n"
    );
    let dataset = bundled();
    let csv = exchange::export_csv(&dataset.studies[..1]);
    assert!(csv.starts_with("id,"));
    assert_eq!(csv.matches("\r\n").count(), 2, "{csv}");
}

#[test]
fn list_cells_keep_semicolons_backslashes_angle_brackets_quotes_and_line_breaks() {
    let mut study = bundled().studies[0].clone();
    study.people = vec!["Smith; Jones".into(), r"A\B".into(), "O'Neil \"Jr\"".into()];
    study.targets = vec![r"ends in a backslash \".into(), "PD-1".into()];
    study.note = Some("First line, with a comma;\nsecond line with \"quotes\".".into());
    study.title = "=SUM(A1) looks like a formula, and stays text".into();
    study.sources = vec![
        SourceRef {
            label: "A label with <angle> brackets; and a semicolon".into(),
            url: Some("https://example.org/a;b?c=d".into()),
        },
        SourceRef {
            label: "No link here <".into(),
            url: None,
        },
    ];
    let csv = exchange::export_csv(std::slice::from_ref(&study));
    let report = exchange::import("tricky.csv", csv.as_bytes(), &no_ids_taken);
    assert!(
        report.is_clean(),
        "{csv}\n{:#?}",
        report.problems().collect::<Vec<_>>()
    );
    assert_eq!(report.valid, vec![study]);
}

#[test]
fn a_partly_valid_file_offers_its_valid_records_but_is_not_clean() {
    let report = import_fixture("partly-valid.csv");
    assert!(!report.is_clean());
    assert!(report.can_import_valid_part());
    let ids: Vec<&str> = report.valid.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["partial-one-2020", "partial-three-2020"]);
    assert_eq!(report.invalid.len(), 1);
    assert_eq!(report.invalid[0].position, "row 3");
    assert_eq!(report.invalid[0].id.as_deref(), Some("partial-two-2020"));
    assert_eq!(
        report.summary(),
        "2 of 3 records are valid; 1 has problems."
    );
}

#[test]
fn imported_records_may_build_on_bundled_records() {
    let csv = "id,title,date,approaches,stage,summary,status,sources,builds_on\n\
               my-follow-up-2030,A follow-up,2030,car-t,phase-1,Builds on a bundled record.,\
               verified,My notes,ipilimumab-approval-2011\n";
    let report = import_against_bundled("follow-up.csv", csv.as_bytes());
    assert!(
        report.is_clean(),
        "{:#?}",
        report.problems().collect::<Vec<_>>()
    );
}

#[test]
fn blank_lines_and_rows_of_empty_cells_are_skipped() {
    let csv = "id,title,date,approaches,stage,summary,status,sources\r\n\
               \r\n\
               first-2020,One,2020,other,basic-discovery,S.,verified,Notes\r\n\
               ,,,,,,,\r\n\
               \n\
               second-2020,Two,2020,other,basic-discovery,S.,verified,Notes\n";
    let report = exchange::import("blank-lines.csv", csv.as_bytes(), &no_ids_taken);
    assert!(
        report.is_clean(),
        "{:#?}",
        report.problems().collect::<Vec<_>>()
    );
    assert_eq!(report.valid.len(), 2);
}

/// Text a person might type into a list item: separators, escapes, quotes and markup-ish
/// characters, but nothing the validation rules refuse (control characters, script).
fn item() -> impl Strategy<Value = String> {
    "[a-zA-Zα-ω0-9 ;<>\\\\\"',=|()&-]{1,24}"
        .prop_map(|text| text.trim().to_owned())
        .prop_filter("validation trims and refuses empty items", |text| {
            !text.is_empty()
        })
}

proptest! {
    /// Any list item, source label or link survives CSV export and import unchanged.
    #[test]
    fn any_list_item_survives_a_csv_round_trip(
        people in proptest::collection::vec(item(), 0..4),
        label in item(),
        path in "[a-z0-9;=&?/._-]{0,16}",
    ) {
        let mut study = bundled().studies[0].clone();
        study.people = people;
        study.sources = vec![SourceRef {
            label,
            url: Some(format!("https://example.org/{path}")),
        }];
        let csv = exchange::export_csv(std::slice::from_ref(&study));
        let report = exchange::import("items.csv", csv.as_bytes(), &no_ids_taken);
        prop_assert!(report.is_clean(), "{csv}\n{:#?}", report.problems().collect::<Vec<_>>());
        prop_assert_eq!(&report.valid, &vec![study]);
    }
}

/// An import with an unknown outcome or regulator loses only those records: the valid ones keep
/// every new field (outcome, regulator, trials, label) as written.
#[test]
fn unknown_outcomes_and_regulators_reject_only_their_own_records() {
    use immunotimeline::data::{Outcome, Regulator, Trial};
    let report = import_fixture("unknown-outcome-and-regulator.json");
    let ids: Vec<&str> = report.valid.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["fine-trial-2020"]);
    let fine = &report.valid[0];
    assert_eq!(fine.outcome, Some(Outcome::Negative));
    assert_eq!(fine.label.as_deref(), Some("Fixture trial fails"));
    assert_eq!(
        fine.trials,
        [Trial {
            name: Some("FIXTURE-1".into()),
            nct: Some("NCT01234567".into())
        }]
    );

    let report = import_fixture("unknown-regulator.csv");
    assert_eq!(report.valid.len(), 1, "{report:?}");
    let pulled = &report.valid[0];
    assert_eq!(pulled.outcome, Some(Outcome::Withdrawn));
    assert_eq!(pulled.regulator, Some(Regulator::Eu));
    let numbers: Vec<Option<&str>> = pulled.trials.iter().map(|t| t.nct.as_deref()).collect();
    assert_eq!(numbers, [Some("NCT01234567"), Some("NCT07654321")]);
    assert_eq!(pulled.trials[1].name, None);
    // And the CSV export writes them back the same way.
    let again = exchange::import(
        "again.csv",
        exchange::export_csv(&report.valid).as_bytes(),
        &no_ids_taken,
    );
    assert_eq!(again.valid, report.valid);
}
