//! CSV in and out: one row per study in a fixed column order, lists written inside one cell.
//!
//! Quoting is left to the `csv` crate (RFC 4180: a cell with a comma, quote or line break is
//! quoted, quotes are doubled; rows end with CRLF; UTF-8 without a byte-order mark). Single-value
//! cells (title, summary, note…) hold their value exactly; list cells are described in `cells`.
//! A cell that starts with `=` stays text in the file: spreadsheet programs may treat it as a
//! formula, which is the spreadsheet's behaviour, not something the export changes.

use super::cells::{escape, items, join, source, source_item, trial, trial_item, unescape};
use super::import::Parsed;
use crate::data::validate::{RawNews, RawPublication, RawStudy};
use crate::data::{PartialDate, Problem, Study};
use std::collections::BTreeMap;

/// The columns of an exported CSV, in order. An imported CSV may hold them in any order and may
/// leave out optional ones, but may not add others.
///
/// | Column | Holds |
/// |---|---|
/// | `id` … `end_date` | as in the data files (`label` is the short label); dates `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `circa` is `true`/`false` |
/// | `approaches`, `targets`, `drugs`, `cancer_types` | lists (slugs for approaches and cancer types) |
/// | `stage`, `outcome`, `regulator`, `scope` | one slug each (outcome and regulator may be empty) |
/// | `trials` | list of `name <NCT…>`, `name` or `NCT…` |
/// | `milestone` | `true`/`false` |
/// | `institutions`, `people` | lists |
/// | `summary`, `note` | text |
/// | `builds_on` | list of ids |
/// | `status` | one slug |
/// | `field_status` | list of `field=status`, e.g. `date=from-seed; news.date=from-seed` |
/// | `journal` … `nct` | the `publication` table (`paper_title` is `publication.title`; `authors` a list) |
/// | `news_outlet` … `news_url` | the `news` table |
/// | `sources` | list of `label <https://…>`, or just `label` when there is no link |
pub const COLUMNS: [&str; 37] = [
    "id",
    "title",
    "label",
    "date",
    "circa",
    "end_date",
    "approaches",
    "targets",
    "drugs",
    "cancer_types",
    "stage",
    "outcome",
    "regulator",
    "trials",
    "scope",
    "milestone",
    "institutions",
    "people",
    "summary",
    "note",
    "builds_on",
    "status",
    "field_status",
    "journal",
    "paper_title",
    "citation",
    "authors",
    "doi",
    "pmid",
    "pmcid",
    "nct",
    "news_outlet",
    "news_headline",
    "news_date",
    "news_author",
    "news_url",
    "sources",
];

/// Columns without which no row could be valid; a file missing one is refused as a whole.
const REQUIRED: [&str; 6] = ["id", "title", "approaches", "stage", "summary", "status"];

/// Writes `studies` as CSV: a header row with [`COLUMNS`], then one row per study.
pub fn export_csv(studies: &[Study]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let rows = std::iter::once(COLUMNS.map(String::from)).chain(studies.iter().map(row));
    // Invariants: every row has COLUMNS.len() cells and the sink is a Vec, so neither writing
    // nor flushing can fail. The panics name no error value, which keeps the error types'
    // formatting code out of the wasm.
    for row in rows {
        if writer.write_record(&row).is_err() {
            unreachable!("writing a CSV row to memory cannot fail");
        }
    }
    let Ok(bytes) = writer.into_inner() else {
        unreachable!("flushing CSV to memory cannot fail");
    };
    String::from_utf8_lossy(&bytes).into_owned()
}

