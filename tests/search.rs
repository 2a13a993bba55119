//! The search engine against hand-written records (tables of query → ids), against synthetic
//! records (properties: no panics, filters hold, counts match a brute-force recount), and against
//! the bundled dataset.
// Native only: uses native-only dev-dependencies and runs on the host.
#![cfg(not(target_arch = "wasm32"))]

use immunotimeline::data::{
    Approach, CancerType, Dataset, Outcome, PartialDate, Publication, Regulator, Stage, Study,
    Trial,
};
use immunotimeline::search::{Field, Filters, IndexBuilder, Query, Results, SearchIndex, Sort};
use immunotimeline::synthetic;
use proptest::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

/// A record with the fields every fixture needs; the rest are filled in per fixture.
fn record(id: &str, date: &str, title: &str, summary: &str) -> Study {
    Study {
        id: id.into(),
        title: title.into(),
        label: None,
        date: (!date.is_empty()).then(|| PartialDate::parse(date).expect("fixture date")),
        circa: false,
        end_date: None,
        approaches: vec![Approach::Other],
        targets: vec![],
        drugs: vec![],
        cancer_types: vec![],
        stage: Stage::Preclinical,
        outcome: None,
        regulator: None,
        trials: vec![],
        scope: immunotimeline::data::Scope::CancerImmunotherapy,
        milestone: false,
        institutions: vec![],
        people: vec![],
        publication: None,
        news: None,
        summary: summary.into(),
        note: None,
        builds_on: vec![],
        status: immunotimeline::data::Status::Verified,
        field_status: Default::default(),
        sources: vec![],
    }
}

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| v.to_string()).collect()
}

/// The shared fixture set, in date order as `Dataset` keeps it.
fn fixtures() -> &'static [Study] {
    static FIXTURES: OnceLock<Vec<Study>> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        let studies = vec![
            Study {
                approaches: vec![Approach::InnateBacterial],
                cancer_types: vec![CancerType::Sarcoma],
                stage: Stage::Clinical,
                people: strings(&["William Coley"]),
                ..record(
                    "coley-1891",
                    "1891",
                    "Coley's toxins: killed bacteria shrink inoperable sarcomas",
                    "William Coley injected heat-killed bacteria into sarcomas and saw some tumours regress.",
                )
            },
            Study {
                approaches: vec![Approach::BasicDiscovery],
                stage: Stage::BasicDiscovery,
                targets: strings(&["PD-1"]),
                institutions: strings(&["Kyoto University"]),
                people: strings(&["Tasuku Honjo"]),
                ..record(
                    "honjo-1992",
                    "1992-11",
                    "PD-1 is discovered in dying T cells",
                    "Programmed death-1 (PD1) was cloned from T-cell hybridomas undergoing apoptosis.",
                )
            },
            Study {
                approaches: vec![Approach::CheckpointInhibitor],
                targets: strings(&["CTLA-4"]),
                institutions: strings(&["University of California, Berkeley"]),
                people: strings(&["James Allison"]),
                ..record(
                    "allison-1996",
                    "1996-03-22",
                    "Blocking CTLA-4 rejects tumors",
                    "Antibodies against the immune checkpoint CTLA-4 enhanced antitumor immunity in mice.",
                )
            },
            Study {
                approaches: vec![Approach::BasicDiscovery],
                institutions: strings(&["Memorial Sloan Kettering Cancer Center"]),
                people: strings(&["Joan Massagué"]),
                publication: Some(Publication {
                    journal: Some("Cell".into()),
                    title: Some("Tumor self-seeding by circulating cancer cells".into()),
                    ..Publication::default()
                }),
                ..record(
                    "massague-2009",
                    "2009-12-24",
                    "Circulating cancer cells re-seed their tumor of origin",
                    "Cells shed into the blood travel back to the primary tumor.",
                )
            },
            Study {
                approaches: vec![Approach::CheckpointInhibitor],
                cancer_types: vec![CancerType::Melanoma],
                stage: Stage::Phase3,
                targets: strings(&["PD-1"]),
                drugs: strings(&["pembrolizumab"]),
                institutions: strings(&["Memorial Sloan Kettering Cancer Center"]),
                ..record(
                    "keynote-2015",
                    "2015-05-01",
                    "Pembrolizumab versus ipilimumab in advanced melanoma",
                    "PD-1 blockade with pembrolizumab prolonged survival compared with CTLA-4 blockade.",
                )
            },
            Study {
                approaches: vec![Approach::EngineeredCells, Approach::Cytokine],
                cancer_types: vec![CancerType::Breast, CancerType::Melanoma],
                targets: strings(&["TNF-α"]),
                institutions: strings(&["University of New Mexico"]),
                people: strings(&["Eleonora Dondossola"]),
                ..record(
                    "tnf-2016",
                    "2016-02-08",
                    "Engineered cancer cells release a cytokine and home to metastases",
                    "Secreted TNF-α damaged tumor blood vessels while limiting toxicity.",
                )
            },
            Study {
                approaches: vec![Approach::CarT],
                cancer_types: vec![CancerType::Leukemia],
                stage: Stage::Approval,
                targets: strings(&["CD19"]),
                drugs: strings(&["Kymriah"]),
                institutions: strings(&["University of Pennsylvania", "Novartis"]),
                ..record(
                    "kymriah-2017",
                    "2017-08-30",
                    "First CAR-T therapy approved for leukemia",
                    "Tisagenlecleucel, made from a patient's own chimeric antigen receptor T cells, was approved for children.",
                )
            },
            Study {
                approaches: vec![Approach::CheckpointInhibitor, Approach::Cytokine],
                cancer_types: vec![CancerType::Melanoma],
                targets: strings(&["PD-1", "TNF-α"]),
                institutions: strings(&["Institute of Cancer Research, London"]),
                ..record(
                    "kottke-2017",
                    "2017-10-16",
                    "Residual melanoma cells exploit TNFα to relapse",
                    "Blocking PD-1 or TNF-alpha delayed recurrence in mice.",
                )
            },
            Study {
                approaches: vec![Approach::CarT],
                cancer_types: vec![CancerType::SolidTumors],
                stage: Stage::Phase1,
                targets: strings(&["GD2"]),
                institutions: strings(&["Stanford University"]),
                ..record(
                    "glioma-2022",
                    "2022-06",
                    "CAR T cells against GD2 in glioma",
                    "Engineered CART cells targeting GD2 shrank diffuse midline gliomas in children.",
                )
            },
            Study {
                approaches: vec![Approach::CheckpointInhibitor],
                cancer_types: vec![CancerType::Lung],
                stage: Stage::NewsOnly,
                ..record(
                    "roundup-undated",
                    "",
                    "Immune checkpoint therapy news roundup",
                    "A news report on checkpoint inhibitors in lung cancer.",
                )
            },
        ];
        Dataset::new("test".into(), studies).studies
    })
}

