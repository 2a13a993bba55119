//! The application shell: the records loaded once, the view derived from the URL, the layout.
//!
//! The URL's query string is the only view state. Components read [`Ctx::state`] (parsed from
//! the URL) and [`Ctx::results`] (derived from it; the filters and the overview read its counts
//! a frame later, [`Ctx::tallies`]) and change the view with [`Ctx::set`], which writes a new
//! URL; nothing else holds filter state.

use crate::components::{
    bench::BenchView,
    data_panel::DataPanel,
    detail::DetailPanel,
    embed::EmbedCaption,
    empty::{EmptyState, Preparing},
    facets::Facets,
    header::{Header, HeaderActions},
    notices::Notices,
    overview::Overview,
    search_box::SearchBar,
    story::StoryPanel,
    study_list::{PrintList, StudyList},
    timeline::Timeline,
    toolbar::Toolbar,
};
use crate::data::{DETAILS_FILE, Dataset, DetailsState, Study};
use crate::exchange::StoredError;
use crate::exchange::protocol::{self, Reply, Request};
use crate::library::{Catalog, Library};
use crate::search::{Counted, Found, Query};
use crate::view_state::{self, UrlProblem, ViewMode, ViewState};
use leptos::prelude::*;
use std::sync::Arc;

/// How long typing or dragging must pause before the address bar is rewritten. Writing it is
/// slow in browsers (milliseconds per `replaceState`), far too slow for every keystroke; the
/// view itself updates at once.
const ADDRESS_DELAY_MS: u32 = 250;

/// How long each slice of indexing a large catalog's text may run before the browser gets to
/// paint and handle input (see [`index_text_in_slices`]).
const INDEX_SLICE_MS: f64 = 12.0;

/// The searchable records the view shows, compared by identity (a new import or a different
/// "hide" choice gives a new catalog; nothing mutates one in place).
#[derive(Clone, Debug)]
pub struct CatalogRef(pub Arc<Catalog>);

impl PartialEq for CatalogRef {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for CatalogRef {
    type Target = Catalog;
    fn deref(&self) -> &Catalog {
        &self.0
    }
}

/// The bundled records plus this device's stored import, as the import/export worker read it
/// back (`None`: there is none). Problems are reported, never fatal.
fn load_library(stored: Option<Result<Vec<Study>, StoredError>>) -> Library {
    let (dataset, problems) = Dataset::bundled();
    // Benchmark builds may swap in synthetic records of the same shape (`?records=N`).
    #[cfg(feature = "bench-data")]
    let dataset = match crate::platform::bench_record_count() {
        Some(count) => Dataset::new(
            format!("synthetic-{count}"),
            crate::synthetic::generate(count, 42),
        ),
        None => dataset,
    };
    Library::new(dataset, stored, problems)
}

/// This device's stored import, read back by the import/export worker. The worker is started
/// (and its wasm downloaded) only when there is one. When it cannot answer, the stored text is
/// left as it is, and the library knows not to save over it.
async fn read_stored_imports() -> Option<Result<Vec<Study>, StoredError>> {
    let text = crate::platform::load_stored_imports()?;
    Some(
        match crate::platform::exchange(&Request::DecodeStored { text }).await {
            Ok(Reply::DecodeStored(decoded)) => decoded,
            Ok(_) => Err(StoredError::Unread(protocol::UNEXPECTED.into())),
            Err(error) => Err(StoredError::Unread(error)),
        },
    )
}

/// How a change of view enters the browser history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum History {
    /// Typing and dragging: the current entry is replaced, so history is not flooded.
    Replace,
    /// Choosing a study, a view or a filter: Back returns to where the user was.
    Push,
}

