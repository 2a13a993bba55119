//! The view a URL describes: parsing bad links into problems, canonical writing, round trips.
// Native only: uses native-only dev-dependencies and runs on the host.
#![cfg(not(target_arch = "wasm32"))]

use immunotimeline::data::{Approach, CancerType, Outcome, Regulator, Stage};
use immunotimeline::search::{Filters, Query, Sort};
use immunotimeline::view_state::{
    self, Lanes, MAX_QUERY_BYTES, Param, RecordSet, Set, Theme, UrlProblem, ViewMode, ViewState,
    YearSpan, check_against, parse, write,
};
use proptest::prelude::*;
use proptest::test_runner::Config;

use std::ops::Range;

/// Parses `query` and checks the state and, in order, one problem per expected substring; then
/// checks that the state's own link is canonical (reads back to the same state, no problems).
#[track_caller]
fn check(query: &str, expected: ViewState, problems: &[&str]) {
    let (state, found) = parse(query);
    let messages: Vec<String> = found.iter().map(UrlProblem::message).collect();
    let query: String = query.chars().take(120).collect();
    assert_eq!(state, expected, "state read from {query:?}");
    assert_eq!(
        messages.len(),
        problems.len(),
        "problems of {query:?}: {messages:#?}"
    );
    for (message, part) in messages.iter().zip(problems) {
        assert!(
            message.contains(part),
            "problem of {query:?}: {message:?} does not contain {part:?}"
        );
    }
    let link = write(&state);
    assert_eq!(parse(&link), (state, vec![]), "reading back {link:?}");
}

/// The default view changed by `edit`.
fn view(edit: impl FnOnce(&mut ViewState)) -> ViewState {
    let mut state = ViewState::default();
    edit(&mut state);
    state
}

fn names(names: &[&str]) -> Set<String> {
    names.iter().map(|name| name.to_string()).collect()
}

#[test]
fn the_canonical_example_reads_and_writes_back_unchanged() {
    let link =
        "q=car-t&approach=car-t,tcr-t&from=2010&to=2024&study=tisagenlecleucel-approval-2017";
    let expected = view(|s| {
        s.q = "car-t".into();
        s.approaches = [Approach::CarT, Approach::TcrT].into();
        s.year_from = Some(2010);
        s.year_to = Some(2024);
        s.study = Some("tisagenlecleucel-approval-2017".into());
    });
    check(link, expected.clone(), &[]);
    check(&format!("?{link}"), expected.clone(), &[]);
    assert_eq!(write(&expected), link);
}

#[test]
fn every_parameter_is_read_and_written_in_canonical_order() {
    let link = "q=PD-1+%26+CTLA-4,+%22combo%22&approach=checkpoint-inhibitor,til&cancer=melanoma,lung\
                &stage=phase-3,approval&outcome=negative,withdrawn&regulator=us,south-korea\
                &inst=Dana-Farber,University+of+California%2C+San+Francisco\
                &from=1990&to=2020&zoom=1995-2005&lanes=cancer&sort=newest&view=bench&hide=imported\
                &study=ipilimumab-approval-2011&v=1a2b3c4d";
    let expected = view(|s| {
        s.q = "PD-1 & CTLA-4, \"combo\"".into();
        s.approaches = [Approach::CheckpointInhibitor, Approach::Til].into();
        s.cancer_types = [CancerType::Melanoma, CancerType::Lung].into();
        s.stages = [Stage::Phase3, Stage::Approval].into();
        s.outcomes = [Outcome::Negative, Outcome::Withdrawn].into();
        s.regulators = [Regulator::Us, Regulator::SouthKorea].into();
        s.institutions = names(&["Dana-Farber", "University of California, San Francisco"]);
        s.year_from = Some(1990);
        s.year_to = Some(2020);
        s.zoom = Some(YearSpan {
            start: 1995,
            end: 2005,
        });
        s.lanes = Lanes::CancerType;
        s.sort = Sort::DateDesc;
        s.view = ViewMode::Bench;
        s.hide = Some(RecordSet::Imported);
        s.study = Some("ipilimumab-approval-2011".into());
        s.dataset_version = Some("1a2b3c4d".into());
    });
    check(link, expected.clone(), &[]);
    assert_eq!(write(&expected), link);
}