fn fixture_index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::build(fixtures()))
}

/// A query given as plain text or in full.
trait IntoQuery {
    fn into_query(self) -> Query;
}

impl IntoQuery for &str {
    fn into_query(self) -> Query {
        Query {
            text: self.into(),
            ..Query::default()
        }
    }
}

impl IntoQuery for Query {
    fn into_query(self) -> Query {
        self
    }
}

/// The ids of the hits of `query` in `index` of `studies`, in order.
fn hit_ids<'a>(studies: &'a [Study], index: &SearchIndex, query: &Query) -> Vec<&'a str> {
    let hits = index.search(query).hits;
    hits.iter()
        .map(|&hit| studies[hit as usize].id.as_str())
        .collect()
}

/// The one helper of the tables: the ids of the hits, in order.
#[track_caller]
fn check(query: impl IntoQuery, expected: &[&str]) {
    let query = query.into_query();
    let ids = hit_ids(fixtures(), fixture_index(), &query);
    assert_eq!(ids, expected, "query {query:?}");
}

fn filtered(text: &str, filters: Filters, sort: Sort) -> Query {
    Query {
        text: text.into(),
        filters,
        sort,
        only: None,
    }
}

#[test]
fn hyphen_space_and_joined_spellings_match_each_other() {
    for text in ["CAR-T", "CAR T", "CART", "car-t", "cart ", "car t"] {
        check(text, &["glioma-2022", "kymriah-2017"]);
    }
    for text in ["PD1", "PD-1", "pd 1", "pd-1 "] {
        check(text, &["honjo-1992", "keynote-2015", "kottke-2017"]);
    }
    for text in ["TNF-alpha", "TNFa", "TNF-α", "tnf alpha", "TNFα ", "tnf a"] {
        check(text, &["kottke-2017", "tnf-2016"]);
    }
}

#[test]
fn typos_prefixes_phrases_exclusions_and_synonyms() {
    for (text, expected) in [
        ("pembrolizomab", &["keynote-2015"][..]),
        ("tisagenleucel", &["kymriah-2017"]),
        ("pembro", &["keynote-2015"]),
        // Punctuation does not make a word an identifier: still its synonyms and prefixes.
        ("Pembro,", &["keynote-2015"]),
        ("keytruda.", &["keynote-2015"]),
        ("massague", &["massague-2009"]),
        ("MASSAGUÉ ", &["massague-2009"]),
        ("\"checkpoint immune\"", &[]),
        ("checkpoint -mice", &["roundup-undated", "keynote-2015"]),
        ("Keytruda", &["keynote-2015"]),
        ("CD279", &["honjo-1992", "keynote-2015", "kottke-2017"]),
        (
            "chimeric antigen receptor",
            &["kymriah-2017", "glioma-2022"],
        ),
        (
            "tumour",
            &[
                "massague-2009",
                "tnf-2016",
                "coley-1891",
                "allison-1996",
                "glioma-2022",
            ],
        ),
        ("pd-1 melanoma", &["keynote-2015", "kottke-2017"]),
        ("melanoma pd", &["keynote-2015", "kottke-2017"]),
        ("sarcomas coley", &["coley-1891"]),
        ("xyzzy", &[]),
    ] {
        check(text, expected);
    }
}

#[test]
fn exact_beats_synonym_beats_prefix_beats_typo_and_title_beats_summary() {
    for (text, expected) in [
        // Exact "cell" (in "T-cell", the CAR-T approach label and the journal Cell), then the
        // prefix "cells".
        (
            "cell",
            &[
                "honjo-1992",
                "glioma-2022",
                "massague-2009",
                "kymriah-2017",
                "tnf-2016",
                "kottke-2017",
            ][..],
        ),
        // Exact "tumors", synonym "tumours", then "tumor", a typo away.
        (
            "tumors",
            &[
                "allison-1996",
                "glioma-2022",
                "coley-1891",
                "massague-2009",
                "tnf-2016",
            ],
        ),
        // Exact "tumor", then "tumors" as a prefix and through its synonym "tumours".
        (
            "tumor",
            &[
                "massague-2009",
                "tnf-2016",
                "allison-1996",
                "coley-1891",
                "glioma-2022",
            ],
        ),
        ("blocking", &["allison-1996", "kottke-2017"]),
        (
            "\"immune checkpoint\"",
            &["roundup-undated", "allison-1996"],
        ),
        ("melanoma", &["keynote-2015", "kottke-2017", "tnf-2016"]),
    ] {
        check(text, expected);
    }
}

