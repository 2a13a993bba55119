//! Checks the curated dataset in `data/*.toml` and the problems a broken data file produces.
//!
//! The bundled records must load cleanly and keep the facts the research notes verified (journals,
//! dates at their real precision, identifiers). Each file in `tests/fixtures/broken/` holds one
//! mistake, which must be reported with the file, the record, the field and a useful message.
// Native only: reads the TOML sources, which the browser build never sees.
#![cfg(not(target_arch = "wasm32"))]

use immunotimeline::data::validate::RawStudy;
use immunotimeline::data::{Dataset, Problem, Scope, Stage, Status, Study, source, validate};
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

const BROKEN_DIR: &str = "tests/fixtures/broken";

/// The 53 landmark milestones of the research notes (FACTS.md, Part B), in its order.
const MILESTONES: [&str; 53] = [
    "coley-toxins-1891",
    "ehrlich-tumor-suppression-1908",
    "interferon-discovery-1957",
    "thomas-immune-surveillance-1959",
    "old-bcg-mouse-tumors-1959",
    "dendritic-cells-1973",
    "hybridoma-1975",
    "tnf-discovery-1975",
    "bcg-bladder-cancer-1976",
    "il2-discovery-1976",
    "first-antibody-treatment-1982",
    "il2-first-response-1984",
    "rosenberg-il2-nejm-1985",
    "interferon-alpha-approval-1986",
    "til-therapy-1988",
    "chimeric-t-cell-receptors-1989",
    "bcg-bladder-approval-1990",
    "mage-1-antigen-1991",
    "pd1-discovery-1992",
    "aldesleukin-kidney-approval-1992",
    "regulatory-t-cells-1995",
    "interferon-alfa-2b-melanoma-approval-1995",
    "ctla4-blockade-1996",
    "rituximab-approval-1997",
    "aldesleukin-melanoma-approval-1998",
    "trastuzumab-approval-1998",
    "h101-oncolytic-approval-2005",
    "gardasil-approval-2006",
    "cd19-car-t-lymphoma-2010",
    "sipuleucel-t-approval-2010",
    "ipilimumab-approval-2011",
    "car-t-cll-2011",
    "breakthrough-of-the-year-2013",
    "pembrolizumab-approval-2014",
    "blinatumomab-approval-2014",
    "nivolumab-approval-2014",
    "nivolumab-ipilimumab-approval-2015",
    "talimogene-approval-2015",
    "atezolizumab-approval-2016",
    "pembrolizumab-tissue-agnostic-approval-2017",
    "tisagenlecleucel-approval-2017",
    "axicabtagene-ciloleucel-approval-2017",
    "nobel-allison-honjo-2018",
    "idecabtagene-vicleucel-approval-2021",
    "tebentafusp-approval-2022",
    "relatlimab-nivolumab-approval-2022",
    "dostarlimab-rectal-cancer-2022",
    "teclistamab-approval-2022",
    "lifileucel-approval-2024",
    "nogapendekin-alfa-approval-2024",
    "tarlatamab-approval-2024",
    "afamitresgene-approval-2024",
    "nobel-treg-tolerance-2025",
];

/// The Technology Networks items whose study could not be traced (seed 002, items 5, 6, 8, 10).
const UNTRACED_NEWS: [&str; 4] = [
    "stem-cell-therapy-liver-cancer-undated",
    "nidogen-2-pancreatic-cancer-undated",
    "lupus-car-t-child-undated",
    "myeloma-early-development-undated",
];

fn bundled() -> Dataset {
    let (dataset, problems) = Dataset::bundled();
    assert!(
        problems.is_empty(),
        "the bundled data has problems: {problems:?}"
    );
    dataset
}

fn study<'a>(dataset: &'a Dataset, id: &str) -> &'a Study {
    dataset
        .get(id)
        .unwrap_or_else(|| panic!("the dataset has no record `{id}`"))
}