#[test]
fn the_default_view_is_the_empty_link() {
    check("", ViewState::default(), &[]);
    check("?", ViewState::default(), &[]);
    check("&&", ViewState::default(), &[]);
    assert_eq!(write(&ViewState::default()), "");
    let defaults = "lanes=approach&sort=relevance&view=timeline";
    check(defaults, ViewState::default(), &[]);
}

#[test]
fn empty_values_are_defaults_not_problems() {
    check(
        "q=&approach=&from=&zoom=&study=&v",
        ViewState::default(),
        &[],
    );
    check("q=&q=melanoma", view(|s| s.q = "melanoma".into()), &[]);
    check(
        "approach=,car-t,,",
        view(|s| s.approaches = [Approach::CarT].into()),
        &[],
    );
}

#[test]
fn lenient_spellings_are_accepted_and_written_canonically() {
    let car_t_and_til = view(|s| s.approaches = [Approach::CarT, Approach::Til].into());
    check("approach=til,car-t,til", car_t_and_til.clone(), &[]);
    check("approach=til&approach=car-t", car_t_and_til.clone(), &[]);
    check("APPROACH=CAR-T,+Til", car_t_and_til.clone(), &[]);
    check("%61pproach=car%2Dt,til", car_t_and_til, &[]);
    let spaced = view(|s| s.q = "car t".into());
    check("q=car+t", spaced.clone(), &[]);
    check("q=car%20t", spaced.clone(), &[]);
    check("q=car t", spaced.clone(), &[]);
    check("q=car+t#fragment=ignored", spaced, &[]);
    check("from=02010", view(|s| s.year_from = Some(2010)), &[]);
    check(
        "from=+2010+&sort=%20date&v=+",
        view(|s| {
            s.year_from = Some(2010);
            s.sort = Sort::Date;
        }),
        &[],
    );
    check(
        "sort=NEWEST&view=List",
        view(|s| {
            s.sort = Sort::DateDesc;
            s.view = ViewMode::List;
        }),
        &[],
    );
    check(
        "inst=+Penn+,Penn,%20",
        view(|s| s.institutions = names(&["Penn"])),
        &[],
    );
}

#[test]
fn unknown_parameters_and_values_are_ignored_with_a_notice() {
    check(
        "foo=1&q=x",
        view(|s| s.q = "x".into()),
        &["Ignored unknown parameter `foo`"],
    );
    check("=x", ViewState::default(), &["without a parameter name"]);
    check(
        "approach=car-x,car-t&cancer=lungs&stage=phase-4",
        view(|s| s.approaches = [Approach::CarT].into()),
        &[
            "Ignored unknown approach `car-x`",
            "Ignored unknown cancer type `lungs`",
            "Ignored unknown stage `phase-4`",
        ],
    );
    check(
        "approach=car-t%2Ctil",
        ViewState::default(),
        &["Ignored unknown approach `car-t,til`"],
    );
    check(
        "lanes=drug",
        ViewState::default(),
        &["Ignored unknown lane grouping `drug` (use"],
    );
    check(
        "sort=oldest",
        ViewState::default(),
        &["unknown sort order `oldest`"],
    );
    check(
        "view=grid",
        ViewState::default(),
        &["unknown view `grid` (use timeline, list or bench)"],
    );
    check(
        "hide=none",
        ViewState::default(),
        &["unknown record set to hide `none`"],
    );
}