#[test]
fn filters_and_sort_orders() {
    let checkpoint = Filters {
        approaches: vec![Approach::CheckpointInhibitor],
        ..Filters::default()
    };
    let years = Filters {
        year_from: Some(2015),
        year_to: Some(2017),
        ..Filters::default()
    };
    let open_end = Filters {
        year_from: Some(2017),
        ..Filters::default()
    };
    let two_stages = Filters {
        stages: vec![Stage::Approval, Stage::Phase3],
        ..Filters::default()
    };
    let institution = Filters {
        institutions: strings(&["Memorial Sloan Kettering Cancer Center"]),
        cancer_types: vec![CancerType::Melanoma, CancerType::Leukemia],
        ..Filters::default()
    };
    let unknown = Filters {
        institutions: strings(&["Nowhere"]),
        ..Filters::default()
    };
    for (query, expected) in [
        (
            filtered("", checkpoint.clone(), Sort::Relevance),
            &[
                "allison-1996",
                "keynote-2015",
                "kottke-2017",
                "roundup-undated",
            ][..],
        ),
        (
            filtered("", checkpoint.clone(), Sort::DateDesc),
            &[
                "kottke-2017",
                "keynote-2015",
                "allison-1996",
                "roundup-undated",
            ],
        ),
        (
            filtered("pd-1", checkpoint, Sort::Date),
            &["keynote-2015", "kottke-2017"],
        ),
        (
            filtered("", years, Sort::Date),
            &["keynote-2015", "tnf-2016", "kymriah-2017", "kottke-2017"],
        ),
        (
            filtered("", open_end, Sort::Date),
            &["kymriah-2017", "kottke-2017", "glioma-2022"],
        ),
        (
            filtered("", two_stages, Sort::Date),
            &["keynote-2015", "kymriah-2017"],
        ),
        (filtered("", institution, Sort::Date), &["keynote-2015"]),
        (filtered("", unknown, Sort::Date), &[]),
    ] {
        check(query, expected);
    }
}

#[test]
fn facet_counts_leave_out_their_own_selection() {
    let query = filtered(
        "cells",
        Filters {
            approaches: vec![Approach::CarT],
            year_from: Some(2000),
            ..Filters::default()
        },
        Sort::Relevance,
    );
    let results = fixture_index().search(&query);
    let count =
        |facet: &[(Approach, u32)], value| facet.iter().find(|(a, _)| *a == value).map(|(_, n)| *n);
    // "cells" since 2000: massague, tnf, kymriah, kottke, glioma; CAR-T among them: kymriah, glioma.
    assert_eq!(count(&results.facets.approaches, Approach::CarT), Some(2));
    assert_eq!(
        count(&results.facets.approaches, Approach::BasicDiscovery),
        Some(1)
    );
    assert_eq!(count(&results.facets.approaches, Approach::TcrT), Some(0));
    assert_eq!(results.facets.approaches.len(), Approach::ALL.len());
    assert_eq!(results.facets.stages.iter().map(|(_, n)| n).sum::<u32>(), 2);
    assert_eq!(
        results.facets.institutions,
        [
            ("Novartis".to_string(), 1),
            ("Stanford University".into(), 1),
            ("University of Pennsylvania".into(), 1)
        ]
    );
    // The histogram ignores the year range but honours the approach.
    assert_eq!(results.histogram, [(2017, 1), (2022, 1)]);
    assert_eq!(results.total, fixtures().len() as u32);
}

#[test]
fn unmatched_words_name_what_emptied_the_list() {
    for (text, expected) in [
        ("pd-1 xyzzy", &["xyzzy"][..]),
        ("\"tumor pd-1\" melanoma", &["\"tumor pd-1\""]),
        ("pd-1 melanoma", &[]),
        ("glioma sarcoma", &[]),
    ] {
        let results = fixture_index().search(&text.into_query());
        assert_eq!(results.unmatched_words, expected, "query {text:?}");
    }
}

#[test]
fn highlights_mark_typos_synonyms_and_joins() {
    for (text, id, expected) in [
        (
            "keytruda",
            "keynote-2015",
            &[
                "Title:Pembrolizumab",
                "Summary:pembrolizumab",
                "Drug(0):pembrolizumab",
            ][..],
        ),
        (
            "pembrolizomab",
            "keynote-2015",
            &[
                "Title:Pembrolizumab",
                "Summary:pembrolizumab",
                "Drug(0):pembrolizumab",
            ],
        ),
        (
            "tnfa",
            "kottke-2017",
            &["Title:TNFα", "Summary:TNF-alpha", "Target(1):TNF-α"],
        ),
        (
            "cart",
            "kymriah-2017",
            // "chimeric antigen receptor T cells" spells out "CAR T cells", a name of CAR-T.
            &[
                "Title:CAR-T",
                "Summary:chimeric",
                "Summary:antigen",
                "Summary:receptor",
                "Summary:cells",
            ],
        ),
        ("massagu", "massague-2009", &["Person(0):Massagué"]),
        (
            "\"immune checkpoint\"",
            "allison-1996",
            &["Summary:immune checkpoint"],
        ),
        ("", "allison-1996", &[]),
    ] {
        let study = fixtures().iter().find(|s| s.id == id).expect("fixture id");
        let marked = marked(fixture_index(), text, study);
        assert_eq!(marked, expected, "highlights of {text:?} in {id}");
    }
}

/// The highlights of `text` in `study`, as `Field:marked text`.
fn marked(index: &SearchIndex, text: &str, study: &Study) -> Vec<String> {
    index
        .highlights(&text.into_query(), study)
        .iter()
        .map(|h| {
            let field = h.field.text(study).expect("highlighted field exists");
            format!("{:?}:{}", h.field, &field[h.range.clone()])
        })
        .collect()
}

#[test]
fn an_empty_index_answers_every_query() {
    let everything = Filters {
        approaches: vec![Approach::CarT],
        cancer_types: vec![CancerType::Lung],
        stages: vec![Stage::Phase1],
        outcomes: vec![Outcome::Halted],
        regulators: vec![Regulator::Japan],
        institutions: strings(&["Nowhere"]),
        year_from: Some(2000),
        year_to: Some(1990),
    };
    for index in [SearchIndex::default(), SearchIndex::build(&[])] {
        for text in ["", "pd-1 \"immune checkpoint\" -mice", "p"] {
            let results = index.search(&filtered(text, everything.clone(), Sort::Relevance));
            assert!(results.hits.is_empty());
            assert_eq!(results.facets.approaches.len(), Approach::ALL.len());
            assert_eq!(results.facets.outcomes.len(), Outcome::ALL.len());
            assert_eq!(results.facets.regulators.len(), Regulator::ALL.len());
            assert_eq!(results.facets.institutions, [("Nowhere".to_string(), 0)]);
        }
    }
}

