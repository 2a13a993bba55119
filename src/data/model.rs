//! The study record and its controlled vocabularies: the one shape every part of the app agrees on.
//!
//! This file is also compiled into `build.rs` (via `#[path]`), so it may only use `serde`, `std`
//! and its sibling modules through `super::`.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One study, paper, approval or prize on the timeline, after validation.
///
/// Field names and value spellings are the same as in the `data/*.toml` source files, so a record
/// exported as JSON can be imported again unchanged.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Study {
    /// Permanent slug; links depend on it, so it is never changed or reused.
    pub id: String,
    pub title: String,
    /// At most [`MAX_LABEL`] characters, for the timeline and compact views ("Ipilimumab approved
    /// (US)"). Every bundled record has one; an imported record without one shows its title
    /// shortened at a word ([`Study::short_label`]).
    pub label: Option<String>,
    /// `None` only for news-only records whose date could not be traced.
    pub date: Option<PartialDate>,
    /// The date is approximate ("circa").
    pub circa: bool,
    pub end_date: Option<PartialDate>,
    /// Primary approach first.
    pub approaches: Vec<Approach>,
    /// Molecular targets and mechanism terms (PD-1, CTLA-4, CD19, MLKL, TNF-α…).
    pub targets: Vec<String>,
    /// Drug names, generic and brand (pembrolizumab, Keytruda…).
    pub drugs: Vec<String>,
    pub cancer_types: Vec<CancerType>,
    pub stage: Stage,
    /// How a trial or a regulatory action turned out; `None` for discoveries, prizes and plain
    /// approvals.
    pub outcome: Option<Outcome>,
    /// Who approved (or withdrew, refused, halted) it; every approval names one.
    pub regulator: Option<Regulator>,
    /// Named trials and registry numbers (KEYNOTE-024, NCT01844505).
    pub trials: Vec<Trial>,
    pub scope: Scope,
    /// One of the landmark milestones of the field (first approvals, prizes, founding discoveries).
    pub milestone: bool,
    pub institutions: Vec<String>,
    pub people: Vec<String>,
    pub publication: Option<Publication>,
    pub news: Option<NewsSource>,
    /// One or two sentences, in our own words: what was found or what happened.
    pub summary: String,
    /// Caveats and corrections to what a news source implied.
    pub note: Option<String>,
    pub builds_on: Vec<String>,
    /// How well the record as a whole is sourced.
    pub status: Status,
    /// Fields whose status differs from the record's, by field name (`date`, `publication.doi`…).
    pub field_status: FieldStatus,
    /// Where the facts were checked.
    pub sources: Vec<SourceRef>,
}

/// A journal article (or preprint) the record is about.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Publication {
    pub journal: Option<String>,
    pub title: Option<String>,
    /// Volume, issue and pages as printed, e.g. `5(11):1029–1045`.
    pub citation: Option<String>,
    pub authors: Vec<String>,
    pub doi: Option<String>,
    pub pmid: Option<String>,
    pub pmcid: Option<String>,
    pub nct: Option<String>,
}

/// A clinical trial as the sources name it: a name (CheckMate 067, MDX010-20), a ClinicalTrials.gov
/// number, or both.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Trial {
    pub name: Option<String>,
    pub nct: Option<String>,
}

/// The news page a record came from (one of the seed pages).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NewsSource {
    pub outlet: String,
    pub headline: String,
    pub date: Option<PartialDate>,
    pub author: Option<String>,
    pub url: Option<String>,
}

/// A place where a fact was checked: a label as the research notes name it, and a link when known.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceRef {
    pub label: String,
    pub url: Option<String>,
}

/// The longest short label, in characters.
pub const MAX_LABEL: usize = 40;

