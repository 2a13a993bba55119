//! Importing a user's file: checks on the bytes, format detection, and validation of every record
//! with the bundled dataset's rules, into a report that keeps valid and invalid records apart.

use super::{json, tabular};
use crate::data::validate::{RawStudy, validate_one};
use crate::data::{Problem, Study};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// The largest file accepted, in bytes (5 MB). Larger files are refused before they are parsed.
pub const MAX_IMPORT_BYTES: usize = 5_000_000;
/// The most records one file may hold.
pub const MAX_IMPORT_RECORDS: usize = 10_000;

/// The file formats `import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Format {
    Csv,
    Json,
}

/// Everything an import found: the records that passed, those that did not and why, and
/// whether the file could be read at all.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportReport {
    pub file_name: String,
    /// The detected format; `None` when the bytes were refused before parsing.
    pub format: Option<Format>,
    /// Things accepted with a remark the user should see (a stripped byte-order mark).
    pub notes: Vec<String>,
    /// Problems with the file as a whole. When any is present nothing can be imported.
    pub refused: Vec<Problem>,
    /// Records that passed every check, in file order.
    pub valid: Vec<Study>,
    /// Records that did not, in file order, each with all of its problems.
    pub invalid: Vec<Rejected>,
}

/// One record that cannot be imported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rejected {
    /// Where it is in the file: `row N` in a CSV (the header is row 1) or `record N` in JSON.
    pub position: String,
    /// Its id, when it has one.
    pub id: Option<String>,
    /// Every problem; each names the record by its id (or its position) and the field.
    pub problems: Vec<Problem>,
}

impl ImportReport {
    /// Whether the whole file passed: readable, with at least one record and no invalid ones.
    pub fn is_clean(&self) -> bool {
        self.refused.is_empty() && self.invalid.is_empty() && !self.valid.is_empty()
    }

    /// Whether importing only the valid records is possible (the user must choose it).
    pub fn can_import_valid_part(&self) -> bool {
        self.refused.is_empty() && !self.valid.is_empty()
    }

    /// How many records the file held.
    pub fn total(&self) -> usize {
        self.valid.len() + self.invalid.len()
    }

    /// Every problem: the file's, then each invalid record's.
    pub fn problems(&self) -> impl Iterator<Item = &Problem> {
        self.refused
            .iter()
            .chain(self.invalid.iter().flat_map(|r| &r.problems))
    }

    /// One sentence for people: "48 of 50 records are valid; 2 have problems."
    pub fn summary(&self) -> String {
        if !self.refused.is_empty() {
            return format!("{} cannot be imported.", self.file_name);
        }
        let (valid, total) = (self.valid.len(), self.total());
        match (self.invalid.len(), total) {
            (0, 1) => "The record is valid.".to_owned(),
            (0, _) => format!("All {total} records are valid."),
            (_, 1) => "The record has problems.".to_owned(),
            (1, _) => format!("{valid} of {total} records are valid; 1 has problems."),
            (bad, _) => format!("{valid} of {total} records are valid; {bad} have problems."),
        }
    }
}

/// One record as a reader found it, before validation.
pub(super) struct Parsed {
    pub position: String,
    pub id: Option<String>,
    /// `None` when the record's shape was unusable (wrong number of cells, wrong JSON types).
    pub raw: Option<RawStudy>,
    /// Problems the reader found, as (field, message).
    pub problems: Vec<(String, String)>,
}

impl Parsed {
    pub fn unreadable(position: String, message: String) -> Self {
        Self {
            position,
            id: None,
            raw: None,
            problems: vec![(String::new(), message)],
        }
    }
}

/// Reads a user's file (CSV or JSON, detected from the content) and validates every record.
///
/// `existing_ids` says whether an id is already taken by a bundled record: such records are
/// refused (ids are permanent), but imported records may build on bundled ones.
pub fn import(file_name: &str, bytes: &[u8], existing_ids: &dyn Fn(&str) -> bool) -> ImportReport {
    let mut report = ImportReport {
        file_name: file_name.to_owned(),
        format: None,
        notes: Vec::new(),
        refused: Vec::new(),
        valid: Vec::new(),
        invalid: Vec::new(),
    };
    let text = match text_of(bytes) {
        Ok((text, notes)) => {
            report.notes = notes;
            text
        }
        Err(message) => {
            report.refused.push(file_problem(file_name, message));
            return report;
        }
    };
    let format = detect(file_name, text);
    report.format = Some(format);
    let parsed = match format {
        Format::Csv => tabular::read(file_name, text),
        Format::Json => json::read(file_name, text, &json::STUDIES),
    };
    match parsed {
        Ok(parsed) => (report.valid, report.invalid) = check(file_name, parsed, Some(existing_ids)),
        Err(problems) => report.refused = problems,
    }
    report
}

/// JSON when the first character that is not white space opens an object or array (or the
/// name says `.json`, so that a broken JSON file gets JSON's error messages); CSV otherwise.
fn detect(file_name: &str, text: &str) -> Format {
    let opens_json = text.trim_start().starts_with(['{', '[']);
    if opens_json || file_name.to_lowercase().ends_with(".json") {
        Format::Json
    } else {
        Format::Csv
    }
}

