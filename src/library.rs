//! The records the app shows: the bundled dataset plus what the user imported on this device, and
//! the searchable view of them for each "hide" choice (everything, bundled only, imported only).
//!
//! A library is immutable: importing or removing records makes a new one, so a view that is on
//! screen never changes under the reader. Views are built lazily and kept.
//!
//! Indexing the text of many records takes seconds, so a large view is first given without its
//! text (filters, facets and the timeline work at once; a search says it is being prepared) and
//! completed by [`Library::index_text`] in slices the caller spreads over time.

use crate::data::{Dataset, DetailsState, Problem, Study};
use crate::exchange::StoredError;
use crate::search::{IndexBuilder, SearchIndex};
use crate::view_state::RecordSet;
use std::collections::HashSet;
use std::sync::{Arc, Mutex, PoisonError};

/// Views of more records than this are indexed in slices (see [`Library::index_text`]); fewer
/// are indexed at once, in tens of milliseconds at most.
pub const INDEX_AT_ONCE: usize = 2_000;

/// One searchable set of records: what the list, timeline and facets are drawn from.
#[derive(Debug)]
pub struct Catalog {
    /// Shared with the library when it is the bundled records alone, so 100k records are not
    /// held twice.
    pub dataset: Arc<Dataset>,
    pub index: SearchIndex,
    imported: Vec<bool>,
    /// Each record's first approach as its position in `Approach::ALL`, or `u8::MAX` for none:
    /// what the timeline's colour key reads for each match (read from the records themselves,
    /// 100k matches cost 20 ms per keystroke in a CPU profile, each a cache miss).
    first_approaches: Vec<u8>,
}

impl Catalog {
    /// The bundled records (or none) plus `imported`, indexed at once when they are few; else
    /// without their text, with the build that will add it.
    fn new(
        bundled: Option<&Arc<Dataset>>,
        version: &str,
        imported: &[Study],
    ) -> (Self, Option<IndexBuilder>) {
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
        let details_loading = bundled.is_some_and(|b| b.details == DetailsState::Loading);
        let (index, builder) = if details_loading {
            // Most of a record's words are in its summary: until that is in, a search with
            // text says it is being prepared rather than answer from titles alone. The library
            // that has the details makes a new catalog.
            (IndexBuilder::new(&dataset.studies).records_only(), None)
        } else if dataset.studies.len() > INDEX_AT_ONCE {
            let builder = IndexBuilder::new(&dataset.studies);
            (builder.records_only(), Some(builder))
        } else {
            (SearchIndex::build(&dataset.studies), None)
        };
        let imported = dataset
            .studies
            .iter()
            .map(|s| imported_ids.contains(s.id.as_str()))
            .collect();
        let first_approaches = dataset
            .studies
            .iter()
            .map(|s| s.approaches.first().map_or(u8::MAX, |&a| a as u8))
            .collect();
        let catalog = Self {
            dataset,
            index,
            imported,
            first_approaches,
        };
        (catalog, builder)
    }

    /// Whether the record at `index` came from the user's import.
    pub fn is_imported(&self, index: usize) -> bool {
        self.imported.get(index).copied().unwrap_or(false)
    }

    /// Each record's first approach as its position in `Approach::ALL`, or `u8::MAX` for none.
    pub fn first_approaches(&self) -> &[u8] {
        &self.first_approaches
    }
}

/// Bundled and imported records, with the problems met while loading them.
#[derive(Debug)]
pub struct Library {
    bundled: Arc<Dataset>,
    imported: Vec<Study>,
    /// Problems with the bundled data or the stored import, to show once at start-up.
    pub problems: Vec<Problem>,
    /// The stored import could not be read ([`StoredError::Unread`]) or was written by another
    /// version of the app ([`StoredError::UnknownVersion`]), so saving imports now would
    /// overwrite records this library does not hold.
    stored_unread: bool,
    views: [Mutex<View>; 3],
}

/// One "hide" choice's catalog once asked for, and the build of its text while one is going on.
#[derive(Debug, Default)]
struct View {
    catalog: Option<Arc<Catalog>>,
    builder: Option<IndexBuilder>,
}

impl Library {
    /// The bundled records plus the stored import, as [`crate::exchange::decode_stored`] read it back
    /// (the app asks its import/export worker for that). A corrupted or outdated stored import
    /// is reported and left out; it never stops the app.
    pub fn new(
        bundled: Dataset,
        stored: Option<Result<Vec<Study>, StoredError>>,
        mut problems: Vec<Problem>,
    ) -> Self {
        let mut imported = Vec::new();
        let mut stored_unread = false;
        match stored {
            None => {}
            Some(Ok(studies)) => imported = studies,
            Some(Err(StoredError::Invalid {
                problems: found,
                kept,
            })) => {
                problems.extend(found);
                imported = kept;
            }
            Some(Err(error)) => {
                let message = match error {
                    StoredError::Unread(_) => {
                        stored_unread = true;
                        error.to_string()
                    }
                    StoredError::UnknownVersion(_) => {
                        stored_unread = true;
                        format!("{error}; they were not loaded and are kept as they are")
                    }
                    _ => format!("{error}; the imported records were not loaded"),
                };
                problems.push(Problem {
                    file: "stored import".into(),
                    record: String::new(),
                    field: String::new(),
                    message,
                });
            }
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
            stored_unread,
            views: Default::default(),
        }
    }