/// Reads the named files (relative to the crate root) as `build.rs` does, keeping the given names.
fn read_files(names: &[String]) -> (Vec<(String, RawStudy)>, Vec<Problem>) {
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for name in names {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|error| panic!("reading {}: {error}", path.display()));
        let (raws, found) = source::read_toml(name, &text);
        problems.extend(found);
        records.extend(raws.into_iter().map(|raw| (name.clone(), raw)));
    }
    (records, problems)
}

/// The `.toml` files of a folder, as names relative to the crate root, sorted.
fn toml_files(folder: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("listing {}: {error}", dir.display()))
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".toml"))
        .map(|name| format!("{folder}/{name}"))
        .collect();
    names.sort();
    names
}

#[test]
fn bundled_dataset_loads_without_problems_and_has_at_least_80_records() {
    let dataset = bundled();
    assert!(
        dataset.studies.len() >= 80,
        "only {} records are bundled",
        dataset.studies.len()
    );
}

#[test]
fn source_files_validate_cleanly_and_every_record_reaches_the_bundle() {
    let (records, mut problems) = read_files(&toml_files("data"));
    let (studies, found) = validate::validate_all(&records);
    problems.extend(found);
    assert!(
        problems.is_empty(),
        "the data files have problems: {problems:#?}"
    );
    assert_eq!(studies.len(), records.len(), "some records were dropped");
    assert_eq!(studies.len(), bundled().studies.len());

    let per_file = |name: &str| records.iter().filter(|(file, _)| file == name).count();
    assert!(per_file("data/seed-studies.toml") >= 17);
    assert!(per_file("data/milestones.toml") >= 63);
}

#[test]
fn ids_are_unique_across_all_data_files() {
    let (records, _) = read_files(&toml_files("data"));
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for (file, raw) in &records {
        let id = raw.id.as_deref().expect("every record has an id");
        if let Some(first) = seen.insert(id, file) {
            panic!("`{id}` is used in {first} and again in {file}");
        }
    }
}

/// Asserts the facts a seed or milestone record must keep: date at its exact precision, journal
/// (or none) and overall status.
fn check_key_facts(
    dataset: &Dataset,
    id: &str,
    date: Option<&str>,
    journal: Option<&str>,
    status: Status,
) {
    let record = study(dataset, id);
    assert_eq!(
        record.date.map(|d| d.iso()).as_deref(),
        date,
        "date of {id}"
    );
    let found = record
        .publication
        .as_ref()
        .and_then(|p| p.journal.as_deref());
    assert_eq!(found, journal, "journal of {id}");
    assert_eq!(record.status, status, "status of {id}");
}