impl Study {
    /// Canonical links for the record's identifiers, as (text, address): DOI → doi.org, PMID →
    /// PubMed, PMCID → PMC, each NCT number (the paper's and its trials') → ClinicalTrials.gov.
    pub fn identifier_links(&self) -> Vec<(String, String)> {
        let mut links = Vec::new();
        if let Some(p) = &self.publication {
            if let Some(doi) = &p.doi {
                links.push((format!("DOI {doi}"), format!("https://doi.org/{doi}")));
            }
            if let Some(pmid) = &p.pmid {
                links.push((
                    format!("PMID {pmid}"),
                    format!("https://pubmed.ncbi.nlm.nih.gov/{pmid}/"),
                ));
            }
            if let Some(pmcid) = &p.pmcid {
                links.push((
                    pmcid.clone(),
                    format!("https://pmc.ncbi.nlm.nih.gov/articles/{pmcid}/"),
                ));
            }
        }
        let ncts = self
            .publication
            .iter()
            .filter_map(|p| p.nct.as_ref())
            .chain(self.trials.iter().filter_map(|t| t.nct.as_ref()));
        for nct in ncts {
            let link = (
                nct.clone(),
                format!("https://clinicaltrials.gov/study/{nct}"),
            );
            if !links.contains(&link) {
                links.push(link);
            }
        }
        links
    }

    /// The title to show: the full one, or the short label while the full one is on its way
    /// with the details (a bundled record carries its title in the details file), or the id.
    pub fn shown_title(&self) -> &str {
        match (&self.title, &self.label) {
            (title, _) if !title.is_empty() => title,
            (_, Some(label)) => label,
            _ => &self.id,
        }
    }

    /// The short label, or the title shortened at a word to at most [`MAX_LABEL`] characters.
    pub fn short_label(&self) -> String {
        match &self.label {
            Some(label) => label.clone(),
            None => shorten_at_word(&self.title, MAX_LABEL),
        }
    }

    /// Its stage in words for cards and details, naming whose act a regulator's was:
    /// "Approved (US)", "Regulatory action (EU)", "Phase 3 trial".
    pub fn stage_words(&self) -> String {
        match (self.stage, self.regulator) {
            (Stage::Approval, Some(r)) => format!("Approved ({})", r.short()),
            (Stage::RegulatoryAction, Some(r)) => format!("Regulatory action ({})", r.short()),
            (stage, _) => stage.label().to_owned(),
        }
    }
}

/// `text` if it has at most `max` characters; otherwise its longest prefix of whole words that
/// fits with an ellipsis after it (or the first `max - 1` characters when the first word is
/// longer than that).
pub fn shorten_at_word(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let room = max.saturating_sub(1);
    let cut: String = text.chars().take(room).collect();
    let next_is_break = text.chars().nth(room).is_some_and(char::is_whitespace);
    let kept = if next_is_break {
        cut.as_str()
    } else {
        match cut.rfind(char::is_whitespace) {
            Some(at) if at > 0 => &cut[..at],
            _ => cut.as_str(),
        }
    };
    format!("{}…", kept.trim_end_matches([' ', ',', ';', ':', '-', '–']))
}

