//! The dataset's own JSON: the records, with the field names of the TOML source files, inside an
//! envelope that names the schema and its version.
//!
//! Reading parses the whole text to a `serde_json::Value` first and then turns each element of
//! `studies` into a raw record on its own, so one bad record never hides another's problems.

use super::import::Parsed;
use crate::data::validate::RawStudy;
use crate::data::{Problem, Study};
use serde::Serialize;
use serde_json::{Map, Value};

/// The `schema` of an exported dataset file.
pub const SCHEMA: &str = "immunotimeline/studies";
/// The `version` of [`SCHEMA`] this app writes and reads.
pub const VERSION: u64 = 1;

/// What a JSON document must declare to be read: its schema, version and envelope keys.
pub(super) struct Envelope {
    pub schema: &'static str,
    pub version: u64,
    /// Keys the envelope may hold besides `schema`, `version` and `studies`.
    pub extra_keys: &'static [&'static str],
    /// Whether a bare array of records (no envelope) is accepted too.
    pub bare_array: bool,
    /// Whether an import file's limits apply: at least one record, at most
    /// [`super::MAX_IMPORT_RECORDS`]. Stored imports may be empty or gathered from many files.
    pub file_limits: bool,
}

/// The envelope of an exported dataset file.
pub(super) const STUDIES: Envelope = Envelope {
    schema: SCHEMA,
    version: VERSION,
    extra_keys: &["dataset_version"],
    bare_array: true,
    file_limits: true,
};

#[derive(Serialize)]
struct Export<'a> {
    schema: &'static str,
    version: u64,
    dataset_version: &'a str,
    studies: &'a [Study],
}

/// Writes `studies` as pretty-printed JSON in the [`SCHEMA`] envelope.
pub fn export_json(studies: &[Study], dataset_version: &str) -> String {
    let export = Export {
        schema: SCHEMA,
        version: VERSION,
        dataset_version,
        studies,
    };
    // Invariant: `Study` derives `Serialize` and every map in it has string keys, so none of the
    // ways serde_json serialisation can fail applies. (No error value in the panic: that keeps
    // its formatting code out of the wasm.)
    serde_json::to_string_pretty(&export)
        .unwrap_or_else(|_| unreachable!("studies always serialise to JSON"))
}

/// Reads the records of a JSON document declared by `envelope`. A problem with the document as
/// a whole (not JSON, wrong schema or version, no records) refuses it.
pub(super) fn read(
    file: &str,
    text: &str,
    envelope: &Envelope,
) -> Result<Vec<Parsed>, Vec<Problem>> {
    let refuse = |record: String, field: &str, message: String| {
        vec![Problem {
            file: file.to_owned(),
            record,
            field: field.to_owned(),
            message,
        }]
    };
    let document: Value = serde_json::from_str(text).map_err(|error| {
        let message = match error.classify() {
            serde_json::error::Category::Eof => {
                format!("the file ends before the JSON does (was it cut off?): {error}")
            }
            _ => format!("is not valid JSON: {error}"),
        };
        refuse(format!("line {}", error.line()), "", message)
    })?;
    let records = match document {
        Value::Array(records) if envelope.bare_array => records,
        Value::Object(object) => studies_of(object, envelope)
            .map_err(|(field, message)| refuse(String::new(), field, message))?,
        other => {
            let expected = if envelope.bare_array {
                "an object with `schema` and `studies`, or an array of studies"
            } else {
                "an object with `schema` and `studies`"
            };
            return Err(refuse(
                String::new(),
                "",
                format!("the file holds {}, not {expected}", kind(&other)),
            ));
        }
    };
    if envelope.file_limits && records.is_empty() {
        return Err(refuse(
            String::new(),
            "studies",
            "holds no studies".to_owned(),
        ));
    }
    if envelope.file_limits && records.len() > super::MAX_IMPORT_RECORDS {
        return Err(refuse(
            String::new(),
            "studies",
            format!(
                "holds {} records; the limit is {}, so split the file",
                records.len(),
                super::MAX_IMPORT_RECORDS
            ),
        ));
    }
    Ok(records
        .into_iter()
        .enumerate()
        .map(|(index, value)| record(format!("record {}", index + 1), value))
        .collect())
}