#[test]
fn seed_studies_are_present_with_their_key_facts() {
    let dataset = bundled();
    let table: &[(&str, Option<&str>, Option<&str>, Status)] = &[
        // Only the year is verified for the Science Signaling paper (FACTS Part C, item 1).
        (
            "mit-injured-cell-adjuvant-2021",
            Some("2021"),
            Some("Science Signaling"),
            Status::Verified,
        ),
        (
            "mit-dna-damage-injury-preprint-2020",
            Some("2020-04-27"),
            Some("bioRxiv"),
            Status::Verified,
        ),
        // 2017, not the 2025 of the seed page's sidebar (Part C, item 2).
        (
            "kottke-2017-mrd-recurrence",
            Some("2017-10-16"),
            Some("Cancer Immunology Research"),
            Status::Verified,
        ),
        (
            "necroptosis-b-cell-leukemia-2025",
            Some("2025-08-15"),
            Some("Science Advances"),
            Status::Verified,
        ),
        (
            "dondossola-2016-tnf-self-targeting",
            Some("2016-02-08"),
            Some("PNAS"),
            Status::Verified,
        ),
        (
            "kim-2009-tumor-self-seeding",
            Some("2009-12-24"),
            Some("Cell"),
            Status::Verified,
        ),
        (
            "nci-personalized-cell-therapy-colorectal-2024",
            Some("2024-07-11"),
            Some("Nature Medicine"),
            Status::Verified,
        ),
        (
            "stanford-cd22-car-t-lymphoma-2024",
            Some("2024-07"),
            None,
            Status::Verified,
        ),
        (
            "stanford-cd22-car-t-breakthrough-2022",
            Some("2022-09"),
            None,
            Status::Verified,
        ),
        (
            "co-star-cells-undated",
            None,
            Some("Science Translational Medicine"),
            Status::Verified,
        ),
        (
            "liver-cancer-microproteins-2024",
            Some("2024-07-10"),
            Some("Science Advances"),
            Status::Verified,
        ),
        (
            "b7-h4-onco-fetal-tolerance-2024",
            Some("2024-08"),
            Some("Cell"),
            Status::Verified,
        ),
        (
            "thx-humanized-mouse-2024",
            Some("2024-08"),
            Some("Nature Immunology"),
            Status::Verified,
        ),
        (
            "stem-cell-therapy-liver-cancer-undated",
            None,
            None,
            Status::Unverified,
        ),
        (
            "nidogen-2-pancreatic-cancer-undated",
            None,
            None,
            Status::Unverified,
        ),
        ("lupus-car-t-child-undated", None, None, Status::Unverified),
        (
            "myeloma-early-development-undated",
            None,
            None,
            Status::Unverified,
        ),
    ];
    for &(id, date, journal, status) in table {
        check_key_facts(&dataset, id, date, journal, status);
    }
}

#[test]
fn milestones_keep_their_verified_dates() {
    let dataset = bundled();
    let table: &[(&str, Option<&str>, Option<&str>, Status)] = &[
        ("coley-toxins-1891", Some("1891"), None, Status::Verified),
        (
            "ipilimumab-approval-2011",
            Some("2011-03-25"),
            None,
            Status::Verified,
        ),
        (
            "tisagenlecleucel-approval-2017",
            Some("2017-08-30"),
            None,
            Status::Verified,
        ),
        // drugs.com and the reported Friday give Mar 26; two outlets say Mar 27.
        (
            "idecabtagene-vicleucel-approval-2021",
            Some("2021-03-26"),
            None,
            Status::Verified,
        ),
        // Only the month is verified; Jan 25 or 26 is not.
        (
            "tebentafusp-approval-2022",
            Some("2022-01"),
            None,
            Status::Verified,
        ),
        (
            "dostarlimab-rectal-cancer-2022",
            Some("2022-06-05"),
            Some("NEJM"),
            Status::Verified,
        ),
        (
            "nobel-treg-tolerance-2025",
            Some("2025-10-06"),
            None,
            Status::Verified,
        ),
        (
            "burnet-immune-surveillance-1957",
            Some("1957"),
            None,
            Status::CommonKnowledge,
        ),
        (
            "steinman-nobel-2011",
            Some("2011"),
            None,
            Status::CommonKnowledge,
        ),
    ];
    for &(id, date, journal, status) in table {
        check_key_facts(&dataset, id, date, journal, status);
    }
    assert!(study(&dataset, "burnet-immune-surveillance-1957").circa);
}

#[test]
fn dates_finer_than_the_sources_verify_are_tagged_common_knowledge() {
    let dataset = bundled();
    for id in [
        "interferon-alpha-approval-1986",
        "aldesleukin-melanoma-approval-1998",
        "pd1-discovery-1992",
        "teclistamab-approval-2022",
    ] {
        let record = study(&dataset, id);
        assert_eq!(record.status, Status::Verified, "{id}");
        assert_eq!(
            record.field_status.get("date"),
            Some(&Status::CommonKnowledge),
            "{id}"
        );
    }
}

