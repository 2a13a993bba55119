//! "Your data": export the current view (CSV, JSON, BibTeX, RIS), cite it, and import your own
//! records (JSON or CSV), which are validated like the bundled data and kept on this device.
//!
//! An import never changes anything until the user confirms it; a file with problems is refused
//! with the reasons, or — only on an explicit choice — imported without its invalid rows.

use super::ctx;
use crate::app::{Ctx, History};
use crate::data::{DetailsState, Study};
use crate::exchange::protocol::{self, ExportFormat, Reply, Request};
use crate::exchange::{self, ImportReport, ViewCitation};
use crate::platform;
use crate::view_state::RecordSet;
use leptos::prelude::*;
use std::sync::Arc;

/// What export and citation say while a search waits for the records' text to be indexed.
pub const PREPARING: &str =
    "The search is still being prepared; export or cite once its results show.";

/// Why an import is not saved while the stored one could not be read.
const UNREAD: &str = "The records imported earlier could not be read this time, and saving now would replace them. Reload the page and import again, or remove the saved records first. Nothing was changed.";

/// Why an import is not saved when the records on this device changed while it was saved.
const CHANGED: &str = "The records on this device changed while the import was being saved, so it was not saved. Nothing was changed; choose the import button again to add the records.";

/// How many problems are listed before "…and N more".
const PROBLEMS_SHOWN: usize = 20;

/// The records of the current view, in result order.
fn current_records(ctx: &Ctx) -> Vec<Study> {
    let data = ctx.catalog.get_untracked();
    ctx.results.with_untracked(|r| {
        r.hits
            .iter()
            .map(|&i| data.dataset.studies[i as usize].clone())
            .collect()
    })
}

/// Why an export now would leave out the bundled records' summaries, sources and notes, if it
/// would.
fn details_missing(details: &DetailsState) -> Option<String> {
    match details {
        DetailsState::Complete => None,
        DetailsState::Loading => Some(
            "The records' summaries and sources are still loading; export once they are in.".into(),
        ),
        DetailsState::Failed(why) => Some(format!(
            "The records' summaries and sources could not be loaded ({why}), so an export would \
             leave them out. Try again from the notice at the top once you are online."
        )),
    }
}

/// What the panel says when the import/export worker gave no usable answer to `what`.
pub fn failed(what: &str, answer: Result<Reply, String>) -> String {
    let why = answer.err().unwrap_or_else(|| protocol::UNEXPECTED.into());
    format!("{what} failed: {why}. Nothing was changed.")
}

/// Sends `request` to the import/export worker and offers the text it answers as the file
/// `name`: of type `mime`, or, for `None`, an SVG drawn as a PNG. `message` says how it went:
/// `what` failed and why, or `done`. Exports and pictures share it.
pub fn ask_and_offer(
    request: Request,
    name: String,
    mime: Option<&'static str>,
    (what, done): (&'static str, String),
    message: WriteSignal<String>,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let text = match platform::exchange(&request).await {
            Ok(Reply::Export(text) | Reply::Picture(text)) => text,
            other => return message.set(failed(what, other)),
        };
        let saved = match mime {
            Some(mime) => platform::download(&name, mime, &text),
            None => platform::download_png(&name, &text).await,
        };
        message.set(match saved {
            Ok(()) => done,
            Err(error) => format!("The download failed: {error}."),
        });
    });
}

