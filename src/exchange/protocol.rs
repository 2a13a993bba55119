//! The messages between the app and its import/export worker.
//!
//! Reading and writing files (CSV, JSON, BibTeX, RIS, the stored-imports envelope), validating
//! imported records and drawing the view as an SVG picture is a quarter of the app's code, and a visitor may never use it. So the app
//! does none of it: a second, small wasm (`src/exchange_worker.rs`, run in a Web Worker and
//! downloaded the first time it is needed) calls [`handle`] with a [`Request`], and the app
//! decodes the [`Reply`]. Both sides are compiled from this file, and the messages are postcard,
//! like the bundled records, so the app needs no JSON or CSV code at all.
//!
//! Plain Rust, no browser access: `tests/exchange/protocol.rs` checks the round trips natively.

use super::picture::Picture;
use super::{ImportReport, StoredError};
use crate::data::Study;
use serde::{Deserialize, Serialize};

/// Changes whenever [`Request`] or [`Reply`] does. The worker's files are not content-hashed
/// (it is started by name), so a page and a worker from different deployments can meet; they
/// then refuse each other in words instead of misreading bytes.
pub const PROTOCOL: u32 = 3;

/// What the app says when the worker answers a request with the reply to another kind.
pub const UNEXPECTED: &str = "the import/export helper gave an unexpected answer";

/// The file formats an export writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportFormat {
    Csv,
    Json,
    Bibtex,
    Ris,
}

impl ExportFormat {
    /// The MIME type and the file name extension.
    pub fn file_type(self) -> (&'static str, &'static str) {
        match self {
            Self::Csv => ("text/csv", "csv"),
            Self::Json => ("application/json", "json"),
            Self::Bibtex => ("application/x-bibtex", "bib"),
            Self::Ris => ("application/x-research-info-systems", "ris"),
        }
    }
}

/// What the app asks of the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Read and validate a user's file ([`super::import`]). `taken_ids` are the ids already in
    /// use (bundled and imported), sorted.
    Import {
        file_name: String,
        bytes: Vec<u8>,
        taken_ids: Vec<String>,
    },
    /// Write `studies` in `format`; JSON names `dataset_version`.
    Export {
        format: ExportFormat,
        studies: Vec<Study>,
        dataset_version: String,
    },
    /// The stored-imports text for `studies` ([`super::encode_stored`]).
    EncodeStored { studies: Vec<Study> },
    /// Read stored imports back ([`super::decode_stored`]).
    DecodeStored { text: String },
    /// Draw the view as an SVG document ([`super::picture::svg`]).
    Picture(Picture),
}

/// The worker's answer to each [`Request`], in the same order of variants.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    Import(ImportReport),
    Export(String),
    EncodeStored(String),
    DecodeStored(Result<Vec<Study>, StoredError>),
    Picture(String),
}

/// Encodes a request for the worker.
pub fn encode_request(request: &Request) -> Vec<u8> {
    // Invariant: postcard can fail only on types serde cannot describe without a length, and
    // every type here derives its serde impls.
    postcard::to_allocvec(&(PROTOCOL, request))
        .unwrap_or_else(|_| unreachable!("requests always encode"))
}

/// Decodes the worker's answer to a request; `Err` says, for people, why there is none.
pub fn decode_reply(bytes: &[u8]) -> Result<Reply, String> {
    match postcard::from_bytes::<(u32, Result<Reply, String>)>(bytes) {
        Ok((PROTOCOL, reply)) => reply,
        Ok(_) => Err(MISMATCH.to_owned()),
        Err(_) => Err("the import/export helper sent an answer this page cannot read".to_owned()),
    }
}

const MISMATCH: &str =
    "the import/export helper is from another version of the app; reload the page";

/// Answers one encoded request (the worker's only job). Never panics: a request it cannot read
/// gets an `Err` reply.
pub fn handle(message: &[u8]) -> Vec<u8> {
    let reply = match postcard::from_bytes::<(u32, Request)>(message) {
        Ok((PROTOCOL, request)) => Ok(answer(request)),
        Ok(_) => Err(MISMATCH.to_owned()),
        Err(_) => Err("the import/export helper could not read the request".to_owned()),
    };
    postcard::to_allocvec(&(PROTOCOL, reply)).unwrap_or_else(|_| unreachable!("replies encode"))
}

fn answer(request: Request) -> Reply {
    match request {
        Request::Import {
            file_name,
            bytes,
            taken_ids,
        } => Reply::Import(super::import(&file_name, &bytes, &|id| {
            taken_ids
                .binary_search_by(|taken| taken.as_str().cmp(id))
                .is_ok()
        })),
        Request::Export {
            format,
            studies,
            dataset_version,
        } => Reply::Export(match format {
            ExportFormat::Csv => super::export_csv(&studies),
            ExportFormat::Json => super::export_json(&studies, &dataset_version),
            ExportFormat::Bibtex => super::bibtex(&studies).text,
            ExportFormat::Ris => super::ris(&studies).text,
        }),
        Request::EncodeStored { studies } => Reply::EncodeStored(super::encode_stored(&studies)),
        Request::DecodeStored { text } => Reply::DecodeStored(super::decode_stored(&text)),
        Request::Picture(picture) => Reply::Picture(super::picture::svg(&picture)),
    }
}