/// What every component shares: the data, the view from the URL, and the way to change it.
#[derive(Clone)]
pub struct Ctx {
    /// Bundled and imported records; replaced (never mutated) by an import.
    pub library: RwSignal<Arc<Library>>,
    /// The searchable records for the current "hide" choice.
    pub catalog: Memo<CatalogRef>,
    /// While the catalog's text is being indexed: how far, in percent, once known.
    pub indexing: RwSignal<Option<u8>>,
    pub state: Memo<ViewState>,
    pub query: Memo<Query>,
    pub results: Memo<Found>,
    /// The counts of [`Ctx::results`] that the filters and the overview show, counted once the
    /// results themselves are painted: a keystroke's new results are not held up by counting
    /// and redrawing a hundred counts, which follow a frame later.
    pub tallies: ReadSignal<Counted>,
    /// The id of the selected study: what markers and cards watch, so typing does not wake
    /// every one of them.
    pub selected: Memo<Option<String>>,
    pub set: Callback<(ViewState, History)>,
    /// The bundled records added since this device's last visit (their ids; empty once the
    /// reader has seen the notice), and whether the results are only those.
    pub added: RwSignal<Vec<String>>,
    pub only_added: RwSignal<bool>,
    /// Whether this page is the compact view inside another page's frame (`embed=1` in the
    /// address it was opened with).
    pub embed: bool,
}

impl Ctx {
    /// The records the view is drawn from (tracked: a reactive reader re-runs on import).
    pub fn data(&self) -> CatalogRef {
        self.catalog.get()
    }

    /// Changes the view by writing `next` into the URL.
    pub fn go(&self, next: ViewState, history: History) {
        self.set.run((next, history));
    }

    /// Changes the view with `change` applied to the current state.
    pub fn update(&self, history: History, change: impl FnOnce(&mut ViewState)) {
        let mut next = self.state.get_untracked();
        change(&mut next);
        self.go(next, history);
    }

    /// The full address of the current view, to share or cite (the address bar may lag behind
    /// typing by [`ADDRESS_DELAY_MS`]; this never does).
    pub fn permalink(&self) -> String {
        address_of(&self.with_version(self.state.get_untracked()))
    }

    /// The "Embed this view" page (`public/embed.html`) for the current view: the view's query
    /// string, and its filters in words in the fragment (for the frame's title).
    pub fn embed_page_href(&self) -> String {
        let state = self.with_version(self.state.get_untracked());
        let words = crate::components::toolbar::filters_in_words(&state);
        format!(
            "embed.html{}#{}",
            address_search(&state),
            crate::platform::encode_component(&words)
        )
    }

    /// The full address of the current view in the whole app (from the compact view), tracking
    /// the view.
    pub fn full_address(&self) -> String {
        let mut state = self.with_version(self.state.get());
        state.embed = false;
        state.theme = None;
        address_of(&state)
    }

    /// The link (query string with `?`, or `.`) for the current view with `study` selected.
    pub fn study_href(&self, study: &str) -> String {
        let next = self
            .state
            .get_untracked()
            .with_study(Some(study.to_owned()));
        href(&self.with_version(next))
    }

    fn with_version(&self, mut state: ViewState) -> ViewState {
        state.dataset_version = Some(self.library.with_untracked(|l| l.version().to_owned()));
        state
    }
}

/// The full address of `state` on this page.
fn address_of(state: &ViewState) -> String {
    let query = view_state::write(state);
    let base = crate::platform::page_address();
    if query.is_empty() {
        base
    } else {
        format!("{base}?{query}")
    }
}

/// A same-page link to `state`: `?query`, or `.` for the default view.
pub fn href(state: &ViewState) -> String {
    let search = address_search(state);
    if search.is_empty() {
        ".".to_owned()
    } else {
        search
    }
}

/// `location.search` for `state`: `?query`, or empty for the default view.
fn address_search(state: &ViewState) -> String {
    let query = view_state::write(state);
    if query.is_empty() {
        query
    } else {
        format!("?{query}")
    }
}

/// Mounts the app on `<body>` in three tasks: the records (after the worker has read back a
/// stored import, if there is one), the landing view's index, the page.
/// Between them the browser can paint and handle input, so no task blocks it for long
/// (Lighthouse's "total blocking time" counts each task's time beyond 50 ms).
pub fn start() {
    crate::platform::install_panic_banner();
    // A link's theme (a host page matching its own) wins over this device's choice, and the
    // compact view hides the page's header at once.
    let (landing, _) = view_state::parse(&crate::platform::location_search());
    match landing.theme {
        Some(theme) => crate::platform::show_theme(theme.word()),
        None => crate::platform::apply_saved_theme(),
    }
    if landing.embed {
        crate::platform::mark_embedded();
    }
    wasm_bindgen_futures::spawn_local(async {
        let library = Arc::new(load_library(read_stored_imports().await));
        crate::platform::after_ms(0, move || {
            let (landing, _) = view_state::parse(&crate::platform::location_search());
            library.catalog(landing.hide);
            crate::platform::after_ms(0, move || {
                leptos::mount::mount_to_body(move || view! { <Shell library staged=true /> });
            });
        });
    });
}