#[test]
fn outcomes_and_regulators_are_lists_like_the_other_filters() {
    let negative_in_the_eu = view(|s| {
        s.outcomes = [Outcome::Negative].into();
        s.regulators = [Regulator::Eu].into();
    });
    check(
        "outcome=negative&regulator=eu",
        negative_in_the_eu.clone(),
        &[],
    );
    check(
        "regulator=EU&OUTCOME=+Negative+",
        negative_in_the_eu.clone(),
        &[],
    );
    check(
        "outcome=negative,negative&regulator=eu&regulator=",
        negative_in_the_eu.clone(),
        &[],
    );
    assert_eq!(write(&negative_in_the_eu), "outcome=negative&regulator=eu");
    // Repeated or comma-separated, read in any order, written in vocabulary order.
    let setbacks = view(|s| {
        s.outcomes = [Outcome::Halted, Outcome::Withdrawn, Outcome::Rejected].into();
        s.regulators = [Regulator::Us, Regulator::China, Regulator::SouthKorea].into();
    });
    check(
        "outcome=rejected&outcome=halted,withdrawn&regulator=south-korea,china&regulator=us",
        setbacks.clone(),
        &[],
    );
    assert_eq!(
        write(&setbacks),
        "outcome=halted,withdrawn,rejected&regulator=us,china,south-korea"
    );
    // Between the stages and the institutions in a written link.
    let mixed = view(|s| {
        s.q = "pd-1".into();
        s.stages = [Stage::Phase3].into();
        s.outcomes = [Outcome::Mixed].into();
        s.regulators = [Regulator::Japan].into();
        s.institutions = names(&["NCI"]);
        s.year_from = Some(2000);
    });
    assert_eq!(
        write(&mixed),
        "q=pd-1&stage=phase-3&outcome=mixed&regulator=japan&inst=NCI&from=2000"
    );
    assert!(mixed.has_filters());
    let cleared = mixed.cleared_filters();
    assert!(cleared.outcomes.is_empty() && cleared.regulators.is_empty());
    assert_eq!(write(&cleared), "q=pd-1");
    let many: Vec<&str> = ["positive"; 33].to_vec();
    check(
        &format!("outcome={}", many.join(",")),
        view(|s| s.outcomes = [Outcome::Positive].into()),
        &["`outcome` had more than 32 values; used the first 32"],
    );
}

#[test]
fn unknown_outcomes_and_regulators_are_ignored_with_a_notice() {
    check(
        "outcome=failed,negative&regulator=fda,eu",
        view(|s| {
            s.outcomes = [Outcome::Negative].into();
            s.regulators = [Regulator::Eu].into();
        }),
        &[
            "Ignored unknown outcome `failed`",
            "Ignored unknown regulator `fda`",
        ],
    );
    check(
        "regulator=United+States",
        ViewState::default(),
        &["Ignored unknown regulator `United States`"],
    );
    check(
        "outcome=%E2%9C%97",
        ViewState::default(),
        &["Ignored unknown outcome `✗`"],
    );
    check(
        "outcome=%ZZ",
        ViewState::default(),
        &["Invalid percent-encoding in `outcome`"],
    );
    let (_, problems) = parse("outcome=x&regulator=y");
    let params: Vec<Option<Param>> = problems.iter().map(UrlProblem::param).collect();
    assert_eq!(params, [Some(Param::Outcome), Some(Param::Regulator)]);
}

#[test]
fn years_must_be_numbers_within_1800_to_2100() {
    check(
        "from=19x0",
        ViewState::default(),
        &["`from=19x0` is not a year"],
    );
    check(
        "to=-2000",
        ViewState::default(),
        &["`to=-2000` is not a year"],
    );
    check("to=2000.5", ViewState::default(), &["is not a year"]);
    check(
        "from=1700",
        ViewState::default(),
        &["The year 1700 in `from` is outside 1800–2100"],
    );
    check("to=2101", ViewState::default(), &["outside 1800–2100"]);
    check(
        "to=99999999999",
        ViewState::default(),
        &["The year 99999999999 in `to`"],
    );
    check(
        "to=9999999999999999999999",
        ViewState::default(),
        &["is not a year"],
    );
    check(
        "from=1800&to=2100",
        view(|s| {
            s.year_from = Some(1800);
            s.year_to = Some(2100);
        }),
        &[],
    );
}

#[test]
fn reversed_ranges_are_swapped() {
    check(
        "from=2020&to=2010",
        view(|s| {
            s.year_from = Some(2010);
            s.year_to = Some(2020);
        }),
        &["The year range 2020–2010 was reversed; swapped it"],
    );
    check(
        "zoom=2005-1990",
        view(|s| {
            s.zoom = Some(YearSpan {
                start: 1990,
                end: 2005,
            })
        }),
        &["The zoom window 2005–1990 was reversed; swapped it"],
    );
    let one_year = YearSpan {
        start: 2000,
        end: 2000,
    };
    check("zoom=2000-2000", view(|s| s.zoom = Some(one_year)), &[]);
}

