//! The form in which imported records are kept between visits (the UI puts the text in browser
//! storage): JSON in a versioned envelope, re-validated on every read because stored text can be
//! cut short, edited by hand, or written by an older or newer app.

use super::import::check;
use super::json::{self, Envelope};
use crate::data::{Problem, Study};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The `schema` of stored imports.
pub const STORED_SCHEMA: &str = "immunotimeline/import";
/// The `version` of [`STORED_SCHEMA`] this app writes and reads.
pub const STORED_VERSION: u64 = 1;

const STORED: Envelope = Envelope {
    schema: STORED_SCHEMA,
    version: STORED_VERSION,
    extra_keys: &[],
    bare_array: false,
    file_limits: false,
};

/// The file name problems carry when they come from stored imports.
const STORED_FILE: &str = "stored imports";

/// Why stored imports could not be read back (in full).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum StoredError {
    /// The text is not stored imports at all: not JSON, cut short, or the wrong shape.
    Corrupted(Problem),
    /// Written by a version of the app whose format this one does not know.
    UnknownVersion(Problem),
    /// Some records no longer pass validation (the rules may have changed since they were
    /// imported). `kept` holds the ones that still do, for the UI to offer keeping.
    Invalid {
        problems: Vec<Problem>,
        kept: Vec<Study>,
    },
    /// Not read at all, for the reason given (the import/export worker did not load); the text
    /// is still in storage and must not be overwritten.
    Unread(String),
}

impl fmt::Display for StoredError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Corrupted(problem) => {
                write!(
                    f,
                    "The imported records saved in this browser are damaged: {problem}"
                )
            }
            Self::UnknownVersion(problem) => write!(
                f,
                "The imported records saved in this browser were written by another version of the app: {problem}"
            ),
            Self::Unread(why) => write!(
                f,
                "The imported records saved in this browser could not be read this time, because {why}; they are still saved"
            ),
            Self::Invalid { problems, kept } => {
                // Distinct records, counted with the app's one sort (a `BTreeSet` here brought
                // its own copy of the standard sort into the app's wasm).
                let mut records: Vec<&str> = problems.iter().map(|p| p.record.as_str()).collect();
                crate::order::sort_by(&mut records, Ord::cmp);
                records.dedup();
                write!(
                    f,
                    "{} saved imported record(s) no longer pass the checks ({} problem(s)); {} still do",
                    records.len(),
                    problems.len(),
                    kept.len()
                )
            }
        }
    }
}

#[derive(Serialize)]
struct Stored<'a> {
    schema: &'static str,
    version: u64,
    studies: &'a [Study],
}

/// Writes imported records in the stored envelope (compact JSON).
pub fn encode_stored(studies: &[Study]) -> String {
    let stored = Stored {
        schema: STORED_SCHEMA,
        version: STORED_VERSION,
        studies,
    };
    // Invariant: `Study` derives `Serialize` and its maps have string keys, so this cannot fail.
    serde_json::to_string(&stored)
        .unwrap_or_else(|_| unreachable!("studies always serialise to JSON"))
}

/// Reads stored imports back, validating every record again. Never panics: damaged text, an
/// unknown version and records that no longer validate are each an error value.
///
/// Links to bundled records and clashes with bundled ids are not checked here (the caller knows
/// the bundled ids); duplicates within the stored records are.
pub fn decode_stored(text: &str) -> Result<Vec<Study>, StoredError> {
    if text.trim().is_empty() {
        return Err(StoredError::Corrupted(Problem {
            file: STORED_FILE.to_owned(),
            record: String::new(),
            field: String::new(),
            message: "the stored text is empty".to_owned(),
        }));
    }
    let parsed = match json::read(STORED_FILE, text, &STORED) {
        Ok(parsed) => parsed,
        Err(mut problems) => {
            // `json::read` refuses with exactly one problem; the fallback keeps this total.
            let problem = problems.pop().unwrap_or_else(|| Problem {
                file: STORED_FILE.to_owned(),
                record: String::new(),
                field: String::new(),
                message: "the stored text could not be read".to_owned(),
            });
            return Err(if problem.field == "version" {
                StoredError::UnknownVersion(problem)
            } else {
                StoredError::Corrupted(problem)
            });
        }
    };
    let (kept, invalid) = check(STORED_FILE, parsed, None);
    if invalid.is_empty() {
        Ok(kept)
    } else {
        Err(StoredError::Invalid {
            problems: invalid.into_iter().flat_map(|r| r.problems).collect(),
            kept,
        })
    }
}