#[test]
fn bundled_dataset_finds_seed_records() {
    let (dataset, problems) = Dataset::bundled();
    assert!(problems.is_empty(), "{problems:?}");
    let index = SearchIndex::build(&dataset.studies);
    for (text, must_include) in [
        (
            "tnf alpha",
            &[
                "kottke-2017-mrd-recurrence",
                "dondossola-2016-tnf-self-targeting",
            ][..],
        ),
        (
            "TNF-α",
            &[
                "kottke-2017-mrd-recurrence",
                "dondossola-2016-tnf-self-targeting",
            ],
        ),
        ("massague", &["kim-2009-tumor-self-seeding"]),
        ("self-seeding", &["kim-2009-tumor-self-seeding"]),
    ] {
        let results = index.search(&text.into_query());
        let ids: HashSet<&str> = results
            .hits
            .iter()
            .map(|&h| dataset.studies[h as usize].id.as_str())
            .collect();
        for id in must_include {
            assert!(ids.contains(id), "{text:?} should find {id}; found {ids:?}");
        }
    }
}

// ---- Trials, approvals and setbacks: identifiers, outcomes and regulators ----

/// A publication with identifiers only.
fn paper(doi: &str, pmid: &str, pmcid: Option<&str>) -> Option<Publication> {
    Some(Publication {
        doi: Some(doi.into()),
        pmid: Some(pmid.into()),
        pmcid: pmcid.map(Into::into),
        ..Publication::default()
    })
}

fn trial(name: &str, nct: &str) -> Trial {
    Trial {
        name: Some(name.into()),
        nct: Some(nct.into()),
    }
}

/// A fixture set of its own, so the tables above keep theirs: three NEJM papers whose DOIs share
/// `10.1056/NEJMoa`, approvals by two regulators, and setbacks. In date order.
fn trial_fixtures() -> &'static (Vec<Study>, SearchIndex) {
    static DATA: OnceLock<(Vec<Study>, SearchIndex)> = OnceLock::new();
    DATA.get_or_init(|| {
        let checkpoint = |id, date, title, summary| Study {
            approaches: vec![Approach::CheckpointInhibitor],
            cancer_types: vec![CancerType::Melanoma],
            stage: Stage::Phase3,
            outcome: Some(Outcome::Positive),
            ..record(id, date, title, summary)
        };
        let studies = vec![
            Study {
                drugs: strings(&["ipilimumab"]),
                publication: paper("10.1056/NEJMoa1003466", "20525992", Some("PMC3549297")),
                trials: vec![trial("MDX010-20", "NCT00094653")],
                ..checkpoint(
                    "hodi-2010",
                    "2010-08-19",
                    "Improved survival with ipilimumab in metastatic melanoma",
                    "The first treatment to prolong overall survival in metastatic melanoma.",
                )
            },
            Study {
                stage: Stage::Approval,
                outcome: None,
                regulator: Some(Regulator::Us),
                label: Some("Ipilimumab cleared (US)".into()),
                ..checkpoint(
                    "ipilimumab-approval-us-2011",
                    "2011-03-25",
                    "FDA approves ipilimumab for advanced melanoma",
                    "The first checkpoint inhibitor on the market.",
                )
            },
            Study {
                stage: Stage::Approval,
                outcome: None,
                regulator: Some(Regulator::Eu),
                ..checkpoint(
                    "ipilimumab-approval-eu-2011",
                    "2011-07-13",
                    "Ipilimumab authorised in the European Union",
                    "Marketing authorisation for previously treated advanced melanoma.",
                )
            },
            Study {
                drugs: strings(&["nivolumab", "ipilimumab"]),
                publication: paper("10.1056/NEJMoa1504030", "26027431", Some("PMC5698905")),
                trials: vec![trial("CheckMate 067", "NCT01844505")],
                ..checkpoint(
                    "checkmate-067-2015",
                    "2015-07-02",
                    "Combined nivolumab and ipilimumab in untreated melanoma",
                    "The combination and nivolumab alone outlasted ipilimumab alone.",
                )
            },
            Study {
                approaches: vec![Approach::CancerVaccine],
                cancer_types: vec![CancerType::Lung],
                outcome: Some(Outcome::Negative),
                publication: paper("10.1016/S1470-2045(16)30125-0", "27132212", None),
                trials: vec![trial("MAGRIT", "NCT00480025")],
                ..checkpoint(
                    "magrit-2016",
                    "2016-04-25",
                    "MAGE-A3 vaccine fails to prolong disease-free survival",
                    "Among 2,272 patients, 10 of 1056 sites stopped early; no benefit was seen.",
                )
            },
            Study {
                cancer_types: vec![CancerType::Lung],
                drugs: strings(&["pembrolizumab"]),
                publication: paper("10.1056/NEJMoa1606774", "27718847", None),
                trials: vec![trial("KEYNOTE-024", "NCT02142738")],
                label: Some("KEYNOTE-024".into()),
                ..checkpoint(
                    "keynote-024-2016",
                    "2016-10-08",
                    "Pembrolizumab versus chemotherapy in PD-L1-positive lung cancer",
                    "First-line pembrolizumab prolonged survival over chemotherapy.",
                )
            },
            Study {
                stage: Stage::Approval,
                outcome: Some(Outcome::Rejected),
                regulator: Some(Regulator::Eu),
                ..checkpoint(
                    "refusal-eu-2019",
                    "2019-02",
                    "A checkpoint inhibitor is refused in the European Union",
                    "The regulator found the evidence of benefit too weak.",
                )
            },
            Study {
                stage: Stage::Approval,
                outcome: Some(Outcome::Withdrawn),
                regulator: Some(Regulator::Us),
                ..checkpoint(
                    "withdrawal-us-2020",
                    "2020-12",
                    "An accelerated approval in melanoma is withdrawn",
                    "The confirmatory trial did not show a benefit.",
                )
            },
        ];
        let studies = Dataset::new("trials".into(), studies).studies;
        let index = SearchIndex::build(&studies);
        (studies, index)
    })
}