#[test]
fn malformed_zoom_windows_are_ignored() {
    for bad in [
        "1990",
        "1990-",
        "-2005",
        "1990-2005-2010",
        "1990–2005",
        "abc",
    ] {
        check(
            &format!("zoom={bad}"),
            ViewState::default(),
            &["is not a year range like 1990-2005"],
        );
    }
    check(
        "zoom=1700-2000",
        ViewState::default(),
        &["The year 1700 in `zoom` is outside"],
    );
}

#[test]
fn a_repeated_single_value_keeps_the_first() {
    check(
        "q=a&q=b",
        view(|s| s.q = "a".into()),
        &["`q` appeared twice; used the first"],
    );
    check(
        "sort=date&sort=newest&sort=date",
        view(|s| s.sort = Sort::Date),
        &["`sort` appeared 3 times"],
    );
    check(
        "view=list&view=list",
        view(|s| s.view = ViewMode::List),
        &[],
    );
    check(
        "sort=+&sort=date&sort=date+",
        view(|s| s.sort = Sort::Date),
        &[],
    );
    check(
        "q=+&q=x",
        view(|s| s.q = " ".into()),
        &["`q` appeared twice"],
    );
    check(
        "q=a&Q=b",
        view(|s| s.q = "a".into()),
        &["`q` appeared twice"],
    );
}

#[test]
fn bad_percent_encoding_drops_only_the_value_it_spoils() {
    check(
        "q=50%",
        ViewState::default(),
        &["Invalid percent-encoding in `q`"],
    );
    check(
        "q=%zz",
        ViewState::default(),
        &["Invalid percent-encoding in `q`"],
    );
    check(
        "q=%C3%28",
        ViewState::default(),
        &["Invalid percent-encoding in `q`"],
    );
    check(
        "q=%FF&v=1",
        view(|s| s.dataset_version = Some("1".into())),
        &["in `q`"],
    );
    check(
        "inst=Penn,%E2%82,MSK",
        view(|s| s.institutions = names(&["MSK", "Penn"])),
        &["in `inst`"],
    );
    check(
        "%zz=1",
        ViewState::default(),
        &["Ignored unknown parameter `%zz`"],
    );
    check(
        "q=caf%C3%A9+%E2%9C%93",
        view(|s| s.q = "café ✓".into()),
        &[],
    );
    check("q=%e2%9c%93", view(|s| s.q = "✓".into()), &[]);
}

#[test]
fn absurdly_long_values_are_capped() {
    let long_text = "é".repeat(250);
    check(
        &format!("q={long_text}"),
        view(|s| s.q = "é".repeat(200)),
        &["The search text was cut to 200 characters"],
    );
    // A vocabulary list holds up to 32 slugs, more than any vocabulary has, so a link can
    // select all 23 cancer types.
    let many: Vec<String> = (0..40).map(|_| "car-t".to_owned()).collect();
    check(
        &format!("approach={}", many.join(",")),
        view(|s| s.approaches = [Approach::CarT].into()),
        &["`approach` had more than 32 values; used the first 32"],
    );
    let every_cancer: Vec<&str> = CancerType::ALL.iter().map(|c| c.slug()).collect();
    check(
        &format!("cancer={}", every_cancer.join(",")),
        view(|s| s.cancer_types = CancerType::ALL.iter().copied().collect()),
        &[],
    );
    let insts: Vec<String> = (0..22).map(|i| format!("Institute {i:02}")).collect();
    let kept: Vec<&str> = insts[..20].iter().map(String::as_str).collect();
    check(
        &format!(
            "inst={}&inst={}",
            insts[..10].join(","),
            insts[10..].join(",")
        ),
        view(|s| s.institutions = names(&kept)),
        &["`inst` had more than 20 values"],
    );
    check(
        &format!("inst={},Penn", "x".repeat(121)),
        view(|s| s.institutions = names(&["Penn"])),
        &["Ignored an institution name longer than 120 characters"],
    );
    check(
        &format!("study={}", "a".repeat(81)),
        ViewState::default(),
        &["Ignored a `study` value longer than 80 characters"],
    );
    check(
        &format!("v={}", "1".repeat(41)),
        ViewState::default(),
        &["longer than 40 characters"],
    );
    let quoted = format!("approach={}", "x".repeat(500));
    let (_, problems) = parse(&quoted);
    assert!(problems[0].message().len() < 100, "{}", problems[0]);
}