fn row(s: &Study) -> [String; 37] {
    let p = s.publication.clone().unwrap_or_default();
    let n = s.news.clone().unwrap_or_default();
    let date = |d: Option<PartialDate>| d.map(|d| d.iso()).unwrap_or_default();
    let slugs = |items: Vec<&str>| join(items.into_iter().map(|item| escape(item, false)));
    let texts = |items: &[String]| join(items.iter().map(|item| escape(item, false)));
    [
        s.id.clone(),
        s.title.clone(),
        s.label.clone().unwrap_or_default(),
        date(s.date),
        s.circa.to_string(),
        date(s.end_date),
        slugs(s.approaches.iter().map(|a| a.slug()).collect()),
        texts(&s.targets),
        texts(&s.drugs),
        slugs(s.cancer_types.iter().map(|c| c.slug()).collect()),
        s.stage.slug().to_owned(),
        s.outcome.map(|o| o.slug()).unwrap_or_default().to_owned(),
        s.regulator.map(|r| r.slug()).unwrap_or_default().to_owned(),
        join(s.trials.iter().map(trial_item)),
        s.scope.slug().to_owned(),
        s.milestone.to_string(),
        texts(&s.institutions),
        texts(&s.people),
        s.summary.clone(),
        s.note.clone().unwrap_or_default(),
        texts(&s.builds_on),
        s.status.slug().to_owned(),
        join(
            s.field_status
                .iter()
                .map(|(field, status)| escape(&format!("{field}={}", status.slug()), false)),
        ),
        p.journal.unwrap_or_default(),
        p.title.unwrap_or_default(),
        p.citation.unwrap_or_default(),
        texts(&p.authors),
        p.doi.unwrap_or_default(),
        p.pmid.unwrap_or_default(),
        p.pmcid.unwrap_or_default(),
        p.nct.unwrap_or_default(),
        n.outlet,
        n.headline,
        date(n.date),
        n.author.unwrap_or_default(),
        n.url.unwrap_or_default(),
        join(s.sources.iter().map(source_item)),
    ]
}

/// Reads a CSV file into raw records. A problem with the file as a whole (no usable header,
/// no rows, too many rows) refuses the file; a problem with one row stays with that row.
pub(super) fn read(file: &str, text: &str) -> Result<Vec<Parsed>, Vec<Problem>> {
    let refuse = |record: &str, message: String| {
        vec![Problem {
            file: file.to_owned(),
            record: record.to_owned(),
            field: String::new(),
            message,
        }]
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        // With `flexible` and text already checked to be UTF-8 the reader has no error to report;
        // these arms keep that an error value rather than a panic if it ever changes.
        Some(Err(_)) => return Err(refuse("row 1", "could not be read as CSV".to_owned())),
        None => return Err(refuse("", "the file is empty".to_owned())),
    };
    let columns = header_columns(&header).map_err(|message| refuse("row 1", message))?;
    let mut parsed = Vec::new();
    for (index, record) in records.enumerate() {
        let position = format!("row {}", index + 2);
        if parsed.len() == super::MAX_IMPORT_RECORDS {
            return Err(refuse(
                "",
                format!(
                    "the file holds more than {} rows; split it into smaller files",
                    super::MAX_IMPORT_RECORDS
                ),
            ));
        }
        match record {
            Err(_) => parsed.push(Parsed::unreadable(
                position,
                "could not be read as CSV".to_owned(),
            )),
            Ok(record) if record.iter().all(|cell| cell.trim().is_empty()) => {}
            Ok(record) if record.len() != columns.len() => parsed.push(Parsed::unreadable(
                position,
                format!(
                    "has {} cells but the header has {} columns",
                    record.len(),
                    columns.len()
                ),
            )),
            Ok(record) => {
                let mut cells = [""; COLUMNS.len()];
                for (&column, cell) in columns.iter().zip(record.iter()) {
                    cells[column] = cell.trim();
                }
                parsed.push(parse_row(position, &cells));
            }
        }
    }
    if parsed.is_empty() {
        return Err(refuse(
            "",
            "the file has a header row but no records".to_owned(),
        ));
    }
    Ok(parsed)
}

