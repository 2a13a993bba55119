//! Turns raw records (as written in a data file or an imported file) into validated [`Study`]
//! values, collecting every problem instead of stopping at the first.
//!
//! The same rules run at build time for the bundled dataset (this file is compiled into
//! `build.rs`) and in the browser for a user's import, so both are held to one standard.

use super::model::{
    Approach, CancerType, FieldStatus, MAX_LABEL, NewsSource, Outcome, PartialDate, Problem,
    Publication, Redirect, Regulator, Scope, SourceRef, Stage, Status, Story, StoryStep, Study,
    Trial,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// A record close to its file form: every value still text, nothing checked yet.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStudy {
    pub id: Option<String>,
    pub title: Option<String>,
    pub label: Option<String>,
    pub date: Option<String>,
    #[serde(default)]
    pub circa: bool,
    pub end_date: Option<String>,
    #[serde(default)]
    pub approaches: Vec<String>,
    #[serde(default)]
    pub targets: Vec<String>,
    #[serde(default)]
    pub drugs: Vec<String>,
    #[serde(default)]
    pub cancer_types: Vec<String>,
    pub stage: Option<String>,
    pub outcome: Option<String>,
    pub regulator: Option<String>,
    #[serde(default)]
    pub trials: Vec<RawTrial>,
    pub scope: Option<String>,
    #[serde(default)]
    pub milestone: bool,
    #[serde(default)]
    pub institutions: Vec<String>,
    #[serde(default)]
    pub people: Vec<String>,
    pub publication: Option<RawPublication>,
    pub news: Option<RawNews>,
    pub summary: Option<String>,
    pub note: Option<String>,
    #[serde(default)]
    pub builds_on: Vec<String>,
    pub status: Option<String>,
    #[serde(default)]
    pub field_status: BTreeMap<String, String>,
    #[serde(default)]
    pub sources: Vec<RawSource>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPublication {
    pub journal: Option<String>,
    pub title: Option<String>,
    pub citation: Option<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    pub doi: Option<String>,
    pub pmid: Option<String>,
    pub pmcid: Option<String>,
    pub nct: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTrial {
    pub name: Option<String>,
    pub nct: Option<String>,
}

/// A `[[redirect]]` table of a data file: a published id that now leads to another record.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRedirect {
    pub from: Option<String>,
    pub to: Option<String>,
    pub reason: Option<String>,
}

/// A `[[story]]` table of a data file (`data/stories.toml`), with its `[[story.step]]` tables.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStory {
    pub id: Option<String>,
    pub title: Option<String>,
    pub summary: Option<String>,
    #[serde(default)]
    pub step: Vec<RawStoryStep>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStoryStep {
    pub record: Option<String>,
    pub text: Option<String>,
    pub out_of_order: Option<String>,
}

/// The longest story title, and how many characters a story's summary and a step's sentence
/// may have.
pub const MAX_STORY_TITLE: usize = 80;
pub const MAX_STORY_SUMMARY: usize = 300;
pub const MAX_STEP_TEXT: usize = 240;
/// How many steps a story has at least and at most.
pub const STORY_STEPS: std::ops::RangeInclusive<usize> = 3..=40;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNews {
    pub outlet: Option<String>,
    pub headline: Option<String>,
    pub date: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub label: Option<String>,
    pub url: Option<String>,
}

/// Field names that `field_status` may refer to.
pub const FIELD_NAMES: &[&str] = &[
    "title",
    "date",
    "end_date",
    "approaches",
    "targets",
    "drugs",
    "cancer_types",
    "stage",
    "outcome",
    "regulator",
    "trials",
    "institutions",
    "people",
    "summary",
    "publication.journal",
    "publication.title",
    "publication.citation",
    "publication.authors",
    "publication.doi",
    "publication.pmid",
    "publication.pmcid",
    "publication.nct",
    "news.date",
];

/// The longest text any field may hold; longer values are refused, not cut.
pub const MAX_TEXT: usize = 2_000;
/// The longest id.
pub const MAX_ID: usize = 80;

/// Validates `records` (each with the name of the file it came from) as one collection.
///
/// Returns the records that passed every check and every problem found. A record with any
/// problem is left out; records that point at it through `builds_on` are reported too.
pub fn validate_all(records: &[(String, RawStudy)]) -> (Vec<Study>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut studies: Vec<(String, Study)> = Vec::new();
    let mut first_file_of: HashMap<String, String> = HashMap::new();
    for (index, (file, raw)) in records.iter().enumerate() {
        let (study, mut found) = validate_one(file, index, raw);
        if let Some(id) = raw.id.as_deref().filter(|id| !id.is_empty()) {
            if let Some(first) = first_file_of.get(id) {
                found.push(problem(
                    file,
                    id,
                    "id",
                    format!("the id `{id}` is used twice (first in {first}); ids must be unique"),
                ));
            } else {
                first_file_of.insert(id.to_owned(), file.clone());
            }
        }
        if let (true, Some(study)) = (found.is_empty(), study) {
            studies.push((file.clone(), study));
        }
        problems.extend(found);
    }
    let known: HashSet<&str> = records
        .iter()
        .filter_map(|(_, raw)| raw.id.as_deref())
        .collect();
    let valid: HashSet<String> = studies.iter().map(|(_, s)| s.id.clone()).collect();
    let mut dangling: HashSet<String> = HashSet::new();
    for (file, study) in &studies {
        for target in &study.builds_on {
            if !known.contains(target.as_str()) {
                problems.push(problem(
                    file,
                    &study.id,
                    "builds_on",
                    format!("`{target}` is not the id of any record"),
                ));
                dangling.insert(study.id.clone());
            } else if !valid.contains(target) {
                problems.push(problem(
                    file,
                    &study.id,
                    "builds_on",
                    format!("`{target}` has problems of its own, so this link cannot be kept"),
                ));
                dangling.insert(study.id.clone());
            }
        }
    }
    let studies = studies
        .into_iter()
        .map(|(_, s)| s)
        .filter(|s| !dangling.contains(&s.id))
        .collect();
    (studies, problems)
}

/// The rules the curated dataset meets on top of [`validate_all`]'s, which an import is spared
/// (an imported record shows its title shortened when it has no label): every record has a
/// short label, every approval names its regulator, and no approval carries a setback (a
/// withdrawal, refusal or hold is stage `regulatory-action`, so it is never shown as
/// "Approved").
pub fn curated_rules(records: &[(String, RawStudy)]) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (index, (file, raw)) in records.iter().enumerate() {
        let record = raw.id.clone().unwrap_or_else(|| format!("#{}", index + 1));
        if raw.label.as_deref().is_none_or(|l| l.trim().is_empty()) {
            problems.push(problem(
                file,
                &record,
                "label",
                format!("is required in the dataset: a short label of at most {MAX_LABEL} characters for the timeline"),
            ));
        }
        if raw.stage.as_deref() == Some(Stage::Approval.slug()) && raw.regulator.is_none() {
            problems.push(problem(
                file,
                &record,
                "regulator",
                format!(
                    "is required for an approval; use one of: {}",
                    Regulator::slugs()
                ),
            ));
        }
        let setback = raw
            .outcome
            .as_deref()
            .and_then(Outcome::from_slug)
            .filter(|o| o.is_setback());
        if let (Some(Stage::Approval), Some(outcome)) =
            (raw.stage.as_deref().and_then(Stage::from_slug), setback)
        {
            problems.push(problem(
                file,
                &record,
                "stage",
                format!(
                    "an approval cannot be `{}`: a withdrawal, refusal or hold is stage `{}`",
                    outcome.slug(),
                    Stage::RegulatoryAction.slug()
                ),
            ));
        }
    }
    problems
}