#[component]
pub fn DataPanel() -> impl IntoView {
    let ctx = ctx();
    let (message, set_message) = signal(String::new());
    let report = RwSignal::new(None::<Arc<ImportReport>>);
    // While an import is being saved, a second click on its button does nothing.
    let saving = RwSignal::new(false);

    let export = {
        let ctx = ctx.clone();
        move |format: ExportFormat| {
            if ctx.results.with_untracked(|r| r.pending) {
                set_message.set(PREPARING.into());
                return;
            }
            if let Some(why) = ctx.library.with_untracked(|l| details_missing(l.details())) {
                set_message.set(why);
                return;
            }
            let studies = current_records(&ctx);
            let count = studies.len();
            let dataset_version = ctx.library.with_untracked(|l| l.version().to_owned());
            set_message.set("Preparing the file…".into());
            let request = Request::Export {
                format,
                studies,
                dataset_version,
            };
            let (mime, extension) = format.file_type();
            let name = format!("immunotherapy-timeline-{}.{extension}", platform::today());
            let done = format!("Downloaded {name} ({count} records).");
            ask_and_offer(request, name, Some(mime), ("The export", done), set_message);
        }
    };
    let citation = {
        let ctx = ctx.clone();
        Memo::new(move |_| {
            ctx.state.track();
            if ctx.results.with(|r| r.pending) {
                return PREPARING.to_owned();
            }
            let shown = ctx.results.with(|r| r.hits.len());
            let version = ctx.library.with(|l| l.version().to_owned());
            exchange::cite_view(&ViewCitation {
                permalink: &ctx.permalink(),
                dataset_version: &version,
                shown,
                matching: &super::toolbar::filters_in_words(&ctx.state.get_untracked()),
                accessed: &platform::today(),
            })
        })
    };
    let results = ctx.results;
    let copy_citation = move |_| {
        if results.with_untracked(|r| r.pending) {
            set_message.set(PREPARING.into());
            return;
        }
        platform::copy_text(citation.get_untracked(), move |ok| {
            set_message.set(if ok {
                "Citation copied.".into()
            } else {
                "Copying failed; select the text instead.".into()
            });
        });
    };

    let read = {
        let ctx = ctx.clone();
        move |file: web_sys::File| {
            let library = ctx.library;
            let name = file.name();
            set_message.set(format!("Reading {name}…"));
            wasm_bindgen_futures::spawn_local(async move {
                match platform::read_file(file).await {
                    Ok(bytes) => {
                        let request = Request::Import {
                            file_name: name,
                            bytes,
                            taken_ids: library.with_untracked(|l| l.taken_ids()),
                        };
                        match platform::exchange(&request).await {
                            Ok(Reply::Import(checked)) => {
                                set_message.set(String::new());
                                report.set(Some(Arc::new(checked)));
                            }
                            other => set_message.set(failed("Reading the file", other)),
                        }
                    }
                    Err(error) => set_message.set(format!("{name}: {error}. Nothing was changed.")),
                }
            });
        }
    };
    let on_pick = {
        move |ev: leptos::ev::Event| {
            let input: web_sys::HtmlInputElement = event_target(&ev);
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                read(file);
            }
            input.set_value("");
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            read(file);
        }
    };
    let confirm = {
        let ctx = ctx.clone();
        move |_| {
            let Some(checked) = report.get_untracked() else {
                return;
            };
            if saving.get_untracked() {
                return;
            }
            let library = ctx.library;
            let before = library.get_untracked();
            if before.stored_unread() {
                set_message.set(UNREAD.into());
                return;
            }
            let next = match before.with_imported(checked.valid.clone()) {
                Ok(next) => next,
                Err(taken) => {
                    report.set(None);
                    set_message.set(format!(
                        "Since {} was read, records with the id {} were imported; read the file again. Nothing was changed.",
                        checked.file_name,
                        taken.join(", ")
                    ));
                    return;
                }
            };
            set_message.set("Saving…".into());
            saving.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let request = Request::EncodeStored {
                    studies: next.imported().to_vec(),
                };
                let answer = platform::exchange(&request).await;
                saving.set(false);
                let text = match answer {
                    Ok(Reply::EncodeStored(text)) => text,
                    other => return set_message.set(failed("The import", other)),
                };
                // A removal or another import while this one was encoded: saving `next` would
                // undo it.
                if !Arc::ptr_eq(&before, &library.get_untracked()) {
                    return set_message.set(CHANGED.into());
                }
                match platform::save_stored_imports(Some(&text)) {
                    Ok(()) => {
                        let n = checked.valid.len();
                        library.set(Arc::new(next));
                        report.set(None);
                        set_message.set(format!(
                            "Imported {n} record{}; they are marked “Imported”.",
                            if n == 1 { "" } else { "s" }
                        ));
                    }
                    Err(error) => {
                        set_message.set(format!("Import failed: {error}. Nothing was changed."))
                    }
                }
            });
        }
    };
    let remove = {
        let ctx = ctx.clone();
        move |_| match platform::save_stored_imports(None) {
            Ok(()) => {
                let next = ctx.library.with_untracked(|l| l.without_imported());
                ctx.library.set(Arc::new(next));
                ctx.update(History::Push, |s| s.hide = None);
                set_message.set("Removed the imported records from this device.".into());
            }
            Err(error) => set_message.set(format!("{error}. Nothing was changed.")),
        }
    };
    let imported_count = {
        let ctx = ctx.clone();
        move || ctx.library.with(|l| l.imported().len())
    };
    // Saved records this visit could not read can be removed too, as the way out of them.
    let unread = {
        let ctx = ctx.clone();
        move || ctx.library.with(|l| l.stored_unread())
    };
    let hide = {
        let ctx = ctx.clone();
        move || ctx.state.with(|s| s.hide)
    };
    let toggle = {
        let ctx = ctx.clone();
        move |set: RecordSet| {
            ctx.update(History::Push, |s| {
                s.hide = if s.hide == Some(set) { None } else { Some(set) };
            });
        }
    };
    let toggle_bundled = toggle.clone();
    let remove_unread = remove.clone();

    view! {
        <section class="data-panel" aria-labelledby="data-title">
            <h2 id="data-title">"Your data"</h2>
            <h3>"Export this view"</h3>
            <div class="button-row">
                {
                    let export = export.clone();
                    view! { <button type="button" class="button" on:click=move |_| export(ExportFormat::Csv)>"CSV"</button> }
                }
                {
                    let export = export.clone();
                    view! { <button type="button" class="button" on:click=move |_| export(ExportFormat::Json)>"JSON"</button> }
                }
                {
                    let export = export.clone();
                    view! { <button type="button" class="button" on:click=move |_| export(ExportFormat::Bibtex)>"BibTeX"</button> }
                }
                <button type="button" class="button" on:click=move |_| export(ExportFormat::Ris)>"RIS"</button>
            </div>
            <h3>"Cite this view"</h3>
            <p class="citation">{move || citation.get()}</p>
            <button type="button" class="button" on:click=copy_citation>"Copy citation"</button>
            <h3>"Import your own records"</h3>
            <p class="hint-text">
                "A JSON file in this app's format or a CSV with the export's columns. It stays on this device; nothing is uploaded."
            </p>
            <label class="drop-zone" on:dragover=|ev: web_sys::DragEvent| ev.prevent_default() on:drop=on_drop>
                <span>"Choose or drop a file"</span>
                <input type="file" accept=".json,.csv,application/json,text/csv" on:change=on_pick />
            </label>
            {move || report.get().map(|r| view! { <ImportReportView report=r confirm=confirm cancel=move || report.set(None) /> })}
            <Show when=move || unread()>
                <p>"Records imported earlier are saved on this device but could not be read this time."</p>
                <button type="button" class="button" on:click=remove_unread.clone()>"Remove the saved records"</button>
            </Show>
            <Show when=move || { imported_count() > 0 }>
                <p>{move || format!("{} imported records on this device.", imported_count())}</p>
                <div class="button-row">
                    <label class="facet-option">
                        <input type="checkbox" prop:checked=move || hide() != Some(RecordSet::Bundled) on:change={
                            let toggle = toggle_bundled.clone();
                            move |_| toggle(RecordSet::Bundled)
                        } />
                        <span>"Show bundled records"</span>
                    </label>
                    <label class="facet-option">
                        <input type="checkbox" prop:checked=move || hide() != Some(RecordSet::Imported) on:change={
                            let toggle = toggle.clone();
                            move |_| toggle(RecordSet::Imported)
                        } />
                        <span>"Show imported records"</span>
                    </label>
                </div>
                <button type="button" class="button" on:click=remove.clone()>"Remove imported records"</button>
            </Show>
            <p class="data-status" role="status">{move || message.get()}</p>
        </section>
    }
}