/// Checks the envelope and takes out its `studies`, or names the key that is wrong.
fn studies_of(
    mut object: Map<String, Value>,
    envelope: &Envelope,
) -> Result<Vec<Value>, (&'static str, String)> {
    let unknown: Vec<String> = object
        .keys()
        .filter(|key| {
            !["schema", "version", "studies"].contains(&key.as_str())
                && !envelope.extra_keys.contains(&key.as_str())
        })
        .map(|key| format!("`{key}`"))
        .collect();
    if !unknown.is_empty() {
        return Err((
            "",
            format!(
                "unknown key(s) {} in the file's envelope; it may hold schema, version, studies{}",
                unknown.join(", "),
                envelope
                    .extra_keys
                    .iter()
                    .map(|key| format!(", {key}"))
                    .collect::<String>()
            ),
        ));
    }
    match object.get("schema") {
        Some(Value::String(schema)) if schema == envelope.schema => {}
        Some(Value::String(schema)) => {
            return Err((
                "schema",
                format!(
                    "`{}` is not a file this app reads; it reads `{}`",
                    schema.chars().take(100).collect::<String>(),
                    envelope.schema
                ),
            ));
        }
        Some(other) => return Err(("schema", format!("is {}, not text", kind(other)))),
        None => {
            return Err((
                "schema",
                format!(
                    "is missing; a file this app reads says `\"schema\": \"{}\"`",
                    envelope.schema
                ),
            ));
        }
    }
    match object.get("version") {
        Some(Value::Number(number)) if number.as_u64() == Some(envelope.version) => {}
        Some(Value::Number(number)) => {
            return Err((
                "version",
                format!(
                    "version {number} of `{}` is not one this app understands (it reads version {}); \
                     export the file again or update the app",
                    envelope.schema, envelope.version
                ),
            ));
        }
        Some(other) => return Err(("version", format!("is {}, not a number", kind(other)))),
        None => return Err(("version", "is missing".to_owned())),
    }
    match object.remove("studies") {
        Some(Value::Array(records)) => Ok(records),
        Some(other) => Err((
            "studies",
            format!("is {}, not a list of studies", kind(&other)),
        )),
        None => Err(("studies", "is missing".to_owned())),
    }
}

/// Turns one element of `studies` into a raw record. When the element does not fit, each of its
/// keys is tried on its own so that every wrong key is named, not only the first.
fn record(position: String, value: Value) -> Parsed {
    let id = value
        .get("id")
        .and_then(Value::as_str)
        .filter(|id| !id.is_empty())
        .map(str::to_owned);
    let Value::Object(object) = value else {
        return Parsed::unreadable(position, format!("is {}, not a study object", kind(&value)));
    };
    match serde_json::from_value::<RawStudy>(Value::Object(object.clone())) {
        Ok(raw) => Parsed {
            position,
            id,
            raw: Some(raw),
            problems: Vec::new(),
        },
        Err(whole) => {
            let mut problems: Vec<(String, String)> = object
                .into_iter()
                .filter_map(|(key, value)| {
                    let alone = Value::Object(Map::from_iter([(key.clone(), value)]));
                    let error = serde_json::from_value::<RawStudy>(alone).err()?;
                    Some((key, plain(&error.to_string())))
                })
                .collect();
            if problems.is_empty() {
                problems.push((String::new(), plain(&whole.to_string())));
            }
            Parsed {
                position,
                id,
                raw: None,
                problems,
            }
        }
    }
}

/// Shortens serde's "unknown field `x`, expected one of …" (a list of every field) to its point.
fn plain(message: &str) -> String {
    match message.split_once(", expected one of") {
        Some((unknown, _)) if unknown.starts_with("unknown field") => {
            format!("{unknown} (not part of a study)")
        }
        _ => message.to_owned(),
    }
}

/// Says what kind of JSON value `value` is, for messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