/// Checks one record on its own (everything but uniqueness and links to other records).
pub fn validate_one(file: &str, index: usize, raw: &RawStudy) -> (Option<Study>, Vec<Problem>) {
    let record = raw
        .id
        .clone()
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| format!("#{}", index + 1));
    let mut c = Checker {
        file,
        record: &record,
        problems: Vec::new(),
    };

    let id = c.slug("id", raw.id.as_deref());
    let title = c.required_text("title", raw.title.as_deref());
    let label = c.label(raw.label.as_deref());
    let outcome = raw
        .outcome
        .as_deref()
        .and_then(|value| c.one_of("outcome", Some(value), Outcome::from_slug, Outcome::slugs));
    let regulator = raw.regulator.as_deref().and_then(|value| {
        c.one_of(
            "regulator",
            Some(value),
            Regulator::from_slug,
            Regulator::slugs,
        )
    });
    let trials = raw.trials.iter().filter_map(|t| c.trial(t)).collect();
    let stage = c.one_of(
        "stage",
        raw.stage.as_deref(),
        Stage::from_slug,
        Stage::slugs,
    );
    let scope = match raw.scope.as_deref() {
        None => Some(Scope::CancerImmunotherapy),
        some => c.one_of("scope", some, Scope::from_slug, Scope::slugs),
    };
    let status = c.one_of(
        "status",
        raw.status.as_deref(),
        Status::from_slug,
        Status::slugs,
    );
    let date = c.date("date", raw.date.as_deref());
    // A record may be undated only when it says so: news-only, or its date marked unverified.
    let date_unverified = raw.field_status.get("date").map(String::as_str) == Some("unverified");
    if raw.date.is_none() && stage != Some(Stage::NewsOnly) && !date_unverified {
        c.report(
            "date",
            "is required (only news-only records, or records whose field_status marks the date unverified, may have no date)",
        );
    }
    let end_date = c.date("end_date", raw.end_date.as_deref());
    if let (Some(start), Some(end)) = (date, end_date)
        && end < start
    {
        c.report("end_date", format!("{end} is before the date {start}"));
    }
    let approaches = c.list_of(
        "approaches",
        &raw.approaches,
        Approach::from_slug,
        Approach::slugs,
    );
    if raw.approaches.is_empty() {
        c.report("approaches", "needs at least one approach");
    }
    let cancer_types = c.list_of(
        "cancer_types",
        &raw.cancer_types,
        CancerType::from_slug,
        CancerType::slugs,
    );
    let targets = c.texts("targets", &raw.targets);
    let drugs = c.texts("drugs", &raw.drugs);
    let institutions = c.texts("institutions", &raw.institutions);
    let people = c.texts("people", &raw.people);
    let summary = c.required_text("summary", raw.summary.as_deref());
    let note = c.optional_text("note", raw.note.as_deref());
    let builds_on = raw
        .builds_on
        .iter()
        .filter_map(|target| {
            let slug = c.slug("builds_on", Some(target));
            if slug.as_deref() == id.as_deref() && slug.is_some() {
                c.report("builds_on", "a record cannot build on itself");
                return None;
            }
            slug
        })
        .collect();
    let mut field_status = FieldStatus::default();
    for (field, value) in &raw.field_status {
        if !FIELD_NAMES.contains(&field.as_str()) {
            c.report(
                "field_status",
                format!(
                    "`{field}` is not a field that can carry a status; use one of: {}",
                    FIELD_NAMES.join(", ")
                ),
            );
        }
        if let Some(status) = c.one_of(
            "field_status",
            Some(value),
            Status::from_slug,
            Status::slugs,
        ) {
            field_status.insert(field.clone(), status);
        }
    }
    let publication = raw.publication.as_ref().map(|p| c.publication(p));
    let news = raw.news.as_ref().map(|n| c.news(n));
    let sources: Vec<SourceRef> = raw
        .sources
        .iter()
        .map(|s| SourceRef {
            label: c
                .required_text("sources.label", s.label.as_deref())
                .unwrap_or_default(),
            url: c.url("sources.url", s.url.as_deref()),
        })
        .collect();
    if sources.is_empty() && news.is_none() {
        c.report(
            "sources",
            "every record needs at least one source or a news source",
        );
    }

    let problems = c.problems;
    let study = match (id, title, stage, scope, status, summary) {
        (Some(id), Some(title), Some(stage), Some(scope), Some(status), Some(summary))
            if problems.is_empty() =>
        {
            Some(Study {
                id,
                title,
                label,
                date,
                circa: raw.circa,
                end_date,
                approaches,
                targets,
                drugs,
                cancer_types,
                stage,
                outcome,
                regulator,
                trials,
                scope,
                milestone: raw.milestone,
                institutions,
                people,
                publication,
                news,
                summary,
                note,
                builds_on,
                status,
                field_status,
                sources,
            })
        }
        _ => None,
    };
    (study, problems)
}