    /// The searchable records with `hide` applied. Of more than [`INDEX_AT_ONCE`] records, the
    /// text is indexed by [`Library::index_text`]; until then a search with text is answered
    /// as pending.
    pub fn catalog(&self, hide: Option<RecordSet>) -> Arc<Catalog> {
        let mut view = self.view(hide);
        if let Some(catalog) = &view.catalog {
            return Arc::clone(catalog);
        }
        let (bundled, imported): (Option<&Arc<Dataset>>, &[Study]) = match hide {
            None => (Some(&self.bundled), &self.imported),
            Some(RecordSet::Imported) => (Some(&self.bundled), &[]),
            Some(RecordSet::Bundled) => (None, &self.imported),
        };
        let (catalog, builder) = Catalog::new(bundled, self.version(), imported);
        let catalog = Arc::new(catalog);
        view.catalog = Some(Arc::clone(&catalog));
        view.builder = builder;
        catalog
    }

    /// Goes on indexing the text of the catalog for `hide` while `more()` says so (it is asked
    /// every few records). `Some(percent)` while there is more to do; `None` once the catalog
    /// is complete (the next [`Library::catalog`] gives the complete one) or was never asked
    /// for.
    pub fn index_text(&self, hide: Option<RecordSet>, more: impl FnMut() -> bool) -> Option<u8> {
        let mut view = self.view(hide);
        let View { catalog, builder } = &mut *view;
        let (Some(old), Some(building)) = (catalog.as_ref(), builder.as_mut()) else {
            return None;
        };
        if !building.step(&old.dataset.studies, more) {
            return Some(building.percent());
        }
        let building = builder.take()?;
        let index = building.finish(&old.dataset.studies);
        *catalog = Some(Arc::new(Catalog {
            dataset: Arc::clone(&old.dataset),
            index,
            imported: old.imported.clone(),
            first_approaches: old.first_approaches.clone(),
        }));
        None
    }

    fn view(&self, hide: Option<RecordSet>) -> std::sync::MutexGuard<'_, View> {
        let slot = match hide {
            None => 0,
            Some(RecordSet::Imported) => 1,
            Some(RecordSet::Bundled) => 2,
        };
        // A panic aborts the app (`panic = "abort"`), so a poisoned lock is never seen; if it
        // were, the view in it is still whole.
        self.views[slot]
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// The version of the bundled data (links carry it; imports are this device's own).
    pub fn version(&self) -> &str {
        &self.bundled.version
    }

    /// The bundled records (without their details until those are in).
    pub fn bundled_studies(&self) -> &[Study] {
        &self.bundled.studies
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

    /// Where a retired or merged bundled id now leads, with the reason, if no record has it.
    pub fn redirect(&self, id: &str) -> Option<(String, String)> {
        if self.has_id(id) {
            return None;
        }
        self.bundled
            .redirect(id)
            .map(|r| (r.to.clone(), r.reason.clone()))
    }

    /// Whether this device's stored import could not be read at start-up (the worker did not
    /// load, or another version of the app wrote it): it is still in storage, and a new import
    /// must not be saved over it unless the user removes it first.
    pub fn stored_unread(&self) -> bool {
        self.stored_unread
    }

    /// Every id in use, bundled and imported, sorted: what an import may not reuse (the
    /// import/export worker gets this list, as [`Library::has_id`] cannot cross to it).
    pub fn taken_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = (self.bundled.studies.iter().chain(&self.imported))
            .map(|s| s.id.clone())
            .collect();
        crate::order::sort_by(&mut ids, |a, b| a.cmp(b));
        ids
    }

    /// A new library with `more` imported records added (they were validated by the import).
    /// `Err` lists the ids of `more` already in use: the file was checked against the ids of
    /// an earlier library, and an import confirmed since may have taken some.
    pub fn with_imported(&self, more: Vec<Study>) -> Result<Self, Vec<String>> {
        let imported_ids: HashSet<&str> = self.imported.iter().map(|s| s.id.as_str()).collect();
        let taken: Vec<String> = (more.iter())
            .filter(|s| self.bundled.index_of(&s.id).is_some() || imported_ids.contains(&*s.id))
            .map(|s| s.id.clone())
            .collect();
        if !taken.is_empty() {
            return Err(taken);
        }
        let mut imported = self.imported.clone();
        imported.extend(more);
        Ok(self.replaced(imported))
    }

    /// The guided stories (they come with the details).
    pub fn stories(&self) -> &[crate::data::Story] {
        &self.bundled.stories
    }

    /// The guided story with this id, once the stories are in.
    pub fn story(&self, id: &str) -> Option<&crate::data::Story> {
        self.bundled.story(id)
    }

    /// Whether the bundled records' summaries, sources and notes are in yet.
    pub fn details(&self) -> &DetailsState {
        &self.bundled.details
    }

    /// A new library whose bundled records have the details file's contents (`bytes`); `Err`
    /// says why the file does not fit them.
    pub fn with_details(&self, bytes: &[u8]) -> Result<Self, Problem> {
        let bundled = self.bundled.with_details(bytes)?;
        Ok(self.with_bundled(bundled))
    }

    /// A new library that no longer waits for the details file: it could not be had (`why`).
    /// Searches then cover what the records carry without it (titles, labels, institutions, tags).
    pub fn without_details(&self, why: String) -> Self {
        let mut bundled = Dataset::clone(&self.bundled);
        bundled.details = DetailsState::Failed(why);
        self.with_bundled(bundled)
    }

    fn with_bundled(&self, bundled: Dataset) -> Self {
        Self {
            bundled: Arc::new(bundled),
            imported: self.imported.clone(),
            problems: Vec::new(),
            stored_unread: self.stored_unread,
            views: Default::default(),
        }
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
            stored_unread: false,
            views: Default::default(),
        }
    }
}