/// The whole app in one go, for mounting anywhere (the browser tests). It leaves out this
/// device's stored import, which needs the import/export worker.
#[component]
pub fn App() -> impl IntoView {
    view! { <Shell library=Arc::new(load_library(None)) /> }
}

/// The address bar as the source of the view: `search` mirrors `location.search`, except that
/// typing and dragging change `search` at once and the address a moment later (see
/// [`ADDRESS_DELAY_MS`]). Back and Forward set `search` from the address.
#[derive(Clone, Copy)]
struct Address {
    search: RwSignal<String>,
    /// A replacement not yet written to the address bar.
    pending: StoredValue<Option<String>>,
    /// Writes it once typing pauses.
    pause: crate::platform::AfterPause,
}

impl Address {
    fn new() -> Self {
        let address = Self {
            search: RwSignal::new(crate::platform::location_search()),
            pending: StoredValue::new(None),
            pause: crate::platform::AfterPause::new(ADDRESS_DELAY_MS),
        };
        let _ = window_event_listener(leptos::ev::popstate, move |_| {
            address.pending.set_value(None);
            address.search.set(crate::platform::location_search());
        });
        // Leaving right after typing still records what was typed in this page's history
        // entry, so Back returns to it. A reload in that pause does not: the browser fixes the
        // reload's URL before the page hears of it.
        let _ = window_event_listener(leptos::ev::pagehide, move |_| address.flush());
        address
    }

    /// Shows `search` now; writes it to the address bar now (`Push`) or after a pause.
    fn go(self, search: String, history: History) {
        match history {
            History::Push => {
                // Back from the new entry returns to what was typed just before.
                self.flush();
                crate::platform::write_address(&search, true);
            }
            History::Replace => {
                self.pending.set_value(Some(search.clone()));
                self.pause.schedule(move || self.flush());
            }
        }
        if self.search.with_untracked(|s| *s != search) {
            self.search.set(search);
        }
    }

    /// Writes a pending replacement to the address bar.
    fn flush(self) {
        if let Some(search) = self.pending.try_update_value(Option::take).flatten() {
            crate::platform::write_address(&search, false);
        }
    }
}