/// Is `text` a link we are willing to show: `http://` or `https://`, a host, no spaces or quotes.
pub fn is_http_url(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty()
                && host.contains('.')
                && !rest
                    .chars()
                    .any(|ch| ch.is_whitespace() || ch.is_control() || "\"'<>\\`".contains(ch))
        }
        None => false,
    }
}

/// `NCT` and 8 digits, the ClinicalTrials.gov number.
pub fn is_nct(text: &str) -> bool {
    text.strip_prefix("NCT")
        .is_some_and(|d| d.len() == 8 && d.bytes().all(|b| b.is_ascii_digit()))
}

/// Hosts that serve copies of other pages: document-sharing sites, Wikipedia mirrors, proxies
/// and lookup services. A link to one of them is refused in favour of the original.
const MIRROR_HOSTS: &[&str] = &[
    "scribd.com",
    "docslib.org",
    "studylib.net",
    "studylibfr.com",
    "pdfslide.us",
    "pdfslide.net",
    "pdffox.com",
    "dokumen.tips",
    "docksci.com",
    "coek.info",
    "slideplayer.com",
    "21docs.com",
    "mdsite.deno.dev",
    "everything.explained.today",
    "handwiki.org",
    "cryer.org.uk",
    "wikidoc.org",
    "grokipedia.com",
    "piglix.com",
    "iiab.me",
    "owiki.org",
    "wikisum.wiki",
    "scilit.net",
    "scilit.com",
    "ouci.dntb.gov.ua",
    "scicrunch.org",
    "ablesci.com",
    "booksci.cn",
    "wilddata.cn",
    "acemap.info",
    "cloudflare-ipfs.com",
    "translate.google.com",
    "bing.com",
    "bit.ly",
];