#[test]
fn only_the_first_4_kb_of_a_query_are_read() {
    let filler = format!("x={}", "a".repeat(MAX_QUERY_BYTES - 10));
    check(
        &format!("q=kept&{filler}&view=list&&sort=date"),
        view(|s| s.q = "kept".into()),
        &[
            "Ignored unknown parameter `x`",
            "longer than 4 kB; ignored its last 2 parameters",
        ],
    );
    check(
        &format!("q={}", "a".repeat(MAX_QUERY_BYTES)),
        ViewState::default(),
        &["ignored its last 1 parameter"],
    );
}

#[test]
fn a_view_whose_link_would_pass_4_kb_loses_institutions() {
    // 3.7 kB as typed, but each emoji takes 12 bytes once percent-encoded.
    let long_name = |i: usize| format!("{i:02}{}", "😀".repeat(45));
    let all: Vec<String> = (0..20).map(long_name).collect();
    let link = format!("inst={}", all.join(","));
    let (state, problems) = parse(&link);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].message().contains("left out 13 institutions"),
        "{}",
        problems[0]
    );
    assert!(write(&state).len() <= MAX_QUERY_BYTES);
    assert_eq!(
        state.institutions,
        all[..7].iter().cloned().collect::<Set<_>>()
    );
}

#[test]
fn the_fullest_view_without_institutions_fits_in_4_kb() {
    let fullest = ViewState {
        q: "😀".repeat(200),
        approaches: Approach::ALL.iter().copied().collect(),
        cancer_types: CancerType::ALL.iter().copied().collect(),
        stages: Stage::ALL.iter().copied().collect(),
        outcomes: Outcome::ALL.iter().copied().collect(),
        regulators: Regulator::ALL.iter().copied().collect(),
        institutions: Set::new(),
        year_from: Some(1800),
        year_to: Some(2100),
        zoom: Some(YearSpan {
            start: 1800,
            end: 2100,
        }),
        lanes: Lanes::CancerType,
        sort: Sort::DateDesc,
        view: ViewMode::Timeline,
        hide: Some(RecordSet::Imported),
        study: Some(["a"; 40].join("-").chars().take(80).collect()),
        story: Some(["b"; 40].join("-").chars().take(80).collect()),
        step: Some(999),
        dataset_version: Some("v".repeat(40)),
        embed: true,
        theme: Some(Theme::Light),
    };
    let length = write(&fullest).len();
    assert!(
        length <= 3_600,
        "the fullest link without institutions is {length} bytes"
    );
    assert_eq!(parse(&write(&fullest)), (fullest, vec![]));
}

#[test]
fn an_embedded_view_and_its_theme_are_part_of_the_link() {
    let embedded = view(|s| {
        s.q = "car-t".into();
        s.embed = true;
        s.theme = Some(Theme::Dark);
    });
    check("q=car-t&embed=1&theme=dark", embedded.clone(), &[]);
    assert_eq!(write(&embedded), "q=car-t&embed=1&theme=dark");
    // Other spellings of the switch, and of the theme.
    check("theme=DARK&embed=true&q=car-t", embedded, &[]);
    check("embed=0", ViewState::default(), &[]);
    check(
        "embed=banana&theme=sepia",
        ViewState::default(),
        &[
            "Ignored unknown embed mode `banana` (use 1)",
            "Ignored unknown theme `sepia` (use light or dark)",
        ],
    );
    // A light theme without embedding is a view of its own; leaving both out is the default.
    assert_eq!(
        write(&view(|s| s.theme = Some(Theme::Light))),
        "theme=light"
    );
    assert_eq!(write(&ViewState::default()), "");
}

#[test]
fn study_ids_and_versions_must_be_well_formed() {
    check(
        "study=CAR-T",
        ViewState::default(),
        &["`study=CAR-T` is not a study id"],
    );
    check("study=a--b", ViewState::default(), &["is not a study id"]);
    check(
        "study=a+b",
        ViewState::default(),
        &["`study=a b` is not a study id"],
    );
    check(
        "v=1.2_rc-3",
        view(|s| s.dataset_version = Some("1.2_rc-3".into())),
        &[],
    );
    check(
        "v=1/2",
        ViewState::default(),
        &["`v=1/2` is not a dataset version"],
    );
}