#[track_caller]
fn check_trials(query: impl IntoQuery, expected: &[&str]) {
    let (studies, index) = trial_fixtures();
    let query = query.into_query();
    assert_eq!(hit_ids(studies, index, &query), expected, "query {query:?}");
}

#[test]
fn identifiers_are_found_whole_as_typed_or_pasted() {
    for (text, expected) in [
        ("NCT01844505", &["checkmate-067-2015"][..]),
        ("nct01844505 ", &["checkmate-067-2015"]),
        ("NCT 01844505", &["checkmate-067-2015"]),
        ("NCT00094653", &["hodi-2010"]),
        ("20525992", &["hodi-2010"]),
        ("PMID 20525992", &["hodi-2010"]),
        ("PMID:20525992", &["hodi-2010"]),
        ("PMC3549297", &["hodi-2010"]),
        ("pmc3549297 ", &["hodi-2010"]),
        // Three DOIs share `10.1056/NEJMoa`, and magrit's summary has "10" and "1056": a DOI in
        // full finds its record only, however it is cased, prefixed or punctuated.
        ("10.1056/NEJMoa1003466", &["hodi-2010"]),
        ("10.1056/nejmoa1003466 ", &["hodi-2010"]),
        ("doi:10.1056/NEJMoa1003466", &["hodi-2010"]),
        ("DOI 10.1056/NEJMoa1003466", &["hodi-2010"]),
        ("https://doi.org/10.1056/NEJMoa1003466", &["hodi-2010"]),
        ("(10.1056/NEJMoa1003466).", &["hodi-2010"]),
        ("[doi:10.1056/NEJMoa1003466]", &["hodi-2010"]),
        ("10.1056/NEJMoa1003466.", &["hodi-2010"]),
        ("\"10.1056/NEJMoa1003466\"", &["hodi-2010"]),
        ("10.1016/S1470-2045(16)30125-0", &["magrit-2016"]),
        ("10.1016/s1470-2045(16)30125-0 lung", &["magrit-2016"]),
        // While a DOI is typed, the DOIs it starts.
        ("10.1056/NEJMoa10", &["hodi-2010"]),
        ("10.1016/S1470-2045(", &["magrit-2016"]),
        ("10.1056/NEJMoa9999999", &[]),
        ("10.1056/NEJMoa1003466 melanoma", &["hodi-2010"]),
        ("10.1056/NEJMoa1003466 lung", &[]),
    ] {
        check_trials(text, expected);
    }
}

#[test]
fn a_doi_being_typed_and_an_excluded_identifier() {
    let (studies, index) = trial_fixtures();
    let sorted = |text: &str| {
        let mut ids = hit_ids(studies, index, &text.into_query());
        ids.sort_unstable();
        ids
    };
    assert_eq!(
        sorted("10.1056/NEJMoa1"),
        ["checkmate-067-2015", "hodi-2010", "keynote-024-2016"]
    );
    assert_eq!(
        sorted("ipilimumab -10.1056/NEJMoa1003466 "),
        [
            "checkmate-067-2015",
            "ipilimumab-approval-eu-2011",
            "ipilimumab-approval-us-2011"
        ]
    );
    assert_eq!(sorted("-NCT01844505 nivolumab"), Vec::<&str>::new());
}

#[test]
fn trial_names_and_short_labels_are_found_however_they_are_spaced() {
    for (text, expected) in [
        ("KEYNOTE-024", &["keynote-024-2016"][..]),
        ("keynote 024", &["keynote-024-2016"]),
        ("keynote024", &["keynote-024-2016"]),
        ("Keynote", &["keynote-024-2016"]),
        ("CheckMate 067", &["checkmate-067-2015"]),
        ("checkmate-067", &["checkmate-067-2015"]),
        ("checkmate067 ", &["checkmate-067-2015"]),
        ("MDX010-20", &["hodi-2010"]),
        ("mdx010 20", &["hodi-2010"]),
        ("magrit", &["magrit-2016"]),
        // Only in the short label.
        ("cleared", &["ipilimumab-approval-us-2011"]),
    ] {
        check_trials(text, expected);
    }
}

#[test]
fn identifiers_trial_names_and_labels_are_highlighted_whole() {
    let (studies, index) = trial_fixtures();
    for (text, id, expected) in [
        (
            "10.1056/NEJMoa1003466",
            "hodi-2010",
            &["Doi:10.1056/NEJMoa1003466"][..],
        ),
        (
            "nct01844505",
            "checkmate-067-2015",
            &["TrialNct(0):NCT01844505"],
        ),
        (
            "checkmate067",
            "checkmate-067-2015",
            &["Trial(0):CheckMate 067"],
        ),
        (
            "keynote 024",
            "keynote-024-2016",
            &["Label:KEYNOTE-024", "Trial(0):KEYNOTE-024"],
        ),
        ("20525992", "hodi-2010", &["Pmid:20525992"]),
        ("cleared", "ipilimumab-approval-us-2011", &["Label:cleared"]),
    ] {
        let study = studies.iter().find(|s| s.id == id).expect("fixture id");
        let marked = marked(index, text, study);
        assert_eq!(marked, expected, "highlights of {text:?} in {id}");
    }
}