#[component]
fn ImportReportView(
    report: Arc<ImportReport>,
    confirm: impl Fn(leptos::ev::MouseEvent) + Clone + Send + Sync + 'static,
    cancel: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let problems: Vec<String> = report.problems().map(|p| p.to_string()).collect();
    let more = problems.len().saturating_sub(PROBLEMS_SHOWN);
    let listed = problems
        .iter()
        .take(PROBLEMS_SHOWN)
        .map(|p| view! { <li>{p.clone()}</li> })
        .collect_view();
    let valid = report.valid.len();
    let invalid = report.invalid.len();
    let action = if !report.refused.is_empty() || valid == 0 {
        None
    } else if report.is_clean() {
        Some(format!(
            "Import {valid} record{}",
            if valid == 1 { "" } else { "s" }
        ))
    } else if report.can_import_valid_part() {
        Some(format!("Import the {valid} valid, skip {invalid}"))
    } else {
        None
    };
    let heading = if action.is_none() {
        format!(
            "{} cannot be imported. Nothing was changed.",
            report.file_name
        )
    } else {
        format!("{}: {}", report.file_name, report.summary())
    };
    let cancel_again = cancel.clone();
    view! {
        <div class="import-report" role="alert">
            <p class="notice-title">{heading}</p>
            {report.notes.iter().map(|n| view! { <p>{n.clone()}</p> }).collect_view()}
            {(!problems.is_empty()).then(|| view! { <ul class="problems">{listed}</ul> })}
            {(more > 0).then(|| view! { <p>{format!("…and {more} more problems.")}</p> })}
            <div class="button-row">
                {action.map(|label| view! { <button type="button" class="button primary" on:click=confirm.clone()>{label}</button> })}
                <button type="button" class="button" on:click=move |_| cancel_again()>
                    {if report.refused.is_empty() && valid > 0 { "Cancel" } else { "Close" }}
                </button>
            </div>
        </div>
    }
}