#[test]
fn an_unknown_study_is_dropped_once_the_dataset_is_known() {
    let (mut state, problems) = parse("study=no-such-study&q=x");
    assert!(problems.is_empty());
    let problems = check_against(&mut state, |id| id == "known");
    assert_eq!(state, view(|s| s.q = "x".into()));
    assert_eq!(problems.len(), 1);
    assert_eq!(
        problems[0].message(),
        "Unknown study id `no-such-study`; ignored it"
    );
    assert_eq!(problems[0].param(), Some(Param::Study));

    let mut known = view(|s| s.study = Some("known".into()));
    assert!(check_against(&mut known, |id| id == "known").is_empty());
    assert_eq!(known.study.as_deref(), Some("known"));
}

#[test]
fn a_link_from_another_dataset_version_says_so() {
    let state = parse("v=aaaa0000").0;
    assert_eq!(state.version_problem("aaaa0000"), None);
    let problem = state.version_problem("bbbb1111").map(|p| p.message());
    assert!(problem.is_some_and(|m| m.contains("dataset version `aaaa0000`")));
    assert_eq!(ViewState::default().version_problem("bbbb1111"), None);
}

#[test]
fn the_state_gives_the_search_query_and_small_edits() {
    let state = parse("q=til&approach=til&cancer=melanoma&stage=phase-2&outcome=mixed&regulator=eu&inst=NCI&from=2000&sort=date&study=x-1&zoom=1990-2000").0;
    assert_eq!(
        state.to_query(),
        Query {
            text: "til".into(),
            filters: Filters {
                approaches: vec![Approach::Til],
                cancer_types: vec![CancerType::Melanoma],
                stages: vec![Stage::Phase2],
                outcomes: vec![Outcome::Mixed],
                regulators: vec![Regulator::Eu],
                institutions: vec!["NCI".into()],
                year_from: Some(2000),
                year_to: None,
            },
            only: None,
            sort: Sort::Date,
        }
    );
    assert!(state.has_filters());
    let cleared = state.clone().cleared_filters();
    assert!(!cleared.has_filters());
    assert_eq!(write(&cleared), "q=til&zoom=1990-2000&sort=date&study=x-1");
    assert_eq!(
        write(&cleared.with_study(None)),
        "q=til&zoom=1990-2000&sort=date"
    );
    assert_eq!(view_state::MAX_TEXT_CHARS, 200);
}

// ---- Properties ----------------------------------------------------------------------------
//
// The strategies draw plain integers and map them to values in this file: proptest's own
// combinators (`prop_oneof!`, regex strings) cost 5–200 µs per draw in a debug build, which would
// make 100 000 cases take minutes. Integers still shrink towards 0, which maps to the simplest
// value (`a`, `q=`, `None`, the empty set), so a failure still shrinks to a readable case.

/// Characters a query string treats specially, and a few more awkward ones.
const SPECIAL: &[char] = &[
    ' ', '&', '=', '+', '%', '#', ',', '?', '/', '-', '"', '\0', '\u{a0}', '\t',
];

/// A character a user might type, weighted towards the ones a query string treats specially.
fn typed_char(n: u32) -> char {
    let pick = n >> 4;
    match n % 16 {
        0..=5 => char::from(b'a' + (pick % 26) as u8),
        6..=10 => SPECIAL[pick as usize % SPECIAL.len()],
        // Any Unicode scalar value; the few surrogate numbers become U+FFFD.
        11..=13 => char::from_u32(pick % 0x11_0000).unwrap_or('\u{fffd}'),
        // A byte taken as a Latin-1 character.
        _ => char::from((pick % 256) as u8),
    }
}

fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<u32>(), 0..=max)
        .prop_map(|draws| draws.into_iter().map(typed_char).collect())
}

/// The values of `all` whose bit is set in `bits`.
fn subset<T: Copy + Ord>(all: &[T], bits: u32) -> Set<T> {
    (0..all.len())
        .filter(|i| bits >> i & 1 == 1)
        .map(|i| all[i])
        .collect()
}