#[test]
fn all_53_milestones_are_present_and_nothing_else_is_flagged() {
    let dataset = bundled();
    let flagged: BTreeSet<&str> = dataset
        .studies
        .iter()
        .filter(|s| s.milestone)
        .map(|s| s.id.as_str())
        .collect();
    let expected: BTreeSet<&str> = MILESTONES.into_iter().collect();
    assert_eq!(expected.len(), 53, "the MILESTONES list repeats an id");
    assert_eq!(flagged, expected);
}

#[test]
fn untraced_news_items_are_undated_unverified_news_only_records() {
    let dataset = bundled();
    for id in UNTRACED_NEWS {
        let record = study(&dataset, id);
        assert_eq!(record.stage, Stage::NewsOnly, "{id}");
        assert_eq!(record.date, None, "{id}");
        assert_eq!(record.status, Status::Unverified, "{id}");
        assert_eq!(record.publication, None, "{id}");
        let news = record.news.as_ref().expect("a news source");
        assert_eq!(news.outlet, "Technology Networks", "{id}");
        assert!(!news.headline.is_empty(), "{id}");
    }
}

#[test]
fn off_topic_items_are_marked_adjacent() {
    let dataset = bundled();
    for id in [
        "lupus-car-t-child-undated",
        "nidogen-2-pancreatic-cancer-undated",
        "thx-humanized-mouse-2024",
    ] {
        assert_eq!(study(&dataset, id).scope, Scope::Adjacent, "{id}");
    }
}

#[test]
fn every_record_has_a_source_or_a_news_source() {
    for record in &bundled().studies {
        assert!(
            !record.sources.is_empty() || record.news.is_some(),
            "`{}` has no source",
            record.id
        );
    }
}

#[test]
fn builds_on_links_resolve_and_point_back_in_time() {
    let dataset = bundled();
    for record in &dataset.studies {
        for target in &record.builds_on {
            let earlier = dataset.get(target).unwrap_or_else(|| {
                panic!("`{}` builds on `{target}`, which does not exist", record.id)
            });
            if let (Some(date), Some(before)) = (record.date, earlier.date) {
                assert!(
                    before.year <= date.year,
                    "`{}` builds on later work",
                    record.id
                );
            }
        }
    }
    let mit = dataset
        .index_of("mit-dna-damage-injury-preprint-2020")
        .unwrap();
    let built_upon: Vec<&str> = dataset
        .built_upon_by(mit)
        .iter()
        .map(|&i| dataset.studies[i].id.as_str())
        .collect();
    assert_eq!(built_upon, ["mit-injured-cell-adjuvant-2021"]);
}

/// A regression guard against invented identifiers: only these appear in the research notes.
#[test]
fn identifiers_are_exactly_those_in_the_research_notes() {
    let mut found = BTreeSet::new();
    for record in &bundled().studies {
        if let Some(p) = &record.publication {
            for id in [&p.doi, &p.pmid, &p.pmcid, &p.nct].into_iter().flatten() {
                found.insert(id.clone());
            }
        }
    }
    let expected: BTreeSet<String> = [
        "10.1158/2326-6066.CIR-17-0175",
        "10.1016/j.cell.2024.06.012",
        "PMC11344674",
        "10.1056/NEJMoa2201445",
        "NCT00924326",
    ]
    .map(String::from)
    .into();
    assert_eq!(found, expected);
}

/// Reads one broken fixture and asserts that a problem names `record`, `field` and contains
/// `message`, with the fixture's own file name.
fn assert_reported(fixture: &str, record: &str, field: &str, message: &str) {
    let name = format!("{BROKEN_DIR}/{fixture}");
    let (records, mut problems) = read_files(std::slice::from_ref(&name));
    problems.extend(validate::validate_all(&records).1);
    assert!(
        problems.iter().any(|p| p.file == name
            && p.record == record
            && p.field == field
            && p.message.contains(message)),
        "{fixture}: expected a problem for record `{record}`, field `{field}`, containing \
         {message:?}; got {problems:#?}"
    );
}

