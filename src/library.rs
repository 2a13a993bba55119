//! The records the app shows: the bundled dataset plus what the user imported on this device, and
//! the searchable view of them for each "hide" choice (everything, bundled only, imported only).
//!
//! A library is immutable: importing or removing records makes a new one, so a view that is on
//! screen never changes under the reader. Views are built lazily and kept.

use crate::data::{Dataset, Problem, Study};
use crate::exchange::{self, StoredError};
use crate::search::SearchIndex;
use crate::view_state::RecordSet;
use std::collections::HashSet;
use std::sync::{Arc, OnceLock};

/// One searchable set of records: what the list, timeline and facets are drawn from.
#[derive(Debug)]
pub struct Catalog {
    /// Shared with the library when it is the bundled records alone, so 100k records are not
    /// held twice.
    pub dataset: Arc<Dataset>,
    pub index: SearchIndex,
    imported: Vec<bool>,
}

impl Catalog {
    /// The bundled records (or none) plus `imported`.
    fn new(bundled: Option<&Arc<Dataset>>, version: &str, imported: &[Study]) -> Self {
        let imported_ids: HashSet<&str> = imported.iter().map(|s| s.id.as_str()).collect();
        let dataset = match bundled {
            Some(bundled) if imported.is_empty() => Arc::clone(bundled),
            _ => Arc::new(Dataset::new(
                version.to_owned(),
                bundled
                    .map_or(&[][..], |b| &b.studies[..])
                    .iter()
                    .chain(imported)
                    .cloned()
                    .collect(),
            )),
        };
        let index = SearchIndex::build(&dataset.studies);
        let imported = dataset
            .studies
            .iter()
            .map(|s| imported_ids.contains(s.id.as_str()))
            .collect();
        Self {
            dataset,
            index,
            imported,
        }
    }

    /// Whether the record at `index` came from the user's import.
    pub fn is_imported(&self, index: usize) -> bool {
        self.imported.get(index).copied().unwrap_or(false)
    }
}

/// Bundled and imported records, with the problems met while loading them.
#[derive(Debug)]
pub struct Library {
    bundled: Arc<Dataset>,
    imported: Vec<Study>,
    /// Problems with the bundled data or the stored import, to show once at start-up.
    pub problems: Vec<Problem>,
    views: [OnceLock<Arc<Catalog>>; 3],
}

impl Library {
    /// The bundled records plus the stored import (`stored`, as written by [`Library::stored`]).
    /// A corrupted or outdated stored import is reported and left out; it never stops the app.
    pub fn new(bundled: Dataset, stored: Option<&str>, mut problems: Vec<Problem>) -> Self {
        let mut imported = Vec::new();
        match stored.map(exchange::decode_stored) {
            None => {}
            Some(Ok(studies)) => imported = studies,
            Some(Err(StoredError::Invalid {
                problems: found,
                kept,
            })) => {
                problems.extend(found);
                imported = kept;
            }
            Some(Err(error)) => problems.push(Problem {
                file: "stored import".into(),
                record: String::new(),
                field: String::new(),
                message: format!("{error}; the imported records were not loaded"),
            }),
        }
        let bundled_ids: HashSet<&str> = bundled.studies.iter().map(|s| s.id.as_str()).collect();
        let (kept, clashing): (Vec<Study>, Vec<Study>) = imported
            .into_iter()
            .partition(|s| !bundled_ids.contains(s.id.as_str()));
        problems.extend(clashing.iter().map(|s| Problem {
            file: "stored import".into(),
            record: s.id.clone(),
            field: "id".into(),
            message: "is now the id of a bundled record, so the imported one was left out".into(),
        }));
        Self {
            bundled: Arc::new(bundled),
            imported: kept,
            problems,
            views: Default::default(),
        }
    }

    /// The searchable records with `hide` applied.
    pub fn catalog(&self, hide: Option<RecordSet>) -> Arc<Catalog> {
        let slot = match hide {
            None => 0,
            Some(RecordSet::Imported) => 1,
            Some(RecordSet::Bundled) => 2,
        };
        self.views[slot]
            .get_or_init(|| {
                let (bundled, imported): (Option<&Arc<Dataset>>, &[Study]) = match hide {
                    None => (Some(&self.bundled), &self.imported),
                    Some(RecordSet::Imported) => (Some(&self.bundled), &[]),
                    Some(RecordSet::Bundled) => (None, &self.imported),
                };
                Arc::new(Catalog::new(bundled, self.version(), imported))
            })
            .clone()
    }

    /// The version of the bundled data (links carry it; imports are this device's own).
    pub fn version(&self) -> &str {
        &self.bundled.version
    }

    pub fn bundled_count(&self) -> usize {
        self.bundled.studies.len()
    }

    pub fn imported(&self) -> &[Study] {
        &self.imported
    }

    /// Whether any record, bundled or imported, has this id.
    pub fn has_id(&self, id: &str) -> bool {
        self.bundled.index_of(id).is_some() || self.imported.iter().any(|s| s.id == id)
    }

    /// A new library with `more` imported records added (they were validated by the import).
    pub fn with_imported(&self, more: Vec<Study>) -> Self {
        let mut imported = self.imported.clone();
        imported.extend(more);
        self.replaced(imported)
    }

    /// A new library without imported records.
    pub fn without_imported(&self) -> Self {
        self.replaced(Vec::new())
    }

    fn replaced(&self, imported: Vec<Study>) -> Self {
        Self {
            bundled: Arc::clone(&self.bundled),
            imported,
            problems: Vec::new(),
            views: Default::default(),
        }
    }

    /// The imported records in the stored form, for keeping on this device.
    pub fn stored(&self) -> String {
        exchange::encode_stored(&self.imported)
    }
}