/// Why `url` is a mirror rather than a page of its own, or `None` when it is not one.
pub fn mirror(url: &str) -> Option<&'static str> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority
        .rsplit('@')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let (name, port) = match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => (name, true),
        _ => (host.as_str(), false),
    };
    let name = name.trim_end_matches('.');
    let ends = |suffix: &str| name == suffix || name.ends_with(&format!(".{suffix}"));
    if name
        .split('.')
        .all(|part| part.bytes().all(|b| b.is_ascii_digit()))
        || name.contains(':')
    {
        Some("a bare IP address")
    } else if port {
        Some("a server on a non-standard port")
    } else if name.contains("proxy")
        || ends("vercel.app")
        || ends("netlify.app")
        || ends("pages.dev")
        || ends("railway.app")
        || ends("fly.dev")
        || ends("platformsh.site")
        || ends("azurewebsites.net")
        || ends("amazonaws.com")
        || ends("elogim.com")
    {
        Some("a proxy or hosting copy")
    } else if name.split('.').next().is_some_and(|first| {
        [
            "staging", "staging1", "stage", "dev", "test", "sandbox", "preview",
        ]
        .contains(&first)
            || first.starts_with("dev-")
            || first.starts_with("preview-")
    }) {
        Some("a staging or test copy")
    } else if MIRROR_HOSTS.iter().any(|mirror| ends(mirror)) {
        Some("a mirror or document-sharing copy")
    } else {
        None
    }
}