#[component]
fn Shell(
    library: Arc<Library>,
    /// Build the data panel and a study's details a task after the rest of the page, so no task
    /// of the start blocks the browser for long (the page's start); otherwise everything at once
    /// (the browser tests).
    #[prop(optional)]
    staged: bool,
) -> impl IntoView {
    let library = RwSignal::new(library);
    let address = Address::new();
    let version = library.with_untracked(|l| l.version().to_owned());

    // The link the user arrived with, made canonical (unknown parameters dropped, dataset
    // version added) before anything reads it, so the first render is the final one. Problems
    // are what that link could not express; later navigation is always to canonical URLs
    // written by the app.
    let (landing_problems, embed): (Vec<UrlProblem>, bool) = {
        let (mut landing, mut problems) = address.search.with_untracked(|s| view_state::parse(s));
        library.with_untracked(|l| {
            problems.extend(view_state::follow_redirect(&mut landing, |id| {
                l.redirect(id)
            }));
            problems.extend(view_state::check_against(&mut landing, |id| l.has_id(id)));
        });
        problems.extend(landing.version_problem(&version));
        // Benchmark builds read `records` themselves (`platform::bench_record_count`).
        #[cfg(feature = "bench-data")]
        problems.retain(
            |p| !matches!(p, UrlProblem::UnknownParameter { name, .. } if name == "records"),
        );
        landing.dataset_version = Some(version.clone());
        let canonical = address_search(&landing);
        if address.search.with_untracked(|s| *s != canonical) {
            // Shown now, written to the address bar (no history entry) in a task of its own
            // after the page: writing it takes milliseconds.
            address.go(canonical, History::Replace);
            crate::platform::after_ms(0, move || address.flush());
        }
        (problems, landing.embed)
    };
    let state = Memo::new(move |_| {
        let (mut state, _) = address.search.with(|s| view_state::parse(s));
        library.with(|l| {
            view_state::follow_redirect(&mut state, |id| l.redirect(id));
            view_state::check_against(&mut state, |id| l.has_id(id))
        });
        state
    });
    let load_problems = library.with_untracked(|l| l.problems.clone());

    let set = {
        let version = version.clone();
        Callback::new(move |(mut next, history): (ViewState, History)| {
            next.dataset_version = Some(version.clone());
            // Inside another page's frame, a new history entry would make that page's Back
            // button step through the frame's views first.
            let history = if embed { History::Replace } else { history };
            address.go(address_search(&next), history);
        })
    };
    // Bumped when a catalog's text index is complete, so the complete catalog is taken up.
    let indexed = RwSignal::new(0u32);
    let catalog = Memo::new(move |_| {
        indexed.track();
        let hide = state.with(|s| s.hide);
        CatalogRef(library.with(|l| l.catalog(hide)))
    });
    let indexing = RwSignal::new(None);
    Effect::new(move |_| {
        let pending = catalog.with(|c| c.index.text_pending());
        let waiting = library.with(|l| *l.details() == DetailsState::Loading);
        if pending {
            indexing.set(Some(0));
            // Waiting for the records' summaries, the text is indexed by the new library.
            if !waiting {
                index_text_in_slices(library, catalog, state, indexing, indexed);
            }
        } else {
            indexing.set(None);
        }
    });
    // While a guided story is followed, the results are its records.
    let story_records = Memo::new(move |_| {
        let id = state.with(|s| s.story.clone())?;
        let steps: Vec<String> = library.with(|l| {
            l.story(&id)
                .map(|story| story.steps.iter().map(|s| s.record.clone()).collect())
        })?;
        Some(catalog.with(|c| c.dataset.positions_of(&steps)))
    });
    // Records added since the last visit: found once, at the start, from this device's note of
    // the ids it saw (benchmark builds' synthetic records are not noted).
    #[cfg(feature = "bench-data")]
    let remember = crate::platform::bench_record_count().is_none();
    #[cfg(not(feature = "bench-data"))]
    let remember = true;
    let added = RwSignal::new(if remember {
        library.with_untracked(|l| added_since_last_visit(l))
    } else {
        Vec::new()
    });
    let only_added = RwSignal::new(false);
    let added_records = Memo::new(move |_| {
        only_added
            .get()
            .then(|| added.with(|ids| catalog.with(|c| c.dataset.positions_of(ids))))
    });
    let query = Memo::new(move |_| {
        let mut query = state.with(ViewState::to_query);
        query.only = match (story_records.get(), added_records.get()) {
            (Some(story), Some(added)) => {
                Some(story.into_iter().filter(|i| added.contains(i)).collect())
            }
            (story, added) => story.or(added),
        };
        query
    });
    // The counts are not needed for the keystroke's frame: they are counted after it.
    let results = Memo::new(move |_| catalog.with(|c| query.with(|q| c.index.find(q))));
    let selected = Memo::new(move |_| state.with(|s| s.study.clone()));
    let tallies = follow_after_paint(results, move |found| {
        catalog.with_untracked(|c| query.with_untracked(|q| c.index.count(q, found)))
    });
    let ctx = Ctx {
        library,
        catalog,
        indexing,
        state,
        query,
        results,
        tallies,
        selected,
        set,
        added,
        only_added,
        embed,
    };
    provide_context(ctx.clone());

    // The header `index.html` painted before the app loaded stays (so it also stays the page's
    // largest first paint); the app adds its buttons to it. Mounted elsewhere, the app brings
    // its own.
    load_details_after_paint(library);

    let header = match crate::platform::static_header() {
        Some(header) => {
            crate::platform::remove_loading_note();
            // Lives as long as the page, like the app itself.
            if !embed {
                leptos::mount::mount_to(header, HeaderActions).forget();
            }
            None
        }
        None if embed => None,
        None => Some(view! { <Header /> }),
    };
    let view_mode = Memo::new(move |_| state.with(|s| s.view));
    let empty = Memo::new(move |_| results.with(|r| r.hits.is_empty()));
    let pending = Memo::new(move |_| results.with(|r| r.pending));
    let printing = crate::platform::printing();
    // Staged: what is below the first screen (the data panel) or shown on demand (a study's
    // details) comes a task after the rest, so the first results are not held up by it.
    let rest_built = RwSignal::new(!staged);
    if staged {
        crate::platform::after_ms(0, move || {
            let _ = rest_built.try_set(true);
        });
    }
    // `data-indexing`: how far the text index is, while it is built (for tests and
    // benchmarks; users see it in the results when they search).
    let results_view = view! {
        <main
            id="results"
            class="results"
            tabindex="-1"
            data-indexing=move || indexing.get().map(|percent| percent.to_string())
        >
            <StoryPanel />
            <Toolbar />
            {move || {
                if printing.get() {
                    view! { <PrintList /> }.into_any()
                } else if pending.get() {
                    view! { <Preparing /> }.into_any()
                } else if empty.get() {
                    view! { <EmptyState /> }.into_any()
                } else {
                    match view_mode.get() {
                        ViewMode::Timeline => view! { <Timeline /> }.into_any(),
                        ViewMode::List => view! { <StudyList /> }.into_any(),
                        ViewMode::Bench => view! { <BenchView /> }.into_any(),
                    }
                }
            }}
        </main>
    };
    // Embedded in another page's frame (`embed=1`), the page is compact: a caption that says
    // what the view shows and links to the whole app, then the records; no header, search,
    // filters, data panel or footer.
    let full = !embed;
    view! {
        {header}
        <div class="page" class:embedded=embed>
            {embed.then(|| view! { <EmbedCaption /> })}
            <Notices url_problems=landing_problems load_problems=load_problems />
            {full.then(|| view! { <SearchBar /> })}
            // On a narrow screen the overview folds into the filters (components::facets).
            {(full && crate::platform::is_wide()).then(|| view! { <Overview /> })}
            <div class="layout">
                {full.then(|| view! { <div class="sidebar"><Facets /></div> })}
                {results_view}
                {full.then(|| view! {
                    <div class="sidebar sidebar-data">
                        {move || rest_built.get().then(|| view! { <DataPanel /> })}
                    </div>
                })}
            </div>
            {move || rest_built.get().then(|| view! { <DetailPanel /> })}
        </div>
        {full.then(|| view! {
            <footer class="site-footer">
                <p>
                    "Every record lists its sources and how well each fact is verified. Dataset version "
                    <code>{version.clone()}</code> ", "
                    {move || library.with(|l| l.bundled_count())} " bundled records."
                </p>
            </footer>
        })}
    }
}