/// `None` for a quarter of the draws (including 0), otherwise `some` of the rest.
fn maybe<T>(n: u32, some: impl FnOnce(u32) -> T) -> Option<T> {
    (!n.is_multiple_of(4)).then(|| some(n / 4))
}

fn year(n: u32) -> i32 {
    1800 + (n % 301) as i32
}

fn pick<T: Copy>(all: &[T], n: u32) -> T {
    all[n as usize % all.len()]
}

/// A well-formed id: lowercase letters and digits in groups joined by single hyphens.
fn study_id(bytes: Vec<u8>) -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789-";
    let raw: String = bytes
        .iter()
        .map(|b| char::from(pick(ALPHABET, u32::from(*b))))
        .collect();
    let id = raw
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if id.is_empty() { "a".to_owned() } else { id }
}

fn version(bytes: Vec<u8>) -> String {
    const ALPHABET: &[u8] = b"0123456789abcdefABCDEFxyzXYZ._-";
    bytes
        .iter()
        .map(|b| char::from(pick(ALPHABET, u32::from(*b))))
        .collect()
}

/// Any valid view state (see `ViewState`), including awkward text.
fn valid_state() -> impl Strategy<Value = ViewState> {
    let institution = text(40).prop_map(|name| name.trim().to_owned());
    (
        prop_oneof![4 => text(30), 1 => text(200)],
        proptest::collection::vec(institution, 0..=5),
        any::<[u32; 16]>(),
        proptest::collection::vec(any::<u8>(), 1..=60),
        proptest::collection::vec(any::<u8>(), 1..=40),
    )
        .prop_map(|(q, institutions, knobs, id, dataset_version)| {
            let [
                approaches,
                cancers,
                stages,
                outcomes,
                regulators,
                from,
                to,
                zoom,
                lanes,
                sort,
                view,
                hide,
                study,
                v,
                embed,
                theme,
            ] = knobs;
            let (from, to) = (maybe(from, year), maybe(to, year));
            let (year_from, year_to) = match (from, to) {
                (Some(a), Some(b)) => (Some(a.min(b)), Some(a.max(b))),
                open => open,
            };
            ViewState {
                q,
                approaches: subset(Approach::ALL, approaches),
                cancer_types: subset(CancerType::ALL, cancers),
                stages: subset(Stage::ALL, stages),
                outcomes: subset(Outcome::ALL, outcomes),
                regulators: subset(Regulator::ALL, regulators),
                institutions: institutions
                    .into_iter()
                    .filter(|name| !name.is_empty())
                    .collect(),
                year_from,
                year_to,
                zoom: maybe(zoom, |n| {
                    let (a, b) = (year(n), year(n / 301));
                    YearSpan {
                        start: a.min(b),
                        end: a.max(b),
                    }
                }),
                lanes: pick(Lanes::ALL, lanes),
                sort: pick(&[Sort::Relevance, Sort::Date, Sort::DateDesc], sort),
                view: pick(ViewMode::ALL, view),
                hide: maybe(hide, |n| pick(RecordSet::ALL, n)),
                study: maybe(study, |_| study_id(id)),
                // Stories round-trip in tests/stories.rs.
                story: None,
                step: None,
                dataset_version: maybe(v, |_| version(dataset_version)),
                embed: embed % 2 == 1,
                theme: maybe(theme, |n| pick(Theme::ALL, n)),
            }
        })
        .prop_filter("link fits in 4 kB", |state| {
            write(state).len() <= MAX_QUERY_BYTES
        })
}

/// Parameter names as a link may spell them, and one the app does not know.
#[rustfmt::skip]
const NAMES: &[&str] = &[
    "q", "approach", "cancer", "stage", "outcome", "regulator", "inst", "from", "to", "zoom",
    "lanes", "sort", "view", "hide", "study", "v", "embed", "theme", "Q", "Approach", "Regulator", "x", "",
];

/// Values that are right for some parameter and wrong for others, in spellings good and bad.
#[rustfmt::skip]
const WORDS: &[&str] = &[
    "approach", "cancer", "none", "relevance", "date", "newest", "timeline", "list", "bench",
    "imported", "bundled", "NEWEST", "1", "0", "dark", "Light", "a-b", "x-1-y", "1a2b", "MSK", "Dana-Farber", "+Penn+",
    "car-x", "1990-2005", "2005-1990", "1700-2000", "2000-", "19x0", "%2C", "%E2%9C", "%C3%A9",
];