/// A calendar date that is only as precise as its source: a year, a month or a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    /// Whether this date is before `other` whatever the days or months either leaves open
    /// (1998 is not surely before 1998-05, nor 1998-05 before 1998).
    pub fn surely_before(&self, other: &PartialDate) -> bool {
        if self.year != other.year {
            return self.year < other.year;
        }
        match (self.month, other.month) {
            (Some(a), Some(b)) if a != b => a < b,
            (Some(_), Some(_)) => matches!((self.day, other.day), (Some(a), Some(b)) if a < b),
            _ => false,
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the date exists.
    pub fn parse(text: &str) -> Result<Self, String> {
        let parts: Vec<&str> = text.split('-').collect();
        let number = |part: &str, what: &str, len: usize| -> Result<u32, String> {
            if part.len() != len || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!(
                    "`{text}` is not a date: the {what} must be {len} digits (YYYY, YYYY-MM or YYYY-MM-DD)"
                ));
            }
            part.parse::<u32>()
                .map_err(|_| format!("`{text}`: bad {what}"))
        };
        if parts.is_empty() || parts.len() > 3 {
            return Err(format!(
                "`{text}` is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"
            ));
        }
        let year = number(parts[0], "year", 4)? as i32;
        if !(1800..=2100).contains(&year) {
            return Err(format!("`{text}`: year {year} is outside 1800–2100"));
        }
        let month = match parts.get(1) {
            Some(part) => {
                let month = number(part, "month", 2)?;
                if !(1..=12).contains(&month) {
                    return Err(format!("`{text}`: there is no month {month}"));
                }
                Some(month as u8)
            }
            None => None,
        };
        let day = match (parts.get(2), month) {
            (Some(part), Some(month)) => {
                let day = number(part, "day", 2)?;
                let last = days_in_month(year, month);
                if day == 0 || day > u32::from(last) {
                    return Err(format!(
                        "`{text}`: {year}-{month:02} has no day {day} (it has {last} days)"
                    ));
                }
                Some(day as u8)
            }
            _ => None,
        };
        Ok(Self { year, month, day })
    }

    /// A fractional year for placing the date on an axis: the middle of the period it names.
    pub fn midpoint(&self) -> f64 {
        let year = f64::from(self.year);
        match (self.month, self.day) {
            (Some(m), Some(d)) => {
                year + (f64::from(m) - 1.0) / 12.0
                    + (f64::from(d) - 0.5) / (12.0 * f64::from(days_in_month(self.year, m)))
            }
            (Some(m), None) => year + (f64::from(m) - 0.5) / 12.0,
            _ => year + 0.5,
        }
    }

    /// `1997-11-26`, `2021-10` or `1891`: the canonical text form.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// `26 Nov 1997`, `Oct 2021` or `1891`: for people.
    pub fn human(&self) -> String {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", MONTHS[usize::from(m - 1)], self.year),
            (Some(m), None) => format!("{} {}", MONTHS[usize::from(m - 1)], self.year),
            _ => self.year.to_string(),
        }
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// Declares a controlled vocabulary: an enum whose values have a permanent slug (used in data
/// files and URLs) and a label (shown to people), in a fixed display order.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $slug:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $slug)] $variant,)+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The permanent spelling used in data files and URLs.
            pub fn slug(self) -> &'static str {
                match self { $($name::$variant => $slug),+ }
            }

            /// The name shown to people.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// The value whose slug is `slug`, if any.
            pub fn from_slug(slug: &str) -> Option<Self> {
                match slug { $($slug => Some($name::$variant),)+ _ => None }
            }

            /// All slugs, for error messages.
            pub fn slugs() -> String {
                [$($slug),+].join(", ")
            }
        }
    };
}

vocabulary! {
    /// The therapeutic approach or kind of work.
    Approach {
        CheckpointInhibitor = "checkpoint-inhibitor", "Checkpoint inhibitor";
        CarT = "car-t", "CAR-T cell therapy";
        TcrT = "tcr-t", "TCR-T cell therapy";
        Til = "til", "Tumor-infiltrating lymphocytes (TIL)";
        OtherCellTherapy = "other-cell-therapy", "Other cell therapy";
        CancerVaccine = "cancer-vaccine", "Cancer vaccine";
        Cytokine = "cytokine", "Cytokine";
        OncolyticVirus = "oncolytic-virus", "Oncolytic virus";
        NkCell = "nk-cell", "NK and CAR-NK cell therapy";
        Bispecific = "bispecific", "Bispecific / T-cell engager";
        MonoclonalAntibody = "monoclonal-antibody", "Monoclonal antibody";
        InnateBacterial = "innate-bacterial", "Innate / bacterial";
        ImmunogenicCellDeath = "immunogenic-cell-death", "Immunogenic cell death / chemo-immunotherapy";
        EngineeredCells = "engineered-cells", "Engineered tumor cells / delivery";
        BasicDiscovery = "basic-discovery", "Basic discovery";
        Recognition = "recognition", "Recognition / prize";
        ResearchTool = "research-tool", "Research tool";
        Other = "other", "Other";
    }
}

vocabulary! {
    /// How far along the path from lab to clinic the evidence is.
    Stage {
        BasicDiscovery = "basic-discovery", "Basic discovery";
        InVitro = "in-vitro", "In vitro";
        Preclinical = "preclinical", "Mouse / preclinical";
        Clinical = "clinical", "Human study (phase not stated)";
        Phase1 = "phase-1", "Phase 1 trial";
        Phase2 = "phase-2", "Phase 2 trial";
        Phase3 = "phase-3", "Phase 3 trial";
        Approval = "approval", "Regulatory approval";
        RegulatoryAction = "regulatory-action", "Other regulatory action";
        Recognition = "recognition", "Recognition / prize";
        NewsOnly = "news-only", "News report only";
    }
}