/// The file's text, or why it is not text this app can read. Notes say what was accepted.
fn text_of(bytes: &[u8]) -> Result<(&str, Vec<String>), String> {
    if bytes.len() > MAX_IMPORT_BYTES {
        // Tenths of a megabyte in integers: float formatting would add kilobytes to the wasm.
        let tenths = bytes.len().div_ceil(100_000);
        return Err(format!(
            "the file is {}.{} MB; files over {} MB are refused",
            tenths / 10,
            tenths % 10,
            MAX_IMPORT_BYTES / 1_000_000
        ));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err("the file is UTF-16 text; save it as UTF-8 and import it again".to_owned());
    }
    if bytes.contains(&0) {
        return Err(
            "the file looks binary (it contains NUL bytes), not CSV or JSON text".to_owned(),
        );
    }
    let mut notes = Vec::new();
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => {
            notes.push("A UTF-8 byte-order mark at the start of the file was ignored.".to_owned());
            rest
        }
        None => bytes,
    };
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let line = bytes[..error.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
        format!(
            "the file is not UTF-8 text (line {line} has bytes that are not valid UTF-8); save it as UTF-8"
        )
    })?;
    if text.trim().is_empty() {
        return Err("the file is empty".to_owned());
    }
    Ok((text, notes))
}

fn file_problem(file: &str, message: String) -> Problem {
    Problem {
        file: file.to_owned(),
        record: String::new(),
        field: String::new(),
        message,
    }
}

/// Validates parsed records: each on its own with `validate_one` (the bundled data's rules), then
/// the rules between records (unique ids, links that resolve). `validate_all` is not used for the
/// second step because it knows only the records it is given, so it would call every link to a
/// bundled record dangling. With `existing_ids`, ids may not clash with bundled records
/// and links may point at them; without it (stored imports) clashes and links are not checked,
/// because the bundled ids are the caller's to compare.
pub(super) fn check(
    file: &str,
    parsed: Vec<Parsed>,
    existing_ids: Option<&dyn Fn(&str) -> bool>,
) -> (Vec<Study>, Vec<Rejected>) {
    let in_file: HashSet<String> = parsed.iter().filter_map(|p| p.id.clone()).collect();
    let mut first_at: HashMap<String, String> = HashMap::new();
    let mut checked: Vec<(Rejected, Option<Study>)> = Vec::new();
    for (index, record) in parsed.into_iter().enumerate() {
        let label = record.id.clone().unwrap_or_else(|| record.position.clone());
        let at = |field: &str, message: String| Problem {
            file: file.to_owned(),
            record: label.clone(),
            field: field.to_owned(),
            message,
        };
        let mut problems: Vec<Problem> = record
            .problems
            .iter()
            .map(|(field, message)| at(field, message.clone()))
            .collect();
        let study = record.raw.as_ref().and_then(|raw| {
            let (study, found) = validate_one(file, index, raw);
            problems.extend(found.into_iter().map(|p| at(&p.field, p.message)));
            study
        });
        if let Some(id) = &record.id {
            if let Some(first) = first_at.get(id) {
                problems.push(at(
                    "id",
                    format!("the id `{id}` is used twice in this file (first in {first}); ids must be unique"),
                ));
            } else {
                first_at.insert(id.clone(), record.position.clone());
            }
            if existing_ids.is_some_and(|taken| taken(id)) {
                problems.push(at(
                    "id",
                    format!(
                        "`{id}` is already the id of a record in the timeline; ids are permanent, so give this record a new id"
                    ),
                ));
            }
        }
        let rejected = Rejected {
            position: record.position,
            id: record.id,
            problems,
        };
        checked.push((rejected, study));
    }
    if let Some(existing) = existing_ids {
        check_links(file, &mut checked, &in_file, existing);
    }
    let mut valid = Vec::new();
    let mut invalid = Vec::new();
    for (rejected, study) in checked {
        match study {
            Some(study) if rejected.problems.is_empty() => valid.push(study),
            _ => invalid.push(rejected),
        }
    }
    (valid, invalid)
}

/// Reports `builds_on` links that point at no record, or at a record that is itself invalid,
/// repeating until no more records drop out (a chain of links fails together).
fn check_links(
    file: &str,
    checked: &mut [(Rejected, Option<Study>)],
    in_file: &HashSet<String>,
    existing: &dyn Fn(&str) -> bool,
) {
    loop {
        let valid: HashSet<String> = checked
            .iter()
            .filter(|(rejected, study)| study.is_some() && rejected.problems.is_empty())
            .filter_map(|(_, study)| study.as_ref().map(|s| s.id.clone()))
            .collect();
        let mut dropped = false;
        for (rejected, study) in checked.iter_mut() {
            let Some(study) = study.as_ref().filter(|_| rejected.problems.is_empty()) else {
                continue;
            };
            for target in &study.builds_on {
                let message = if valid.contains(target) || existing(target) {
                    continue;
                } else if in_file.contains(target) {
                    format!("`{target}` has problems of its own, so this link cannot be kept")
                } else {
                    format!(
                        "`{target}` is not the id of any record in this file or in the timeline"
                    )
                };
                rejected.problems.push(Problem {
                    file: file.to_owned(),
                    record: study.id.clone(),
                    field: "builds_on".to_owned(),
                    message,
                });
                dropped = true;
            }
        }
        if !dropped {
            return;
        }
    }
}