/// Checks the `[[redirect]]` tables against the validated records: each names a published id
/// that is no longer a record's, a record that exists, and a reason.
/// Checks the guided stories against the validated records: unique slugs, texts within their
/// lengths, 3 to 40 steps, each naming a dated record that exists, none twice, and the steps in
/// time order (a step dated before the one it follows must say why in `out_of_order`; one that
/// is not must not).
pub fn validate_stories(
    stories: &[(String, RawStory)],
    studies: &[Study],
) -> (Vec<Story>, Vec<Problem>) {
    let by_id: HashMap<&str, &Study> = studies.iter().map(|s| (s.id.as_str(), s)).collect();
    let mut problems = Vec::new();
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (index, (file, raw)) in stories.iter().enumerate() {
        let record = raw
            .id
            .clone()
            .unwrap_or_else(|| format!("story #{}", index + 1));
        let mut c = Checker {
            file,
            record: &record,
            problems: Vec::new(),
        };
        let id = c.slug("id", raw.id.as_deref());
        if let Some(id) = &id
            && !seen.insert(id.clone())
        {
            c.report("id", format!("`{id}` is the id of another story too"));
        }
        let title = c.required_text("title", raw.title.as_deref());
        let summary = c.required_text("summary", raw.summary.as_deref());
        c.at_most("title", title.as_deref(), MAX_STORY_TITLE);
        c.at_most("summary", summary.as_deref(), MAX_STORY_SUMMARY);
        if !STORY_STEPS.contains(&raw.step.len()) {
            c.report(
                "step",
                format!(
                    "has {} steps; a story has {} to {}",
                    raw.step.len(),
                    STORY_STEPS.start(),
                    STORY_STEPS.end()
                ),
            );
        }
        let mut steps = Vec::new();
        let mut shown = HashSet::new();
        let mut previous: Option<PartialDate> = None;
        for (n, step) in raw.step.iter().enumerate() {
            let field = format!("step {}", n + 1);
            let text = c.required_text(&format!("{field}.text"), step.text.as_deref());
            c.at_most(&format!("{field}.text"), text.as_deref(), MAX_STEP_TEXT);
            let out_of_order = c.optional_text(
                &format!("{field}.out_of_order"),
                step.out_of_order.as_deref(),
            );
            let Some(id) = c.slug(&format!("{field}.record"), step.record.as_deref()) else {
                continue;
            };
            let Some(study) = by_id.get(id.as_str()) else {
                c.report(
                    &format!("{field}.record"),
                    format!("`{id}` is not the id of any record"),
                );
                continue;
            };
            if !shown.insert(id.clone()) {
                c.report(
                    &format!("{field}.record"),
                    format!("`{id}` is already an earlier step"),
                );
            }
            let Some(date) = study.date else {
                c.report(
                    &format!("{field}.record"),
                    format!("`{id}` is undated, so it has no place in time"),
                );
                continue;
            };
            let earlier = previous.is_some_and(|before| date.surely_before(&before));
            match (earlier, &out_of_order) {
                (true, None) => c.report(
                    &format!("{field}.record"),
                    format!(
                        "`{id}` ({}) is dated before the step it follows ({}); put the steps in time order or say why in `out_of_order`",
                        date.human(),
                        previous.map(|d| d.human()).unwrap_or_default()
                    ),
                ),
                (false, Some(_)) => c.report(
                    &format!("{field}.out_of_order"),
                    "is set, but this step is not dated before the one it follows",
                ),
                _ => {}
            }
            previous = Some(date);
            if let Some(text) = text {
                steps.push(StoryStep {
                    record: id,
                    text,
                    out_of_order,
                });
            }
        }
        let found = c.problems;
        if let (Some(id), Some(title), Some(summary), true) = (id, title, summary, found.is_empty())
        {
            out.push(Story {
                id,
                title,
                summary,
                steps,
            });
        }
        problems.extend(found);
    }
    (out, problems)
}

pub fn validate_redirects(
    redirects: &[(String, RawRedirect)],
    studies: &[Study],
) -> (Vec<Redirect>, Vec<Problem>) {
    let ids: HashSet<&str> = studies.iter().map(|s| s.id.as_str()).collect();
    let mut problems = Vec::new();
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (index, (file, raw)) in redirects.iter().enumerate() {
        let record = raw
            .from
            .clone()
            .unwrap_or_else(|| format!("redirect #{}", index + 1));
        let mut c = Checker {
            file,
            record: &record,
            problems: Vec::new(),
        };
        let from = c.slug("from", raw.from.as_deref());
        let to = c.slug("to", raw.to.as_deref());
        let reason = c.required_text("reason", raw.reason.as_deref());
        if let Some(from) = &from {
            if ids.contains(from.as_str()) {
                c.report("from", format!("`{from}` is still a record's id; a redirect is for an id no record has any more"));
            }
            if !seen.insert(from.clone()) {
                c.report("from", format!("`{from}` is redirected twice"));
            }
        }
        if let Some(to) = &to
            && !ids.contains(to.as_str())
        {
            c.report("to", format!("`{to}` is not the id of any record"));
        }
        let found = c.problems;
        if let (Some(from), Some(to), Some(reason), true) = (from, to, reason, found.is_empty()) {
            out.push(Redirect { from, to, reason });
        }
        problems.extend(found);
    }
    (out, problems)
}