vocabulary! {
    /// Cancer types, coarse enough to filter by.
    CancerType {
        Melanoma = "melanoma", "Melanoma";
        Breast = "breast", "Breast cancer";
        Lung = "lung", "Lung cancer";
        Colorectal = "colorectal", "Colorectal cancer";
        GastricEsophageal = "gastric-esophageal", "Stomach / esophageal cancer";
        Bladder = "bladder", "Bladder / urothelial cancer";
        Kidney = "kidney", "Kidney cancer";
        Prostate = "prostate", "Prostate cancer";
        Cervical = "cervical", "Cervical / HPV-related cancer";
        HeadAndNeck = "head-and-neck", "Head and neck cancer";
        Liver = "liver", "Liver cancer";
        Brain = "brain", "Brain tumors (glioma, glioblastoma)";
        Pancreatic = "pancreatic", "Pancreatic cancer";
        Gynecologic = "gynecologic", "Gynecologic cancers";
        Sarcoma = "sarcoma", "Sarcoma";
        MerkelCell = "merkel-cell", "Merkel cell carcinoma";
        SkinNonMelanoma = "skin-non-melanoma", "Skin cancer other than melanoma";
        Neuroblastoma = "neuroblastoma", "Neuroblastoma";
        Leukemia = "leukemia", "Leukemia";
        Lymphoma = "lymphoma", "Lymphoma";
        Myeloma = "myeloma", "Multiple myeloma";
        SolidTumors = "solid-tumors", "Solid tumors (any site)";
        Various = "various", "Various / advanced cancers";
    }
}

vocabulary! {
    /// How a trial or a regulatory action turned out. A failure is never left to look like a
    /// success: the timeline, cards and details mark every value but `positive`.
    Outcome {
        Positive = "positive", "Positive";
        Mixed = "mixed", "Mixed";
        Negative = "negative", "Negative (failed)";
        Halted = "halted", "Halted (hold or stopped)";
        Withdrawn = "withdrawn", "Withdrawn (approval pulled)";
        Rejected = "rejected", "Rejected by a regulator";
    }
}

vocabulary! {
    /// The regulator, named by the country or union it approves for.
    Regulator {
        Us = "us", "United States (FDA)";
        Eu = "eu", "European Union";
        Uk = "uk", "United Kingdom";
        China = "china", "China";
        Japan = "japan", "Japan";
        India = "india", "India";
        Russia = "russia", "Russia";
        Australia = "australia", "Australia";
        Canada = "canada", "Canada";
        SouthKorea = "south-korea", "South Korea";
        Switzerland = "switzerland", "Switzerland";
        Germany = "germany", "Germany";
        Cuba = "cuba", "Cuba";
        Philippines = "philippines", "Philippines";
        Other = "other", "Other regulator";
    }
}

impl Outcome {
    /// A mark that tells the outcomes apart without colour: shown before the words on cards and
    /// in details, and on the timeline's markers.
    pub fn mark(self) -> &'static str {
        match self {
            Outcome::Positive => "✓",
            Outcome::Mixed => "◐",
            Outcome::Negative => "✗",
            Outcome::Halted => "‖",
            Outcome::Withdrawn => "⊘",
            Outcome::Rejected => "⊗",
        }
    }

    /// Whether it is a setback (a failed trial, a hold, a withdrawal or a refusal), which the app
    /// never lets look like a success.
    pub fn is_setback(self) -> bool {
        !matches!(self, Outcome::Positive | Outcome::Mixed)
    }
}

impl Regulator {
    /// The short name for labels and chips: `US`, `EU`, `China`.
    pub fn short(self) -> &'static str {
        match self {
            Regulator::Us => "US",
            Regulator::Eu => "EU",
            Regulator::Uk => "UK",
            other => other.label(),
        }
    }
}

vocabulary! {
    /// How well a record or a field is sourced (the tags of the research notes).
    Status {
        Verified = "verified", "Verified";
        FromSeed = "from-seed", "From the news source only";
        CommonKnowledge = "common-knowledge", "Common knowledge (not checked)";
        Unverified = "unverified", "Unverified";
    }
}

vocabulary! {
    /// Whether a record is cancer immunotherapy or only adjacent to it.
    Scope {
        CancerImmunotherapy = "cancer-immunotherapy", "Cancer immunotherapy";
        Adjacent = "adjacent", "Adjacent (not cancer immunotherapy)";
    }
}