#[test]
fn outcome_and_regulator_filters_select_and_count_like_the_others() {
    let outcomes = |values: &[Outcome]| Filters {
        outcomes: values.to_vec(),
        ..Filters::default()
    };
    let regulators = |values: &[Regulator]| Filters {
        regulators: values.to_vec(),
        ..Filters::default()
    };
    for (query, expected) in [
        (
            filtered("", outcomes(&[Outcome::Negative]), Sort::Date),
            &["magrit-2016"][..],
        ),
        (
            filtered(
                "",
                outcomes(&[Outcome::Rejected, Outcome::Withdrawn]),
                Sort::Date,
            ),
            &["refusal-eu-2019", "withdrawal-us-2020"],
        ),
        (
            filtered("", regulators(&[Regulator::Eu]), Sort::Date),
            &["ipilimumab-approval-eu-2011", "refusal-eu-2019"],
        ),
        (
            filtered("ipilimumab", regulators(&[Regulator::Us]), Sort::Date),
            &["ipilimumab-approval-us-2011"],
        ),
        (filtered("", outcomes(&[Outcome::Halted]), Sort::Date), &[]),
        (
            filtered("", regulators(&[Regulator::Japan]), Sort::Date),
            &[],
        ),
    ] {
        check_trials(query, expected);
    } // Where no record has an outcome or a regulator, nothing passes and every count is zero.
    let filters = Filters {
        regulators: vec![Regulator::Us],
        ..outcomes(&[Outcome::Positive])
    };
    let none = fixture_index().search(&filtered("", filters, Sort::Date));
    assert!(none.hits.is_empty());
    let counts = none.facets.outcomes.iter().map(|(_, n)| n);
    assert_eq!(
        counts
            .chain(none.facets.regulators.iter().map(|(_, n)| n))
            .sum::<u32>(),
        0
    );
    assert_eq!(none.facets.outcomes.len(), Outcome::ALL.len());
}

#[test]
fn outcome_and_regulator_counts_honour_the_other_filters_but_not_their_own() {
    let (studies, index) = trial_fixtures();
    let counts = |filters: Filters| {
        let results = index.search(&filtered("", filters, Sort::Date));
        let outcomes: Vec<(Outcome, u32)> = results
            .facets
            .outcomes
            .iter()
            .copied()
            .filter(|&(_, n)| n > 0)
            .collect();
        let regulators: Vec<(Regulator, u32)> = results
            .facets
            .regulators
            .iter()
            .copied()
            .filter(|&(_, n)| n > 0)
            .collect();
        (results.hits.len(), outcomes, regulators)
    };
    // The whole index; records without an outcome or a regulator count in neither.
    let everything = index.search(&Query::default()).facets;
    assert_eq!(everything.outcomes.len(), Outcome::ALL.len());
    assert_eq!(everything.regulators.len(), Regulator::ALL.len());
    assert_eq!(
        counts(Filters::default()),
        (
            studies.len(),
            vec![
                (Outcome::Positive, 3),
                (Outcome::Negative, 1),
                (Outcome::Withdrawn, 1),
                (Outcome::Rejected, 1),
            ],
            vec![(Regulator::Us, 2), (Regulator::Eu, 2)],
        )
    );
    // Each facet leaves out its own selection: the outcomes are those of the US records, the
    // regulators those of the withdrawn ones.
    assert_eq!(
        counts(Filters {
            outcomes: vec![Outcome::Withdrawn],
            regulators: vec![Regulator::Us],
            ..Filters::default()
        }),
        (1, vec![(Outcome::Withdrawn, 1)], vec![(Regulator::Us, 1)],)
    );
    assert_eq!(
        counts(Filters {
            outcomes: vec![Outcome::Rejected, Outcome::Positive],
            stages: vec![Stage::Approval],
            ..Filters::default()
        }),
        (
            1,
            vec![(Outcome::Withdrawn, 1), (Outcome::Rejected, 1)],
            vec![(Regulator::Eu, 1)],
        )
    );
    // Other facets honour the outcome and regulator selections.
    let results = index.search(&filtered("", regulators_only(Regulator::Eu), Sort::Date));
    let stage = |s| {
        results
            .facets
            .stages
            .iter()
            .find(|(x, _)| *x == s)
            .map(|(_, n)| *n)
    };
    assert_eq!(stage(Stage::Approval), Some(2));
    assert_eq!(stage(Stage::Phase3), Some(0));
}

fn regulators_only(regulator: Regulator) -> Filters {
    Filters {
        regulators: vec![regulator],
        ..Filters::default()
    }
}

// ---- Properties over synthetic records ----

/// 1,500 synthetic records, some given an outcome, a regulator, identifiers and trials here
/// (the generator leaves them out, so the benchmark's text stays what it was).
fn synthetic() -> &'static (Vec<Study>, SearchIndex) {
    static DATA: OnceLock<(Vec<Study>, SearchIndex)> = OnceLock::new();
    DATA.get_or_init(|| {
        let mut studies = synthetic::generate(1500, 42);
        for (i, study) in studies.iter_mut().enumerate() {
            if i % 3 == 0 {
                study.outcome = Some(Outcome::ALL[i / 3 % Outcome::ALL.len()]);
            }
            if i % 4 == 0 {
                study.regulator = Some(Regulator::ALL[i / 4 % Regulator::ALL.len()]);
            }
            if i % 7 == 0 {
                let publication = study.publication.get_or_insert_default();
                publication.doi = Some(format!("10.{}/Syn.{i}(x)-{}", 1000 + i % 9, i % 5));
                publication.pmid = Some((30_000_000 + i).to_string());
            }
            if i % 11 == 0 {
                study.trials.push(Trial {
                    name: Some(format!("SYN-{} Trial {}", i % 13, i % 3)),
                    nct: Some(format!("NCT{:08}", i % 40)),
                });
            }
        }
        let index = SearchIndex::build(&studies);
        (studies, index)
    })
}

fn any_filters() -> impl Strategy<Value = Filters> {
    let institutions = synthetic()
        .0
        .iter()
        .flat_map(|s| s.institutions.clone())
        .take(40)
        .collect::<Vec<_>>();
    (
        proptest::sample::subsequence(Approach::ALL.to_vec(), 0..3),
        proptest::sample::subsequence(CancerType::ALL.to_vec(), 0..3),
        proptest::sample::subsequence(Stage::ALL.to_vec(), 0..3),
        proptest::sample::subsequence(Outcome::ALL.to_vec(), 0..3),
        proptest::sample::subsequence(Regulator::ALL.to_vec(), 0..3),
        proptest::sample::subsequence(institutions, 0..2),
        proptest::option::of(1880..2030i32),
        proptest::option::of(1880..2030i32),
    )
        .prop_map(
            |(
                approaches,
                cancer_types,
                stages,
                outcomes,
                regulators,
                institutions,
                year_from,
                year_to,
            )| Filters {
                approaches,
                cancer_types,
                stages,
                outcomes,
                regulators,
                institutions,
                year_from,
                year_to,
            },
        )
}