/// A piece of noise: a separator, a good or broken escape, or any character.
fn noise(n: u32) -> String {
    const SEPARATORS: &[&str] = &["&", "=", ",", "+", "#", "?", "%", "-", "&&", "=="];
    const BROKEN: &[&str] = &["%", "%0", "%g1", "%%", "%a", "%F", "%FF", "%C3%28"];
    match n % 8 {
        0..=2 => pick(SEPARATORS, n >> 3).to_owned(),
        3..=4 => format!("%{:02X}", (n >> 3) % 256),
        5 => pick(BROKEN, n >> 3).to_owned(),
        _ => typed_char(n >> 3).to_string(),
    }
}

/// A value some parameter could take: a slug, a year, a word, or noise.
fn value(n: u32) -> String {
    let rest = n >> 4;
    match n % 16 {
        0 | 1 => pick(Approach::ALL, rest).slug().to_owned(),
        2 | 3 => pick(CancerType::ALL, rest).slug().to_owned(),
        4 | 5 => pick(Stage::ALL, rest).slug().to_owned(),
        6 => pick(Outcome::ALL, rest).slug().to_owned(),
        7 => pick(Regulator::ALL, rest).slug().to_owned(),
        8 | 9 => (1790 + rest % 320).to_string(),
        10..=12 => pick(WORDS, rest).to_owned(),
        _ => noise(rest),
    }
}

/// A query-like string: mostly `name=value,value&name=value…` with known names and values,
/// spiced with noise; each draw adds one piece, and the whole is cut to at most `max_bytes`.
fn query(draws: Range<usize>, max_bytes: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<u32>(), draws).prop_map(move |draws| {
        let mut query = String::new();
        let mut in_value = false;
        for n in draws {
            let (part, next_in_value) = match (in_value, n % 8) {
                (false, 7) => (noise(n >> 3), false),
                (false, _) => (format!("{}=", pick(NAMES, n >> 3)), true),
                (true, 0..=3) => (format!("{}&", value(n >> 3)), false),
                (true, 4 | 5) => (format!("{},", value(n >> 3)), true),
                (true, 6) => (noise(n >> 3), true),
                (true, _) => ("&".to_owned(), false),
            };
            in_value = next_in_value;
            if query.len() + part.len() > max_bytes {
                break;
            }
            query.push_str(&part);
        }
        query
    })
}

/// Parsing never panics, and what it returns writes a link that reads back to itself.
fn assert_canonical(query: &str) -> Result<(), TestCaseError> {
    let (state, _) = parse(query);
    let link = write(&state);
    prop_assert!(link.len() <= MAX_QUERY_BYTES);
    let (again, problems) = parse(&link);
    prop_assert_eq!(&again, &state, "link {:?}", link);
    prop_assert!(problems.is_empty(), "{:?} from {:?}", problems, link);
    prop_assert_eq!(write(&again), link);
    Ok(())
}

fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config(8_000))]
    #[test]
    fn every_valid_state_survives_its_own_link(state in valid_state()) {
        let link = write(&state);
        prop_assert_eq!(parse(&link), (state, vec![]), "link {:?}", link);
    }
}

proptest! {
    #![proptest_config(config(62_000))]
    #[test]
    fn any_short_query_reads_to_a_canonical_state(query in query(0..40, MAX_QUERY_BYTES)) {
        assert_canonical(&query)?;
    }
}

proptest! {
    #![proptest_config(config(30_000))]
    #[test]
    fn any_short_string_reads_to_a_canonical_state(query in text(64)) {
        assert_canonical(&query)?;
    }
}

proptest! {
    #![proptest_config(config(1_000))]
    #[test]
    fn any_query_up_to_4_kb_reads_to_a_canonical_state(
        query in query(0..2_000, MAX_QUERY_BYTES),
    ) {
        assert_canonical(&query)?;
    }
}

proptest! {
    #![proptest_config(config(200))]
    #[test]
    fn queries_longer_than_4_kb_read_to_a_canonical_state(
        query in query(1_500..3_000, usize::MAX),
    ) {
        assert_canonical(&query)?;
    }
}
