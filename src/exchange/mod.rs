//! Taking the data out and bringing your own: CSV, JSON and citation export, the view as an SVG
//! picture (`picture`), file import, and the envelope in which imported records are kept between
//! visits.
//!
//! Plain Rust with no browser access (no Leptos, web-sys or gloo): the UI hands in bytes, a
//! permalink and today's date, and gets text and reports back. Import follows the two-stage parse
//! of `STYLE.md`: a reader (`tabular` for CSV, `json` for JSON) turns the file into raw records
//! close to their file form, then `import` holds every record to the same
//! [`crate::data::validate`] rules as the bundled dataset.
//!
//! Decisions worth knowing:
//! - The format is detected from the content (`{` or `[` first means JSON), not the extension.
//! - A UTF-8 byte-order mark is accepted and stripped, and the report says so; UTF-16, NUL bytes
//!   and invalid UTF-8 are refused.
//! - Nothing is imported partially by accident: the report separates `valid` from `invalid`
//!   records, and [`ImportReport::is_clean`] says whether the whole file passed.
//! - Imported records may build on bundled records, but may not reuse their ids.

mod cells;
mod cite;
mod import;
mod json;
pub mod picture;
pub mod protocol;
mod stored;
mod tabular;

pub use cite::{Citations, ViewCitation, bibtex, cite_view, ris};
pub use import::{Format, ImportReport, MAX_IMPORT_BYTES, MAX_IMPORT_RECORDS, Rejected, import};
pub use json::{SCHEMA, VERSION, export_json};
pub use stored::{STORED_SCHEMA, STORED_VERSION, StoredError, decode_stored, encode_stored};
pub use tabular::{COLUMNS, export_csv};