fn any_text() -> impl Strategy<Value = String> {
    let words = [
        "tumor",
        "cels",
        "pd-1",
        "pembro",
        "-mice",
        "\"immune checkpoint\"",
        "melanoma",
        "t",
        "CAR T",
        "Keytruda",
        "zzq",
        "10.1007/Syn.7(x)-2",
        "nct00000011",
        "SYN-11 Trial",
        "",
    ];
    proptest::collection::vec(proptest::sample::select(words.to_vec()), 0..4)
        .prop_map(|w| w.join(" "))
}

fn passes(study: &Study, filters: &Filters, skip: &str) -> bool {
    let year = study.date.map(|d| d.year);
    let ranged = filters.year_from.is_some() || filters.year_to.is_some();
    (skip == "approach"
        || filters.approaches.is_empty()
        || study
            .approaches
            .iter()
            .any(|a| filters.approaches.contains(a)))
        && (skip == "cancer"
            || filters.cancer_types.is_empty()
            || study
                .cancer_types
                .iter()
                .any(|c| filters.cancer_types.contains(c)))
        && (skip == "stage" || filters.stages.is_empty() || filters.stages.contains(&study.stage))
        && (skip == "outcome"
            || filters.outcomes.is_empty()
            || study.outcome.is_some_and(|o| filters.outcomes.contains(&o)))
        && (skip == "regulator"
            || filters.regulators.is_empty()
            || study
                .regulator
                .is_some_and(|r| filters.regulators.contains(&r)))
        && (skip == "institution"
            || filters.institutions.is_empty()
            || study
                .institutions
                .iter()
                .any(|i| filters.institutions.contains(i)))
        && (skip == "year"
            || !ranged
            || year.is_some_and(|y| {
                filters.year_from.is_none_or(|f| y >= f) && filters.year_to.is_none_or(|t| y <= t)
            }))
}

fn text_hits(index: &SearchIndex, text: &str) -> Vec<u32> {
    let mut hits = index.search(&text.into_query()).hits;
    hits.sort_unstable();
    hits
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_and_highlights_are_well_formed(chars in proptest::collection::vec(any::<char>(), 0..1000)) {
        let text: String = chars.into_iter().collect();
        let (studies, index) = synthetic();
        for sort in [Sort::Relevance, Sort::DateDesc] {
            let query = Query { text: text.clone(), sort, ..Query::default() };
            let results = index.search(&query);
            prop_assert!(results.hits.iter().all(|&h| (h as usize) < studies.len()));
            for &hit in results.hits.iter().take(5) {
                let study = &studies[hit as usize];
                let marks = index.highlights(&query, study);
                for pair in marks.windows(2) {
                    prop_assert!(pair[0].field < pair[1].field || (pair[0].field == pair[1].field && pair[0].range.end < pair[1].range.start));
                }
                for mark in &marks {
                    let field = mark.field.text(study).unwrap_or_default();
                    prop_assert!(field.get(mark.range.clone()).is_some_and(|s| !s.is_empty()));
                }
            }
        }
    }

    #[test]
    fn every_hit_passes_every_filter(text in any_text(), filters in any_filters()) {
        let (studies, index) = synthetic();
        let results = index.search(&filtered(&text, filters.clone(), Sort::Relevance));
        let matching: HashSet<u32> = text_hits(index, &text).into_iter().collect();
        let mut expected: Vec<u32> = (0..studies.len() as u32)
            .filter(|&d| matching.contains(&d) && passes(&studies[d as usize], &filters, ""))
            .collect();
        let mut hits = results.hits.clone();
        hits.sort_unstable();
        expected.sort_unstable();
        prop_assert_eq!(hits, expected);
    }

    #[test]
    fn facets_and_histogram_equal_a_brute_force_recount(text in any_text(), filters in any_filters()) {
        let (studies, index) = synthetic();
        let results: Results = index.search(&filtered(&text, filters.clone(), Sort::Date));
        let matching: Vec<&Study> = text_hits(index, &text).iter().map(|&d| &studies[d as usize]).collect();
        for &(approach, count) in &results.facets.approaches {
            let brute = matching.iter().filter(|s| passes(s, &filters, "approach") && s.approaches.contains(&approach)).count();
            prop_assert_eq!(count as usize, brute, "approach {:?}", approach);
        }
        for &(cancer, count) in &results.facets.cancer_types {
            let brute = matching.iter().filter(|s| passes(s, &filters, "cancer") && s.cancer_types.contains(&cancer)).count();
            prop_assert_eq!(count as usize, brute, "cancer type {:?}", cancer);
        }
        for &(stage, count) in &results.facets.stages {
            let brute = matching.iter().filter(|s| passes(s, &filters, "stage") && s.stage == stage).count();
            prop_assert_eq!(count as usize, brute, "stage {:?}", stage);
        }
        for &(outcome, count) in &results.facets.outcomes {
            let brute = matching.iter().filter(|s| passes(s, &filters, "outcome") && s.outcome == Some(outcome)).count();
            prop_assert_eq!(count as usize, brute, "outcome {:?}", outcome);
        }
        for &(regulator, count) in &results.facets.regulators {
            let brute = matching.iter().filter(|s| passes(s, &filters, "regulator") && s.regulator == Some(regulator)).count();
            prop_assert_eq!(count as usize, brute, "regulator {:?}", regulator);
        }
        for (name, count) in &results.facets.institutions {
            let brute = matching.iter().filter(|s| passes(s, &filters, "institution") && s.institutions.contains(name)).count();
            prop_assert_eq!(*count as usize, brute, "institution {}", name);
        }
        let listed: HashSet<&str> = results.facets.institutions.iter().map(|(name, _)| name.as_str()).collect();
        for study in matching.iter().filter(|s| passes(s, &filters, "institution")) {
            for name in &study.institutions {
                prop_assert!(listed.contains(name.as_str()), "institution {} is not listed", name);
            }
        }
        let mut years: BTreeMap<i32, u32> = BTreeMap::new();
        for study in matching.iter().filter(|s| passes(s, &filters, "year")) {
            if let Some(date) = study.date {
                *years.entry(date.year).or_default() += 1;
            }
        }
        prop_assert_eq!(results.histogram, years.into_iter().collect::<Vec<_>>());
    }
}