/// Something wrong with one record: where it is and what is wrong, in plain words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The file (or `bundled` / the import's file name) the record came from.
    pub file: String,
    /// The record's id, or `#N` (1-based position) when it has none.
    pub record: String,
    /// The field, e.g. `date` or `publication.doi`; empty for the whole record or file.
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        // A problem with a whole file (or the stored imports) names no record.
        if !self.record.is_empty() {
            write!(f, ": record `{}`", self.record)?;
        }
        if !self.field.is_empty() {
            write!(f, ", field `{}`", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// What `build.rs` writes into the wasm with postcard: the validated records and a version that
/// changes whenever any record does (links carry it as `v=`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub version: String,
    pub studies: Vec<Study>,
    /// Ids that were published once and now lead to another record.
    pub redirects: Vec<Redirect>,
}

/// The part of each bundled record that the first screen does not show: the full title (the
/// timeline draws the short label, and a list card shows the label until the title comes with
/// the summary), targets, drugs, trials, lineage (`builds_on`), summary, note, sources,
/// publication, news, people and per-field status. `build.rs` writes it to a file of its own
/// beside the app ([`super::DETAILS_FILE`]), which the app fetches after its first paint and
/// the service worker keeps for offline use; the records in the wasm carry everything else.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StudyDetails {
    /// The full title: the first screen draws the short label ([`Study::shown_title`]).
    pub title: String,
    pub targets: Vec<String>,
    pub drugs: Vec<String>,
    pub trials: Vec<Trial>,
    pub builds_on: Vec<String>,
    pub summary: String,
    pub note: Option<String>,
    pub people: Vec<String>,
    pub publication: Option<Publication>,
    pub news: Option<NewsSource>,
    pub field_status: FieldStatus,
    pub sources: Vec<SourceRef>,
}

/// Fields whose status differs from their record's: a map from field name to status, kept as a
/// `Vec` sorted by name. It reads and writes as the `BTreeMap` it replaces (a map in JSON and
/// postcard, names in order, the last of a repeated name kept); as a `BTreeMap` it compiled
/// B-tree code into the app's wasm for this one field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldStatus(Vec<(String, Status)>);

impl FieldStatus {
    pub fn get(&self, field: &str) -> Option<&Status> {
        let at = self
            .0
            .binary_search_by(|(name, _)| name.as_str().cmp(field));
        at.ok().map(|at| &self.0[at].1)
    }

    pub fn contains_key(&self, field: &str) -> bool {
        self.get(field).is_some()
    }

    /// Sets the status of `field`, returning the one it replaces.
    pub fn insert(&mut self, field: String, status: Status) -> Option<Status> {
        match self.0.binary_search_by(|(name, _)| name.cmp(&field)) {
            Ok(at) => Some(std::mem::replace(&mut self.0[at].1, status)),
            Err(at) => {
                self.0.insert(at, (field, status));
                None
            }
        }
    }

    /// The fields and their statuses, by field name.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Status)> {
        self.0.iter().map(|(name, status)| (name, status))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl FromIterator<(String, Status)> for FieldStatus {
    fn from_iter<I: IntoIterator<Item = (String, Status)>>(items: I) -> Self {
        let mut map = Self::default();
        for (field, status) in items {
            map.insert(field, status);
        }
        map
    }
}

impl Serialize for FieldStatus {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for FieldStatus {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> serde::de::Visitor<'de> for Entries {
            type Value = FieldStatus;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map from field names to statuses")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<FieldStatus, A::Error> {
                let mut statuses = FieldStatus::default();
                while let Some((field, status)) = map.next_entry()? {
                    statuses.insert(field, status);
                }
                Ok(statuses)
            }
        }
        deserializer.deserialize_map(Entries)
    }
}

/// The details file: every bundled record's [`StudyDetails`] by id, and the guided stories, for
/// one dataset version.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Details {
    /// The [`Bundle::version`] these details belong to.
    pub version: String,
    pub records: Vec<(String, StudyDetails)>,
    pub stories: Vec<Story>,
}

/// A guided story (`data/stories.toml`): an ordered walk through existing records, each step
/// with one connecting sentence in our own words that states only what its record says.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// Permanent slug; links name it (`story=`).
    pub id: String,
    pub title: String,
    /// What the story follows, in a sentence or two.
    pub summary: String,
    pub steps: Vec<StoryStep>,
}