/// The ids of the bundled records this device did not have at its last visit. A first visit
/// (or a note this version cannot read) notes today's records and finds none new.
fn added_since_last_visit(library: &Library) -> Vec<String> {
    let studies = library.bundled_studies();
    match crate::platform::load_text(crate::seen::KEY).and_then(|text| crate::seen::decode(&text)) {
        Some(seen) => crate::seen::added(&seen, studies),
        None => {
            note_this_visit(library);
            Vec::new()
        }
    }
}

/// Notes today's bundled records as seen on this device.
pub fn note_this_visit(library: &Library) {
    crate::platform::save_text(
        crate::seen::KEY,
        &crate::seen::encode(library.bundled_studies()),
    );
}

/// Fetches the bundled records' details (summaries, sources, notes) once the first results are
/// painted, so they never hold those up; see [`load_details`].
fn load_details_after_paint(library: RwSignal<Arc<Library>>) {
    if library.with_untracked(|l| *l.details() == DetailsState::Loading) {
        crate::platform::after_paint(move || {
            wasm_bindgen_futures::spawn_local(load_details(library));
        });
    }
}

/// Fetches the details file ([`DETAILS_FILE`]; the service worker keeps it for offline use)
/// and completes the library with it. If it cannot be had or does not fit the records, the
/// library stops waiting for it and keeps the reason, which a notice shows with "Try again"
/// (this function again). Whatever was imported meanwhile is kept: the details go into the
/// library current when they arrive.
pub async fn load_details(library: RwSignal<Arc<Library>>) {
    let fetched = crate::platform::fetch_beside(DETAILS_FILE).await;
    let Some(current) = library.try_get_untracked() else {
        return;
    };
    let next = match fetched {
        Ok(bytes) => current
            .with_details(&bytes)
            .unwrap_or_else(|problem| current.without_details(problem.message)),
        Err(why) => current.without_details(why),
    };
    let _ = library.try_set(Arc::new(next));
}