/// Queries of every kind (prefix, typo, phrase, exclusion, synonym, filters) for comparing two
/// indexes of the synthetic records.
fn assorted_queries() -> Vec<Query> {
    let (studies, _) = synthetic();
    let institution = studies[3].institutions[0].clone();
    let mut queries: Vec<Query> = [
        "",
        "t",
        "tumour",
        "tumor vacine",
        "pd-1 -mice",
        "\"immune checkpoint\"",
        "chimeric antigen receptor",
    ]
    .iter()
    .map(|&text| text.into_query())
    .collect();
    queries.push(filtered(
        "cell",
        Filters {
            approaches: vec![Approach::CarT, Approach::CheckpointInhibitor],
            institutions: vec![institution],
            year_from: Some(1990),
            ..Filters::default()
        },
        Sort::DateDesc,
    ));
    queries
}

/// Building in slices (here as small as they come: asked to stop after every few records) gives
/// the index one build in one go gives, and the progress only goes up.
#[test]
fn an_index_built_in_slices_answers_like_one_built_at_once() {
    let (studies, whole) = synthetic();
    let mut builder = IndexBuilder::new(studies);
    let (mut steps, mut last) = (0, 0);
    while !builder.step(studies, || false) {
        let percent = builder.percent();
        assert!(percent >= last && percent <= 100, "{last} → {percent}");
        last = percent;
        steps += 1;
    }
    assert!(steps > 10, "{steps} slices");
    assert!(last >= 90, "{last}% before finishing");
    let sliced = builder.finish(studies);
    assert!(!sliced.text_pending());
    assert_eq!(sliced.term_count(), whole.term_count());
    for query in assorted_queries() {
        assert_eq!(
            sliced.search(&query),
            whole.search(&query),
            "{:?}",
            query.text
        );
    }
}

/// Before the text is indexed, filters, facets and date order already give the final answer,
/// and a query with text says it is pending instead of claiming nothing matches.
#[test]
fn an_index_without_its_text_filters_now_and_says_text_is_pending() {
    let (studies, whole) = synthetic();
    let early = IndexBuilder::new(studies).records_only();
    assert!(early.text_pending());
    assert_eq!(early.len(), studies.len());
    for query in assorted_queries() {
        let (now, later) = (early.search(&query), whole.search(&query));
        if query.text.is_empty() {
            assert_eq!(now, later);
        } else {
            assert!(now.pending, "{:?}", query.text);
            assert!(now.hits.is_empty() && now.unmatched_words.is_empty());
            assert_eq!(now.total, later.total);
            let no_text = Query {
                text: String::new(),
                ..query.clone()
            };
            assert_eq!(now.facets, whole.search(&no_text).facets);
            assert!(early.highlights(&query, &studies[0]).is_empty());
        }
        assert!(!later.pending);
    }
    // Nothing to wait for in an empty set.
    assert!(!IndexBuilder::new(&[]).records_only().text_pending());
}

#[test]
fn field_texts_cover_every_highlightable_field() {
    let study = fixtures()
        .iter()
        .find(|s| s.id == "massague-2009")
        .expect("fixture");
    assert_eq!(Field::Journal.text(study), Some("Cell"));
    assert_eq!(Field::Person(0).text(study), Some("Joan Massagué"));
    assert_eq!(Field::Drug(3).text(study), None);
}

/// Quoted phrases over 20k synthetic records, whose later words take multi-byte codes in the
/// index's part sequences: every hit holds the words next to each other in one field, and the
/// record the phrase was taken from is among the hits.
#[test]
fn phrases_match_consecutive_words_among_many_terms() {
    let studies = synthetic::generate(20_000, 7);
    let index = SearchIndex::build(&studies);
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect()
    };
    let consecutive = |text: &str, a: &str, b: &str| {
        words(text)
            .windows(2)
            .any(|pair| pair[0] == a && pair[1] == b)
    };
    let mut checked = 0;
    for source in (0..studies.len()).step_by(997) {
        let summary = words(&studies[source].summary);
        let Some(pair) = summary.windows(2).rev().find(|pair| {
            pair.iter()
                .all(|w| w.len() > 3 && w.bytes().all(|b| b.is_ascii_lowercase()))
        }) else {
            continue;
        };
        let (a, b) = (&pair[0], &pair[1]);
        let query = Query {
            text: format!("\"{a} {b}\""),
            ..Query::default()
        };
        let hits = index.search(&query).hits;
        assert!(
            hits.contains(&(source as u32)),
            "\"{a} {b}\" misses its own record {source}"
        );
        for &hit in &hits {
            let study = &studies[hit as usize];
            let publication = study.publication.as_ref();
            let fields = [&study.title, &study.summary]
                .into_iter()
                .chain(publication.and_then(|p| p.title.as_ref()))
                .chain(publication.and_then(|p| p.journal.as_ref()))
                .chain(publication.into_iter().flat_map(|p| &p.authors))
                .chain(&study.targets)
                .chain(&study.drugs)
                .chain(&study.institutions)
                .chain(&study.people);
            // Approach and cancer-type labels are indexed too.
            let labels = study
                .approaches
                .iter()
                .map(|x| x.label())
                .chain(study.cancer_types.iter().map(|x| x.label()));
            assert!(
                fields
                    .map(String::as_str)
                    .chain(labels)
                    .any(|text| consecutive(text, a, b)),
                "record {hit} matched \"{a} {b}\" without the words side by side in a field"
            );
        }
        checked += 1;
    }
    assert!(checked >= 15, "only {checked} phrases were checked");
}