fn problem(file: &str, record: &str, field: &str, message: impl Into<String>) -> Problem {
    Problem {
        file: file.to_owned(),
        record: record.to_owned(),
        field: field.to_owned(),
        message: message.into(),
    }
}

/// Holds the location of the record being checked and the problems found so far.
struct Checker<'a> {
    file: &'a str,
    record: &'a str,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn report(&mut self, field: &str, message: impl Into<String>) {
        self.problems
            .push(problem(self.file, self.record, field, message));
    }

    fn optional_text(&mut self, field: &str, value: Option<&str>) -> Option<String> {
        let value = value?.trim();
        if value.is_empty() {
            return None;
        }
        if value.chars().count() > MAX_TEXT {
            self.report(field, format!("is longer than {MAX_TEXT} characters"));
            return None;
        }
        if value.chars().any(|ch| ch.is_control() && ch != '\n') {
            self.report(field, "contains control characters");
            return None;
        }
        let lower = value.to_lowercase();
        if ["<script", "javascript:", "onerror=", "onload="]
            .iter()
            .any(|needle| lower.contains(needle))
        {
            self.report(
                field,
                "looks like script or markup, which is not allowed in data",
            );
            return None;
        }
        Some(value.to_owned())
    }

    fn required_text(&mut self, field: &str, value: Option<&str>) -> Option<String> {
        let text = self.optional_text(field, value);
        if text.is_none() && value.is_none_or(|v| v.trim().is_empty()) {
            self.report(field, "is required");
        }
        text
    }

    /// Reports a text longer than `max` characters.
    fn at_most(&mut self, field: &str, value: Option<&str>, max: usize) {
        if let Some(count) = value.map(|v| v.chars().count()).filter(|&n| n > max) {
            self.report(field, format!("has {count} characters; at most {max}"));
        }
    }

    fn texts(&mut self, field: &str, values: &[String]) -> Vec<String> {
        values
            .iter()
            .filter_map(|v| self.required_text(field, Some(v)))
            .collect()
    }

    fn slug(&mut self, field: &str, value: Option<&str>) -> Option<String> {
        let Some(value) = value.filter(|v| !v.is_empty()) else {
            self.report(field, "is required");
            return None;
        };
        let well_formed = value.len() <= MAX_ID
            && value.split('-').all(|part| {
                !part.is_empty()
                    && part
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            });
        if well_formed {
            Some(value.to_owned())
        } else {
            self.report(
                field,
                format!(
                    "`{}` is not a valid id: use lowercase letters, digits and single hyphens, at most {MAX_ID} characters",
                    value.chars().take(100).collect::<String>()
                ),
            );
            None
        }
    }

    fn one_of<T>(
        &mut self,
        field: &str,
        value: Option<&str>,
        parse: fn(&str) -> Option<T>,
        allowed: fn() -> String,
    ) -> Option<T> {
        let Some(value) = value else {
            self.report(field, format!("is required; use one of: {}", allowed()));
            return None;
        };
        let parsed = parse(value);
        if parsed.is_none() {
            self.report(
                field,
                format!(
                    "`{}` is not allowed; use one of: {}",
                    value.chars().take(100).collect::<String>(),
                    allowed()
                ),
            );
        }
        parsed
    }

    fn list_of<T: PartialEq>(
        &mut self,
        field: &str,
        values: &[String],
        parse: fn(&str) -> Option<T>,
        allowed: fn() -> String,
    ) -> Vec<T> {
        let mut out = Vec::new();
        for value in values {
            if let Some(parsed) = self.one_of(field, Some(value), parse, allowed) {
                if out.contains(&parsed) {
                    self.report(field, format!("`{value}` is listed twice"));
                } else {
                    out.push(parsed);
                }
            }
        }
        out
    }

    fn date(&mut self, field: &str, value: Option<&str>) -> Option<PartialDate> {
        match PartialDate::parse(value?) {
            Ok(date) => Some(date),
            Err(message) => {
                self.report(field, message);
                None
            }
        }
    }

    fn url(&mut self, field: &str, value: Option<&str>) -> Option<String> {
        let value = value?;
        if let Some(why) = is_http_url(value).then(|| mirror(value)).flatten() {
            self.report(
                field,
                format!(
                    "`{}` is {why}, not the page itself; link the original (or the DOI, PubMed, PMC or ClinicalTrials.gov page) or keep only the label",
                    value.chars().take(100).collect::<String>()
                ),
            );
            None
        } else if is_http_url(value) {
            Some(value.to_owned())
        } else {
            self.report(
                field,
                format!(
                    "`{}` is not an http(s) link",
                    value.chars().take(100).collect::<String>()
                ),
            );
            None
        }
    }

    fn label(&mut self, value: Option<&str>) -> Option<String> {
        let label = self.optional_text("label", value)?;
        if label.chars().count() > MAX_LABEL {
            self.report(
                "label",
                format!(
                    "`{label}` has {} characters; a short label has at most {MAX_LABEL}",
                    label.chars().count()
                ),
            );
            return None;
        }
        if label.contains('\n') {
            self.report("label", "must be one line");
            return None;
        }
        Some(label)
    }

    fn trial(&mut self, raw: &RawTrial) -> Option<Trial> {
        let name = self.optional_text("trials.name", raw.name.as_deref());
        let nct = self.identifier(
            "trials.nct",
            raw.nct.as_deref(),
            "NCT then 8 digits",
            is_nct,
        );
        if name.is_none() && nct.is_none() {
            if raw.name.is_none() && raw.nct.is_none() {
                self.report("trials", "a trial needs a name, an NCT number or both");
            }
            return None;
        }
        Some(Trial { name, nct })
    }

    fn identifier(
        &mut self,
        field: &str,
        value: Option<&str>,
        rule: &str,
        ok: fn(&str) -> bool,
    ) -> Option<String> {
        let value = value?.trim();
        if ok(value) {
            Some(value.to_owned())
        } else {
            self.report(
                field,
                format!("`{value}` is not a valid identifier ({rule})"),
            );
            None
        }
    }

    fn publication(&mut self, raw: &RawPublication) -> Publication {
        let digits =
            |s: &str| !s.is_empty() && s.len() <= 12 && s.bytes().all(|b| b.is_ascii_digit());
        Publication {
            journal: self.optional_text("publication.journal", raw.journal.as_deref()),
            title: self.optional_text("publication.title", raw.title.as_deref()),
            citation: self.optional_text("publication.citation", raw.citation.as_deref()),
            authors: self.texts("publication.authors", &raw.authors),
            doi: self.identifier(
                "publication.doi",
                raw.doi.as_deref(),
                "10.NNNN/suffix",
                |s| {
                    s.strip_prefix("10.").is_some_and(|rest| {
                        rest.split_once('/').is_some_and(|(registrant, suffix)| {
                            registrant.len() >= 4
                                && registrant.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                                && !suffix.is_empty()
                                && !suffix
                                    .chars()
                                    .any(|ch| ch.is_whitespace() || ch.is_control())
                        })
                    })
                },
            ),
            pmid: self.identifier(
                "publication.pmid",
                raw.pmid.as_deref(),
                "digits only",
                digits,
            ),
            pmcid: self.identifier(
                "publication.pmcid",
                raw.pmcid.as_deref(),
                "PMC then digits",
                |s| {
                    s.strip_prefix("PMC").is_some_and(|d| {
                        !d.is_empty() && d.len() <= 12 && d.bytes().all(|b| b.is_ascii_digit())
                    })
                },
            ),
            nct: self.identifier(
                "publication.nct",
                raw.nct.as_deref(),
                "NCT then 8 digits",
                is_nct,
            ),
        }
    }

    fn news(&mut self, raw: &RawNews) -> NewsSource {
        NewsSource {
            outlet: self
                .required_text("news.outlet", raw.outlet.as_deref())
                .unwrap_or_default(),
            headline: self
                .required_text("news.headline", raw.headline.as_deref())
                .unwrap_or_default(),
            date: self.date("news.date", raw.date.as_deref()),
            author: self.optional_text("news.author", raw.author.as_deref()),
            url: self.url("news.url", raw.url.as_deref()),
        }
    }
}