/// A signal that follows `part` of `source` and changes only when that part does.
///
/// A memo of the part would do the same for the values read, but every change of `source`
/// would still mark the memo's readers, and theirs, to be checked. Here only the effect that
/// compares the parts hears of it: typing changes the view state on every key, and the filters'
/// ~100 rows, which read only the selected values, are not visited at all.
pub fn follow<T, U>(source: Memo<T>, part: fn(&T) -> U) -> ReadSignal<U>
where
    T: Send + Sync + 'static,
    U: PartialEq + Send + Sync + 'static,
{
    let value = RwSignal::new(source.with_untracked(part));
    Effect::new(move |_| set_if_changed(value, source.with(part)));
    value.read_only()
}

/// A signal that follows `part` of `source`, updated in a task after the frame that paints a
/// change of `source` (a burst of changes within one frame gives one update), and only when that
/// part differs.
pub fn follow_after_paint<T, U>(
    source: Memo<T>,
    part: impl Fn(&T) -> U + Copy + Send + Sync + 'static,
) -> ReadSignal<U>
where
    T: Send + Sync + 'static,
    U: PartialEq + Send + Sync + 'static,
{
    let value = RwSignal::new(source.with_untracked(part));
    let scheduled = StoredValue::new(false);
    Effect::new(move |_| {
        source.track();
        if scheduled.try_get_value() != Some(false) {
            return;
        }
        scheduled.set_value(true);
        crate::platform::after_paint(move || {
            // Gone with its component (a test's app unmounted): nothing to update.
            if scheduled.try_set_value(false).is_some() {
                return;
            }
            if let Some(next) = source.try_with_untracked(part) {
                set_if_changed(value, next);
            }
        });
    });
    value.read_only()
}

/// Sets `value` to `next` if they differ (so its readers hear only of real changes); does
/// nothing once `value` is gone with its component.
fn set_if_changed<U>(value: RwSignal<U>, next: U)
where
    U: PartialEq + Send + Sync + 'static,
{
    if value.try_with_untracked(|now| *now != next) == Some(true) {
        let _ = value.try_set(next);
    }
}

/// Indexes the text of the catalog on screen, a slice of about [`INDEX_SLICE_MS`] per task, so
/// typing, scrolling and filtering stay responsive meanwhile; stops when the catalog is complete
/// (then `indexed` is bumped, which brings the complete one on screen) or is no longer on
/// screen (an import or another "hide" choice; its build is kept and goes on if it comes back).
fn index_text_in_slices(
    library: RwSignal<Arc<Library>>,
    catalog: Memo<CatalogRef>,
    state: Memo<ViewState>,
    indexing: RwSignal<Option<u8>>,
    indexed: RwSignal<u32>,
) {
    let Some(mine) = catalog.try_get_untracked() else {
        return;
    };
    crate::platform::soon(move || {
        let on_screen = catalog
            .try_with_untracked(|c| Arc::ptr_eq(&c.0, &mine.0))
            .unwrap_or(false);
        if !on_screen {
            return;
        }
        let (Some(records), Some(hide)) = (
            library.try_get_untracked(),
            state.try_with_untracked(|s| s.hide),
        ) else {
            return;
        };
        let deadline = crate::platform::now_ms() + INDEX_SLICE_MS;
        match records.index_text(hide, || crate::platform::now_ms() < deadline) {
            Some(percent) => {
                if indexing.get_untracked() != Some(percent) {
                    indexing.set(Some(percent));
                }
                index_text_in_slices(library, catalog, state, indexing, indexed);
            }
            None => indexed.update(|n| *n += 1),
        }
    });
}

/// "12 of 84 studies", "All 84 studies", "No studies match".
pub fn count_sentence(shown: usize, total: usize) -> String {
    match shown {
        0 => "No studies match".to_owned(),
        n if n == total => format!("All {total} studies"),
        1 => format!("1 of {total} studies"),
        n => format!("{n} of {total} studies"),
    }
}