/// One step of a [`Story`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoryStep {
    /// The id of the record this step shows.
    pub record: String,
    /// The connecting sentence.
    pub text: String,
    /// Why this step comes here although its record is dated before the previous step's.
    pub out_of_order: Option<String>,
}

impl Study {
    /// Moves the details out of the record, leaving those fields empty.
    pub fn take_details(&mut self) -> StudyDetails {
        StudyDetails {
            title: std::mem::take(&mut self.title),
            targets: std::mem::take(&mut self.targets),
            drugs: std::mem::take(&mut self.drugs),
            trials: std::mem::take(&mut self.trials),
            builds_on: std::mem::take(&mut self.builds_on),
            summary: std::mem::take(&mut self.summary),
            note: self.note.take(),
            people: std::mem::take(&mut self.people),
            publication: self.publication.take(),
            news: self.news.take(),
            field_status: std::mem::take(&mut self.field_status),
            sources: std::mem::take(&mut self.sources),
        }
    }

    /// Puts details (back) into the record.
    pub fn put_details(&mut self, details: StudyDetails) {
        let StudyDetails {
            title,
            targets,
            drugs,
            trials,
            builds_on,
            summary,
            note,
            people,
            publication,
            news,
            field_status,
            sources,
        } = details;
        self.title = title;
        self.targets = targets;
        self.drugs = drugs;
        self.trials = trials;
        self.builds_on = builds_on;
        self.summary = summary;
        self.note = note;
        self.people = people;
        self.publication = publication;
        self.news = news;
        self.field_status = field_status;
        self.sources = sources;
    }
}

impl Bundle {
    /// Splits the records into what the wasm carries and the details file (which also takes the
    /// stories), both tagged with this bundle's version.
    pub fn split(mut self, stories: Vec<Story>) -> (Self, Details) {
        let records = self
            .studies
            .iter_mut()
            .map(|study| (study.id.clone(), study.take_details()))
            .collect();
        let details = Details {
            version: self.version.clone(),
            records,
            stories,
        };
        (self, details)
    }
}

/// A retired or merged record's id and the record that took its place, so old links still land.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Redirect {
    /// The id that was published.
    pub from: String,
    /// The id of the record that succeeds it.
    pub to: String,
    /// Why, in words shown to the person who followed the old link ("merged with …").
    pub reason: String,
}

impl Bundle {
    /// Builds a bundle whose version is a short hash of the records' bytes (FNV-1a, 64 bit).
    pub fn new(studies: Vec<Study>, redirects: Vec<Redirect>) -> Self {
        let bytes = postcard::to_allocvec(&(&studies, &redirects)).unwrap_or_default();
        let hash = fnv1a(&bytes);
        Self {
            version: format!("{:08x}", hash >> 32),
            studies,
            redirects,
        }
    }
}

/// FNV-1a, 64 bit: a short, stable hash of bytes for versions and file names (not a defence
/// against anyone crafting collisions; the files are our own build's).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::{FieldStatus, Status};
    use std::collections::BTreeMap;

    #[test]
    fn field_statuses_read_and_write_as_the_btree_map_they_replace() {
        let entries = [
            ("publication.doi", Status::Unverified),
            ("date", Status::FromSeed),
            ("news.date", Status::Unverified),
        ];
        let map: BTreeMap<String, Status> = entries.map(|(f, s)| (f.to_owned(), s)).into();
        let ours: FieldStatus = entries
            .map(|(f, s)| (f.to_owned(), s))
            .into_iter()
            .collect();
        let json = serde_json::to_string(&map).unwrap();
        assert_eq!(serde_json::to_string(&ours).unwrap(), json);
        assert_eq!(
            postcard::to_allocvec(&ours).unwrap(),
            postcard::to_allocvec(&map).unwrap()
        );
        assert_eq!(serde_json::from_str::<FieldStatus>(&json).unwrap(), ours);
        assert_eq!(ours.get("date"), Some(&Status::FromSeed));
        assert_eq!(ours.get("summary"), None);
        // A repeated name keeps its last status, as a map read into a `BTreeMap` does.
        let repeated = r#"{"date":"unverified","date":"from-seed"}"#;
        let read: FieldStatus = serde_json::from_str(repeated).unwrap();
        assert_eq!(
            read.iter().collect::<Vec<_>>(),
            [(&"date".to_owned(), &Status::FromSeed)]
        );
    }
}
