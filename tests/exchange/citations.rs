//! BibTeX, RIS and "Cite this view" text, compared with the exact expected output.

use super::{bundled, no_ids_taken};
use immunotimeline::data::Study;
use immunotimeline::exchange::{self, ViewCitation};

/// Three fictional records: a full article (Vancouver names, abbreviated pages, a title with
/// acronyms and an ampersand), an article with an unusual citation and no title, a news-only
/// record, and an approval with nothing to cite.
const CITATION_FIXTURES: &str = r#"[
  { "id": "fixture-article-2017", "title": "Our own title", "date": "2017-10-16",
    "approaches": ["checkpoint-inhibitor"], "stage": "preclinical", "summary": "S.",
    "status": "verified", "sources": [{ "label": "Fixture" }],
    "publication": { "journal": "Fixture J Immunol", "citation": "5(11):1029–45",
      "title": "PD-L1 & TNF-α in mRNA relapse", "authors": ["Kim MY", "Tim Kottke"],
      "doi": "10.1234/fixture_1" } },
  { "id": "fixture-preprint-2020", "title": "Our own title", "date": "2020",
    "approaches": ["basic-discovery"], "stage": "basic-discovery", "summary": "S.",
    "status": "verified", "sources": [{ "label": "Fixture" }],
    "publication": { "journal": "bioRxiv", "citation": "e1234, online only" } },
  { "id": "fixture-news-undated", "title": "Our own title", "approaches": ["other"],
    "stage": "news-only", "summary": "S.", "status": "unverified",
    "news": { "outlet": "Fixture News", "headline": "A headline", "date": "2024-07",
      "author": "Ann Writer", "url": "https://example.org/news" } },
  { "id": "fixture-approval-2011", "title": "Our own title", "date": "2011-03-25",
    "approaches": ["checkpoint-inhibitor"], "stage": "approval", "summary": "S.",
    "status": "verified", "sources": [{ "label": "Fixture" }] }
]"#;

fn citation_fixtures() -> Vec<Study> {
    let report = exchange::import(
        "citations.json",
        CITATION_FIXTURES.as_bytes(),
        &no_ids_taken,
    );
    assert!(
        report.is_clean(),
        "{:#?}",
        report.problems().collect::<Vec<_>>()
    );
    report.valid
}

#[test]
fn bibtex_entries_match_the_expected_text() {
    let citations = exchange::bibtex(&citation_fixtures());
    let expected = "\
@article{fixture-article-2017,
  author = {Kim, M. Y. and Tim Kottke},
  title = {{PD-L1} \\& {TNF-α} in {mRNA} relapse},
  journal = {Fixture J Immunol},
  year = {2017},
  month = oct,
  volume = {5},
  number = {11},
  pages = {1029--1045},
  doi = {10.1234/fixture_1}
}

@article{fixture-preprint-2020,
  journal = {bioRxiv},
  year = {2020},
  note = {e1234, online only}
}

@misc{fixture-news-undated,
  author = {Ann Writer},
  title = {A headline},
  howpublished = {Fixture News},
  year = {2024},
  month = jul,
  url = {https://example.org/news}
}
";
    assert_eq!(citations.text, expected);
    assert_eq!(citations.entries, 3);
    assert_eq!(citations.skipped, ["fixture-approval-2011"]);
}

#[test]
fn ris_records_match_the_expected_text() {
    let citations = exchange::ris(&citation_fixtures());
    let expected = [
        "TY  - JOUR",
        "AU  - Kim, M. Y.",
        "AU  - Tim Kottke",
        "TI  - PD-L1 & TNF-α in mRNA relapse",
        "T2  - Fixture J Immunol",
        "PY  - 2017",
        "DA  - 2017/10/16/",
        "VL  - 5",
        "IS  - 11",
        "SP  - 1029",
        "EP  - 1045",
        "DO  - 10.1234/fixture_1",
        "ER  - ",
        "",
        "TY  - JOUR",
        "T2  - bioRxiv",
        "PY  - 2020",
        "N1  - e1234, online only",
        "ER  - ",
        "",
        "TY  - NEWS",
        "AU  - Ann Writer",
        "TI  - A headline",
        "T2  - Fixture News",
        "PY  - 2024",
        "DA  - 2024/07//",
        "UR  - https://example.org/news",
        "ER  - ",
        "",
    ]
    .join("\r\n");
    assert_eq!(
        citations.text,
        expected.trim_end_matches("\r\n").to_owned() + "\r\n"
    );
    assert_eq!(citations.skipped, ["fixture-approval-2011"]);
}

#[test]
fn the_whole_bundled_dataset_exports_citations_without_losing_a_record() {
    let dataset = bundled();
    for citations in [
        exchange::bibtex(&dataset.studies),
        exchange::ris(&dataset.studies),
    ] {
        assert_eq!(
            citations.entries + citations.skipped.len(),
            dataset.studies.len()
        );
        assert!(citations.entries > 10, "{}", citations.entries);
    }
}

#[test]
fn cite_this_view_names_the_version_the_query_the_link_and_the_date() {
    let view = ViewCitation {
        permalink: "https://example.org/timeline/?q=car-t&v=1a2b3c4d",
        dataset_version: "1a2b3c4d",
        shown: 12,
        matching: "car-t",
        accessed: "2026-11-22",
    };
    assert_eq!(
        exchange::cite_view(&view),
        "Cancer Immunotherapy Timeline (dataset version 1a2b3c4d), view of 12 studies matching \
         “car-t”, https://example.org/timeline/?q=car-t&v=1a2b3c4d, accessed 2026-11-22."
    );
    let one = ViewCitation {
        shown: 1,
        matching: " ",
        ..view
    };
    assert!(exchange::cite_view(&one).contains("view of 1 study, https://"));
}