/// Maps each header cell to its index in [`COLUMNS`], or says what is wrong with the header.
fn header_columns(header: &csv::StringRecord) -> Result<Vec<usize>, String> {
    let names: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
    let unknown: Vec<String> = names
        .iter()
        .enumerate()
        .filter(|(_, name)| !COLUMNS.contains(&name.as_str()))
        .map(|(index, name)| match name.as_str() {
            "" => format!("column {} (it has no name)", index + 1),
            name => format!("`{name}`"),
        })
        .collect();
    if !unknown.is_empty() {
        return Err(format!(
            "unknown column(s) {}; the first row must name columns from: {}",
            unknown.join(", "),
            COLUMNS.join(", ")
        ));
    }
    let mut seen = Vec::new();
    for name in &names {
        if seen.contains(name) {
            return Err(format!("the column `{name}` appears twice"));
        }
        seen.push(name.clone());
    }
    let missing: Vec<String> = REQUIRED
        .iter()
        .filter(|required| !names.iter().any(|name| name == *required))
        .map(|name| format!("`{name}`"))
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "missing column(s) {}; every study needs {}",
            missing.join(", "),
            REQUIRED.join(", ")
        ));
    }
    Ok(names
        .iter()
        .filter_map(|name| COLUMNS.iter().position(|column| column == name))
        .collect())
}

/// Turns one row's cells (indexed like [`COLUMNS`], already trimmed) into a raw record.
fn parse_row(position: String, cells: &[&str; COLUMNS.len()]) -> Parsed {
    let mut problems = Vec::new();
    let get = |name: &str| {
        COLUMNS
            .iter()
            .position(|column| *column == name)
            .map_or("", |index| cells[index])
    };
    let text = |name: &str| Some(get(name).to_owned()).filter(|value| !value.is_empty());
    let list = |name: &str| items(get(name)).iter().map(|item| unescape(item)).collect();
    let mut flag = |name: &str| match get(name).to_lowercase().as_str() {
        "" | "false" | "no" | "0" => false,
        "true" | "yes" | "1" => true,
        other => {
            problems.push((name.to_owned(), format!("`{other}` is not true or false")));
            false
        }
    };
    let circa = flag("circa");
    let milestone = flag("milestone");
    let mut field_status = BTreeMap::new();
    for item in items(get("field_status")) {
        match unescape(item).split_once('=') {
            Some((field, status)) => {
                let field = field.trim().to_owned();
                if field_status.contains_key(&field) {
                    problems.push(("field_status".into(), format!("`{field}` is given twice")));
                }
                field_status.insert(field, status.trim().to_owned());
            }
            None => problems.push((
                "field_status".into(),
                format!("`{}` should be written field=status", unescape(item)),
            )),
        }
    }
    let sources = items(get("sources"))
        .into_iter()
        .filter_map(|item| match source(item) {
            Ok(source) => Some(source),
            Err(message) => {
                problems.push(("sources".into(), message));
                None
            }
        })
        .collect();
    let trials = items(get("trials"))
        .into_iter()
        .filter_map(|item| match trial(item) {
            Ok(trial) => Some(trial),
            Err(message) => {
                problems.push(("trials".into(), message));
                None
            }
        })
        .collect();
    let publication = RawPublication {
        journal: text("journal"),
        title: text("paper_title"),
        citation: text("citation"),
        authors: list("authors"),
        doi: text("doi"),
        pmid: text("pmid"),
        pmcid: text("pmcid"),
        nct: text("nct"),
    };
    let news = RawNews {
        outlet: text("news_outlet"),
        headline: text("news_headline"),
        date: text("news_date"),
        author: text("news_author"),
        url: text("news_url"),
    };
    let raw = RawStudy {
        id: text("id"),
        title: text("title"),
        label: text("label"),
        date: text("date"),
        circa,
        end_date: text("end_date"),
        approaches: list("approaches"),
        targets: list("targets"),
        drugs: list("drugs"),
        cancer_types: list("cancer_types"),
        stage: text("stage"),
        outcome: text("outcome"),
        regulator: text("regulator"),
        trials,
        scope: text("scope"),
        milestone,
        institutions: list("institutions"),
        people: list("people"),
        publication: (publication != RawPublication::default()).then_some(publication),
        news: (news != RawNews::default()).then_some(news),
        summary: text("summary"),
        note: text("note"),
        builds_on: list("builds_on"),
        status: text("status"),
        field_status,
        sources,
    };
    Parsed {
        position,
        id: raw.id.clone(),
        raw: Some(raw),
        problems,
    }
}