/// Each broken fixture and the problem it must produce: file, record, field, message part.
const BROKEN: &[(&str, &str, &str, &str)] = &[
    ("duplicate-id.toml", "same-id-2020", "id", "is used twice"),
    (
        "bad-date.toml",
        "bad-date-2021",
        "date",
        "2021-02 has no day 30",
    ),
    (
        "unknown-approach.toml",
        "unknown-approach-2020",
        "approaches",
        "`telepathy` is not allowed",
    ),
    (
        "dangling-builds-on.toml",
        "dangling-link-2020",
        "builds_on",
        "`no-such-study-1999` is not the id of any record",
    ),
    (
        "javascript-url.toml",
        "script-url-2020",
        "sources.url",
        "is not an http(s) link",
    ),
    (
        "missing-date.toml",
        "no-date-2020",
        "date",
        "may have no date",
    ),
    (
        "bad-doi.toml",
        "bad-doi-2020",
        "publication.doi",
        "is not a valid identifier",
    ),
    (
        "unknown-field-status.toml",
        "bad-field-status-2020",
        "field_status",
        "`colour` is not a field",
    ),
    (
        "script-in-summary.toml",
        "script-summary-2020",
        "summary",
        "looks like script or markup",
    ),
    (
        "no-source.toml",
        "no-source-2020",
        "sources",
        "needs at least one source",
    ),
    (
        "self-builds-on.toml",
        "self-link-2020",
        "builds_on",
        "cannot build on itself",
    ),
    (
        "end-before-start.toml",
        "backwards-2020",
        "end_date",
        "is before the date",
    ),
    (
        "unknown-status.toml",
        "bad-status-2020",
        "status",
        "`probably` is not allowed",
    ),
    ("wrong-type.toml", "line 5", "", "invalid type"),
    ("bad-id.toml", "Bad Id 2020", "id", "is not a valid id"),
];

#[test]
fn each_broken_fixture_reports_its_specific_problem() {
    for &(fixture, record, field, message) in BROKEN {
        assert_reported(fixture, record, field, message);
    }
}

/// Guards the line number of TOML reader errors when the mistake is the first thing on its line
/// (here a misspelled key on line 11). `source::read_toml` counts the lines *before* the error's
/// start, so a mistake at column 1 used to be reported one line too early.
const BROKEN_AT_LINE_START: &[(&str, &str, &str, &str)] = &[(
    "unknown-field.toml",
    "line 11",
    "",
    "unknown field `sumary`",
)];

#[test]
fn toml_errors_name_the_line_of_a_mistake_at_the_start_of_a_line() {
    for &(fixture, record, field, message) in BROKEN_AT_LINE_START {
        assert_reported(fixture, record, field, message);
    }
}

#[test]
fn every_broken_fixture_is_listed_in_a_table() {
    let on_disk: BTreeSet<String> = toml_files(BROKEN_DIR).into_iter().collect();
    let listed: BTreeSet<String> = BROKEN
        .iter()
        .chain(BROKEN_AT_LINE_START)
        .map(|(fixture, ..)| format!("{BROKEN_DIR}/{fixture}"))
        .collect();
    assert_eq!(on_disk, listed);
}

#[test]
fn a_problem_names_its_record_and_field_only_when_it_has_them() {
    let problem = |record: &str, field: &str| Problem {
        file: "mine.csv".into(),
        record: record.into(),
        field: field.into(),
        message: "is wrong".into(),
    };
    assert_eq!(
        problem("x-2020", "date").to_string(),
        "mine.csv: record `x-2020`, field `date`: is wrong"
    );
    assert_eq!(
        problem("x-2020", "").to_string(),
        "mine.csv: record `x-2020`: is wrong"
    );
    assert_eq!(problem("", "").to_string(), "mine.csv: is wrong");
}
